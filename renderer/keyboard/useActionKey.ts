import { useStore } from 'zustand';
import { formatChord, type ActionId } from '../../shared/keymap';
import { keyboardPlatform, keymap } from './keymap';

/** The action's first key as the agent has it mapped ("Ctrl+/"), or '' when it has none: text that names a key follows a remap. */
export function useActionKey(action: ActionId): string {
  const binding = useStore(keymap, (state) => state.bindings.find((candidate) => candidate.action === action));
  return binding ? formatChord(binding.chord, keyboardPlatform) : '';
}
