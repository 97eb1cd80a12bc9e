import { createStore } from 'zustand/vanilla';

export type OverlayKind = 'palette' | 'help' | 'search' | 'settings';

export interface OverlayState {
  /** At most one overlay at a time: opening another replaces it. */
  open: OverlayKind | null;
}

export const overlays = createStore<OverlayState>(() => ({ open: null }));

export function showOverlay(kind: OverlayKind): void {
  overlays.setState({ open: kind });
}

export function hideOverlay(): void {
  overlays.setState({ open: null });
}
