import { useStore } from 'zustand';
import type { ActionId } from '../../shared/keymap';
import { overlays } from './overlayStore';

export interface OverlaysProps {
  onRunAction(id: ActionId): void;
  onOpenConversation(conversationId: string): void;
}

/** Whichever overlay is open (palette, help, search, settings), drawn over the workspace. */
export function Overlays(_props: OverlaysProps) {
  const open = useStore(overlays, (state) => state.open);
  if (open === null) return null;
  return <div role="dialog" aria-modal="true" data-overlay={open} />;
}
