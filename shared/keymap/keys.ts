/**
 * The physical keys a shortcut may use, named by `KeyboardEvent.code` (the
 * key's position on a US keyboard, whatever layout is active), with the label
 * shown for each and the shorter names people write in a keymap.
 */

interface KeyInfo {
  readonly label: string;
  /** What the key types with Shift on a US keyboard; `?` reads better than Shift+/. */
  readonly shifted?: string;
}

const PUNCTUATION: readonly (readonly [code: string, label: string, shifted: string])[] = [
  ['Backquote', '`', '~'],
  ['Minus', '-', '_'],
  ['Equal', '=', '+'],
  ['BracketLeft', '[', '{'],
  ['BracketRight', ']', '}'],
  ['Backslash', '\\', '|'],
  ['Semicolon', ';', ':'],
  ['Quote', "'", '"'],
  ['Comma', ',', '<'],
  ['Period', '.', '>'],
  ['Slash', '/', '?'],
];

const NAMED: readonly (readonly [code: string, label: string])[] = [
  ['Enter', 'Enter'],
  ['Escape', 'Esc'],
  ['Space', 'Space'],
  ['Tab', 'Tab'],
  ['Backspace', 'Backspace'],
  ['Delete', 'Del'],
  ['Insert', 'Ins'],
  ['Home', 'Home'],
  ['End', 'End'],
  ['PageUp', 'PgUp'],
  ['PageDown', 'PgDn'],
  ['ArrowUp', '↑'],
  ['ArrowDown', '↓'],
  ['ArrowLeft', '←'],
  ['ArrowRight', '→'],
  ['NumpadEnter', 'Num Enter'],
  ['NumpadAdd', 'Num +'],
  ['NumpadSubtract', 'Num -'],
  ['NumpadMultiply', 'Num *'],
  ['NumpadDivide', 'Num /'],
  ['NumpadDecimal', 'Num .'],
];

const DIGIT_SHIFTED = ')!@#$%^&*(';

function buildKeys(): ReadonlyMap<string, KeyInfo> {
  const keys = new Map<string, KeyInfo>();
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') keys.set(`Key${letter}`, { label: letter });
  for (let digit = 0; digit <= 9; digit++) {
    keys.set(`Digit${digit}`, { label: String(digit), shifted: DIGIT_SHIFTED[digit]! });
    keys.set(`Numpad${digit}`, { label: `Num ${digit}` });
  }
  for (let n = 1; n <= 24; n++) keys.set(`F${n}`, { label: `F${n}` });
  for (const [code, label, shifted] of PUNCTUATION) keys.set(code, { label, shifted });
  for (const [code, label] of NAMED) keys.set(code, { label });
  return keys;
}

export const KEYS = buildKeys();

export interface KeyAlias {
  readonly code: string;
  /** The name implies Shift: `?` is Shift+Slash. */
  readonly shift: boolean;
}

const SHORT_NAMES: readonly (readonly [name: string, code: string])[] = [
  ['esc', 'Escape'],
  ['return', 'Enter'],
  ['del', 'Delete'],
  ['ins', 'Insert'],
  ['pgup', 'PageUp'],
  ['pgdn', 'PageDown'],
  ['up', 'ArrowUp'],
  ['down', 'ArrowDown'],
  ['left', 'ArrowLeft'],
  ['right', 'ArrowRight'],
];

/**
 * Every name a keymap may use for a key, lower-cased: the code itself
 * (`keyk`), the character it types on a US keyboard (`k`, `/`), the shifted
 * character (`?`) and the usual short names (`esc`). `+` is left out because it
 * separates modifiers; write `Shift+Equal`.
 */
function buildAliases(): ReadonlyMap<string, KeyAlias> {
  const aliases = new Map<string, KeyAlias>();
  for (const [code, info] of KEYS) {
    aliases.set(code.toLowerCase(), { code, shift: false });
    if (info.label.length === 1) aliases.set(info.label.toLowerCase(), { code, shift: false });
    if (info.shifted !== undefined && info.shifted !== '+') aliases.set(info.shifted, { code, shift: true });
  }
  for (const [name, code] of SHORT_NAMES) aliases.set(name, { code, shift: false });
  return aliases;
}

export const KEY_ALIASES = buildAliases();
