import { useStore } from 'zustand';
import type { ActionId } from '../../shared/keymap';
import { actionKeyLabel, keymap } from './keymap';

/** actionKeyLabel for a component: it renders again when the keys are remapped. */
export function useActionKey(action: ActionId): string {
  return useStore(keymap, (state) => actionKeyLabel(action, state.bindings));
}
