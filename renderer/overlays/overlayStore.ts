import { createStore } from 'zustand/vanilla';

export type OverlayKind = 'palette' | 'help' | 'search' | 'settings';

export interface OverlayState {
  /** At most one overlay at a time: opening another replaces it. */
  open: OverlayKind | null;
}

export const overlays = createStore<OverlayState>(() => ({ open: null }));

/**
 * Where focus was before the first overlay opened. The palette can hand over
 * to settings or search, so only the first opening records it: closing the
 * last overlay returns the agent to the list or the reply box, never to a
 * dialog that is gone.
 */
let returnTo: Element | null = null;

export function showOverlay(kind: OverlayKind): void {
  if (overlays.getState().open === null) returnTo = document.activeElement;
  overlays.setState({ open: kind });
}

const FOCUSABLE = '[tabindex], input, select, textarea, button, [href]';

/**
 * Where focus goes back to: the element itself, or if it went while the
 * overlay was open (a pane re-rendered), the nearest focusable ancestor that
 * is still on screen, so focus never falls to the page.
 */
function survivor(element: Element | null): HTMLElement | null {
  for (let node = element; node !== null; node = node.parentElement) {
    if (node.isConnected && node instanceof HTMLElement && node.matches(FOCUSABLE)) return node;
  }
  return null;
}

/** Closes the overlay and puts focus back at once, so an action run next finds it where the agent left it. */
export function hideOverlay(): void {
  if (overlays.getState().open === null) return;
  overlays.setState({ open: null });
  const target = survivor(returnTo);
  returnTo = null;
  target?.focus();
}
