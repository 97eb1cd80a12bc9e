/**
 * Chords: what a shortcut is, as data. A chord is one key press (`Ctrl+KeyK`)
 * or a sequence of them (`g i`). Keys are physical (`KeyboardEvent.code`), so
 * `j` is the same key whatever layout the agent has active. `Mod` is Ctrl, or
 * ⌘ on a Mac, so one keymap serves both.
 */
import { KEY_ALIASES, KEYS } from './keys';

export const KEYBOARD_PLATFORMS = ['mac', 'other'] as const;
export type KeyboardPlatform = (typeof KEYBOARD_PLATFORMS)[number];

export interface Stroke {
  readonly code: string;
  readonly mod: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

export type Chord = readonly [Stroke, ...Stroke[]];

export type ChordError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooLong' }
  | { readonly kind: 'modifierOnly' }
  | { readonly kind: 'unknownModifier'; readonly token: string }
  | { readonly kind: 'duplicateModifier'; readonly token: string }
  | { readonly kind: 'unknownKey'; readonly token: string };

export type ParsedChord = { readonly ok: true; readonly chord: Chord } | { readonly ok: false; readonly error: ChordError };

// Overrides come from a settings file anyone can edit: bound the work a string can cause.
const MAX_INPUT_LENGTH = 100;
const MAX_STROKES = 4;

type Modifier = 'mod' | 'ctrl' | 'meta' | 'alt' | 'shift';

const MODIFIER_NAMES: ReadonlyMap<string, Modifier> = new Map([
  ['mod', 'mod'],
  ['cmdorctrl', 'mod'],
  ['ctrl', 'ctrl'],
  ['control', 'ctrl'],
  ['meta', 'meta'],
  ['cmd', 'meta'],
  ['command', 'meta'],
  ['alt', 'alt'],
  ['option', 'alt'],
  ['opt', 'alt'],
  ['shift', 'shift'],
]);

/** The order modifiers are written in canonical form. */
const CANONICAL: readonly (readonly [Modifier, string])[] = [
  ['mod', 'Mod'],
  ['ctrl', 'Ctrl'],
  ['meta', 'Meta'],
  ['alt', 'Alt'],
  ['shift', 'Shift'],
];

type StrokeResult = { ok: true; stroke: Stroke } | { ok: false; error: ChordError };

function parseStroke(text: string): StrokeResult {
  const tokens = text.split('+');
  const keyToken = tokens.pop()!;
  const held = new Set<Modifier>();
  for (const token of tokens) {
    const modifier = MODIFIER_NAMES.get(token.toLowerCase());
    if (modifier === undefined) return { ok: false, error: { kind: 'unknownModifier', token } };
    if (held.has(modifier)) return { ok: false, error: { kind: 'duplicateModifier', token } };
    held.add(modifier);
  }
  // Mod already is Ctrl (or ⌘ on a Mac): Mod+Ctrl would be Ctrl+Ctrl on Windows.
  if (held.has('mod') && (held.has('ctrl') || held.has('meta'))) return { ok: false, error: { kind: 'duplicateModifier', token: 'Mod' } };
  if (MODIFIER_NAMES.has(keyToken.toLowerCase())) return { ok: false, error: { kind: 'modifierOnly' } };
  // Names are case-insensitive: `R` is the r key; Shift+R is written so.
  const key = KEY_ALIASES.get(keyToken.toLowerCase());
  if (key === undefined) return { ok: false, error: { kind: 'unknownKey', token: keyToken } };
  return {
    ok: true,
    stroke: {
      code: key.code,
      mod: held.has('mod'),
      ctrl: held.has('ctrl'),
      meta: held.has('meta'),
      alt: held.has('alt'),
      shift: held.has('shift') || key.shift,
    },
  };
}

/**
 * Reads `"Ctrl+Shift+KeyK"`, `"g i"`, `"Shift+R"`, `"/"`, `"?"`. Never throws:
 * the input may be anything a person typed into a settings file.
 */
export function parseChord(input: string): ParsedChord {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, error: { kind: 'tooLong' } };
  const parts = input.trim().split(/\s+/).filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, error: { kind: 'empty' } };
  if (parts.length > MAX_STROKES) return { ok: false, error: { kind: 'tooLong' } };
  const strokes: Stroke[] = [];
  for (const part of parts) {
    const result = parseStroke(part);
    if (!result.ok) return result;
    strokes.push(result.stroke);
  }
  return { ok: true, chord: [strokes[0]!, ...strokes.slice(1)] };
}

/** The canonical spelling, which parseChord reads back to the same chord: `Mod+Shift+KeyK`, `KeyG KeyI`. */
export function chordToString(chord: Chord): string {
  return chord.map((stroke) => [...CANONICAL.filter(([modifier]) => stroke[modifier]).map(([, name]) => name), stroke.code].join('+')).join(' ');
}

/** The modifiers actually held for a stroke on a platform, and the key. */
export interface KeyCombo {
  readonly code: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

export function strokeCombo(stroke: Stroke, platform: KeyboardPlatform): KeyCombo {
  return {
    code: stroke.code,
    ctrl: stroke.ctrl || (stroke.mod && platform === 'other'),
    meta: stroke.meta || (stroke.mod && platform === 'mac'),
    alt: stroke.alt,
    shift: stroke.shift,
  };
}

/** A string equal for equal combos, so presses and bindings compare with `===`. */
export function comboId(combo: KeyCombo): string {
  return `${combo.ctrl ? 'C' : ''}${combo.meta ? 'M' : ''}${combo.alt ? 'A' : ''}${combo.shift ? 'S' : ''}:${combo.code}`;
}

/** One id per stroke of the chord as pressed on a platform. */
export function chordIds(chord: Chord, platform: KeyboardPlatform): readonly string[] {
  return chord.map((stroke) => comboId(strokeCombo(stroke, platform)));
}

export const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, index) => b[index] === id);

/** Whether `sequence` begins with `prefix` and goes on past it. */
export const startsWith = (sequence: readonly string[], prefix: readonly string[]): boolean =>
  prefix.length < sequence.length && prefix.every((id, index) => sequence[index] === id);

// Apple's order is ⌃⌥⇧⌘; elsewhere Ctrl+Alt+Shift is the habit.
const MAC_MODIFIERS: readonly (readonly [keyof Omit<KeyCombo, 'code'>, string])[] = [
  ['ctrl', '⌃'],
  ['alt', '⌥'],
  ['shift', '⇧'],
  ['meta', '⌘'],
];
const OTHER_MODIFIERS: readonly (readonly [keyof Omit<KeyCombo, 'code'>, string])[] = [
  ['ctrl', 'Ctrl+'],
  ['alt', 'Alt+'],
  ['shift', 'Shift+'],
  ['meta', 'Meta+'],
];

function formatStroke(stroke: Stroke, platform: KeyboardPlatform): string {
  const combo = strokeCombo(stroke, platform);
  const key = KEYS.get(combo.code);
  const onlyShift = combo.shift && !combo.ctrl && !combo.meta && !combo.alt;
  if (onlyShift && key?.shifted !== undefined) return key.shifted;
  const modifiers = platform === 'mac' ? MAC_MODIFIERS : OTHER_MODIFIERS;
  return modifiers.map(([modifier, symbol]) => (combo[modifier] ? symbol : '')).join('') + (key?.label ?? combo.code);
}

/** For people: `Ctrl+K` or `⌘K`, `?`, `G I`. */
export function formatChord(chord: Chord, platform: KeyboardPlatform): string {
  return chord.map((stroke) => formatStroke(stroke, platform)).join(' ');
}
