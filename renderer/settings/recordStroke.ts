import type { KeyboardPlatform } from '../../shared/keymap';
import { KEYS } from '../../shared/keymap/keys';

// Held on their way to a real key; a press of one alone is no stroke.
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'Process']);

/**
 * A key press as a keymap stroke (`Mod+Shift+KeyK`), or null for a lone
 * modifier or a key the keymap cannot name. The platform's command key is
 * written `Mod`, so a keymap recorded on a Mac also works on Windows.
 */
export function recordStroke(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, platform: KeyboardPlatform): string | null {
  if (MODIFIER_KEYS.has(event.key) || !KEYS.has(event.code)) return null;
  const mod = platform === 'mac' ? event.metaKey : event.ctrlKey;
  const modifiers = [
    mod && 'Mod',
    platform === 'mac' && event.ctrlKey && 'Ctrl',
    platform !== 'mac' && event.metaKey && 'Meta',
    event.altKey && 'Alt',
    event.shiftKey && 'Shift',
  ].filter((name): name is string => name !== false);
  return [...modifiers, event.code].join('+');
}
