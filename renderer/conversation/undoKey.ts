import { createMatcher, type Binding } from '../../shared/keymap';
import { keyboardPlatform, keymap } from '../keyboard/keymap';

const undoBindings = (): readonly Binding[] => keymap.getState().bindings.filter((binding) => binding.action === 'undo');

/**
 * Whether a key in the reply box is the keymap's undo key. The keymap keeps
 * undo out of text fields (there it undoes typing), so the composer asks
 * directly — and only when its box is empty and a reply is in its undo window,
 * where there is no typing to undo.
 */
export function isUndoKey(event: KeyboardEvent): boolean {
  const match = createMatcher(undoBindings()).handle(event, { scope: 'global', inTextField: false, platform: keyboardPlatform, now: event.timeStamp });
  return match.kind === 'action';
}
