import type { Stroke } from './keymap';

/**
 * Electron accelerators (`CommandOrControl+Shift+Space`): how the app menu
 * shows a keymap stroke, what the global shortcut setting holds, and the
 * check that such a string is one Electron can register. The grammar is
 * Electron's (https://electronjs.org/docs/latest/api/accelerator): modifiers
 * and one key joined by `+`, case-insensitive.
 */

const NAMED_KEYS: Readonly<Record<string, string>> = {
  Enter: 'Enter',
  Escape: 'Escape',
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Slash: '/',
  Comma: ',',
  Period: '.',
  Minus: '-',
  Equal: '=',
};

/** The key as Electron names it in accelerators and input events (`KeyR` → `R`), or null where it has no name. */
export function electronKeyName(code: string): string | null {
  const letterOrDigit = /^(?:Key([A-Z])|Digit(\d))$/.exec(code);
  if (letterOrDigit) return letterOrDigit[1] ?? letterOrDigit[2]!;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return NAMED_KEYS[code] ?? null;
}

/** `Mod+Shift+Enter` → `CommandOrControl+Shift+Enter`; null for keys Electron cannot name. */
export function strokeAccelerator(stroke: Stroke): string | null {
  const key = electronKeyName(stroke.code);
  if (!key) return null;
  const modifiers = [stroke.mod && 'CommandOrControl', stroke.ctrl && 'Control', stroke.meta && 'Super', stroke.alt && 'Alt', stroke.shift && 'Shift'].filter(Boolean);
  return [...modifiers, key].join('+');
}

type Modifier = 'commandOrControl' | 'command' | 'control' | 'alt' | 'altGr' | 'shift' | 'super';

const MODIFIERS: ReadonlyMap<string, Modifier> = new Map([
  ['commandorcontrol', 'commandOrControl'],
  ['cmdorctrl', 'commandOrControl'],
  ['command', 'command'],
  ['cmd', 'command'],
  ['control', 'control'],
  ['ctrl', 'control'],
  ['alt', 'alt'],
  ['option', 'alt'],
  ['altgr', 'altGr'],
  ['shift', 'shift'],
  ['super', 'super'],
  ['meta', 'super'],
]);

const KEY_NAMES = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc',
  'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause', 'printscreen',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]);
const PUNCTUATION = new Set([...')!@#$%^&*(:;=<,_->.?/~`{][|\\}"']);
const FUNCTION_KEY = /^f([1-9]|1\d|2[0-4])$/;

const isKey = (token: string) => /^[0-9a-z]$/.test(token) || FUNCTION_KEY.test(token) || /^num\d$/.test(token) || KEY_NAMES.has(token) || PUNCTUATION.has(token);

export type ParsedAccelerator = { ok: true; modifiers: ReadonlySet<Modifier>; key: string } | { ok: false; problem: string };

/** Reads an accelerator as Electron would, or says what is wrong with it; never throws (it comes from a file anyone can edit). */
export function parseAccelerator(text: string): ParsedAccelerator {
  if (text.length === 0 || text.length > 64) return { ok: false, problem: 'an accelerator is 1 to 64 characters' };
  const tokens = text.split('+').map((token) => token.trim().toLowerCase());
  const key = tokens.pop()!;
  const modifiers = new Set<Modifier>();
  for (const token of tokens) {
    const modifier = MODIFIERS.get(token);
    if (modifier === undefined) return { ok: false, problem: token === '' ? 'write the + key as "Plus"' : `"${token}" is not a modifier (CommandOrControl, Control, Alt, Shift, Super)` };
    if (modifiers.has(modifier)) return { ok: false, problem: `"${token}" is written twice` };
    modifiers.add(modifier);
  }
  if (MODIFIERS.has(key)) return { ok: false, problem: 'it has no key, only modifiers' };
  if (!isKey(key)) return { ok: false, problem: key === '' ? 'it has no key' : `"${key}" is not a key Electron knows` };
  return { ok: true, modifiers, key };
}

/**
 * Why an accelerator cannot be the app's global shortcut, or null when it can.
 * A global shortcut takes its keys from every other application, so it needs
 * Ctrl/Cmd, Alt or Super (Shift alone would steal a capital letter), except a
 * function key, which types nothing.
 */
export function globalShortcutProblem(text: string): string | null {
  const parsed = parseAccelerator(text);
  if (!parsed.ok) return parsed.problem;
  const held = [...parsed.modifiers].filter((modifier) => modifier !== 'shift');
  if (held.length === 0 && !FUNCTION_KEY.test(parsed.key)) return 'a global shortcut needs Ctrl (Cmd), Alt or Super, or a function key, so it does not take a key away from other applications';
  return null;
}
