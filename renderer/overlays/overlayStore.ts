import { createStore } from 'zustand/vanilla';

export type OverlayKind = 'palette' | 'help' | 'search' | 'settings' | 'canned' | 'accounts' | 'diagnostics';

export interface OverlayState {
  /** At most one overlay at a time: opening another replaces it. */
  open: OverlayKind | null;
}

export const overlays = createStore<OverlayState>(() => ({ open: null }));

/**
 * Where focus was before the first overlay opened, with its ancestors. The
 * palette can hand over to settings or search, so only the first opening
 * records it: closing the last overlay returns the agent to the list or the
 * reply box, never to a dialog that is gone. If that element went while the
 * overlay was open (a pane re-rendered), its nearest focusable ancestor still
 * on screen takes focus, so focus never falls to the page.
 */
let returnPath: readonly Element[] = [];

const FOCUSABLE = '[tabindex], input, select, textarea, button, [href]';

function pathFrom(element: Element | null): Element[] {
  const path: Element[] = [];
  for (let node = element; node !== null; node = node.parentElement) path.push(node);
  return path;
}

export function showOverlay(kind: OverlayKind): void {
  if (overlays.getState().open === null) returnPath = pathFrom(document.activeElement);
  overlays.setState({ open: kind });
}

/** Closes the overlay and puts focus back at once, so an action run next finds it where the agent left it. */
export function hideOverlay(): void {
  if (overlays.getState().open === null) return;
  overlays.setState({ open: null });
  const target = returnPath.find((node): node is HTMLElement => node.isConnected && node instanceof HTMLElement && node.matches(FOCUSABLE));
  returnPath = [];
  target?.focus();
}
