/**
 * Keys a remapping may not take. Copy, cut, paste, select-all and Tab must
 * keep working everywhere (agents copy from messages; Tab is how focus moves);
 * in a text field the agent also needs text undo and every key that types or
 * edits text.
 */
import { actionDef, type ActionId } from './actions';
import { KEYBOARD_PLATFORMS, comboId, parseChord, strokeCombo, type Chord, type KeyCombo, type KeyboardPlatform } from './chord';

export type ReservedUse = 'copy' | 'cut' | 'paste' | 'selectAll' | 'focus' | 'undoTyping' | 'typing';

interface Reservation {
  readonly use: ReservedUse;
  /** Only text-field actions are kept off it: outside a text field Mod+Z is the console's own undo. */
  readonly textFieldOnly?: true;
}

const RESERVED: readonly (readonly [chord: string, Reservation])[] = [
  ['Mod+C', { use: 'copy' }],
  ['Mod+X', { use: 'cut' }],
  ['Mod+V', { use: 'paste' }],
  ['Mod+Shift+V', { use: 'paste' }],
  ['Mod+A', { use: 'selectAll' }],
  ['Tab', { use: 'focus' }],
  ['Shift+Tab', { use: 'focus' }],
  ['Mod+Z', { use: 'undoTyping', textFieldOnly: true }],
  ['Mod+Shift+Z', { use: 'undoTyping', textFieldOnly: true }],
  ['Mod+Y', { use: 'undoTyping', textFieldOnly: true }],
];

function reservationsOn(platform: KeyboardPlatform): ReadonlyMap<string, Reservation> {
  return new Map(
    RESERVED.map(([text, reservation]) => {
      const parsed = parseChord(text);
      if (!parsed.ok) throw new Error(`Reserved chord ${text} does not parse`);
      return [comboId(strokeCombo(parsed.chord[0], platform)), reservation];
    }),
  );
}

const RESERVATIONS: Readonly<Record<KeyboardPlatform, ReadonlyMap<string, Reservation>>> = { mac: reservationsOn('mac'), other: reservationsOn('other') };

const EDITING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Backspace', 'Delete', 'Insert']);

/**
 * Whether a text field needs this press itself: anything without Ctrl or ⌘
 * types (plain, Shift, Option on a Mac), Ctrl+Alt is AltGr on Windows (Polish
 * ą, ż), and editing keys move or delete even with Ctrl or ⌘ (Ctrl+←, ⌘+⌫).
 * Esc and the function keys never type.
 */
function editsText(combo: KeyCombo): boolean {
  if (combo.code === 'Escape' || /^F\d+$/.test(combo.code)) return false;
  if (!combo.ctrl && !combo.meta) return true;
  if (combo.ctrl && combo.alt) return true;
  return EDITING_KEYS.has(combo.code);
}

/** What keeps the chord from the action, if anything; every stroke and both platforms are checked, as one keymap serves both. */
export function reservedUse(chord: Chord, action: ActionId): ReservedUse | null {
  const inTextField = actionDef(action).inTextField === true;
  for (const platform of KEYBOARD_PLATFORMS) {
    for (const stroke of chord) {
      const combo = strokeCombo(stroke, platform);
      const reservation = RESERVATIONS[platform].get(comboId(combo));
      if (reservation !== undefined && (inTextField || reservation.textFieldOnly !== true)) return reservation.use;
      if (inTextField && editsText(combo)) return 'typing';
    }
  }
  return null;
}
