import type { KeyEventLike } from '../../../shared/keymap';

/** A keydown as a browser reports it: `code` is the physical key, `key` what the active layout typed. */
export function press(code: string, key: string, modifiers: Partial<Omit<KeyEventLike, 'code' | 'key'>> = {}): KeyEventLike {
  return { code, key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}
