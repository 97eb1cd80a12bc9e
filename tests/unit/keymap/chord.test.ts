import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, chordToString, formatChord, parseChord, type Chord } from '../../../shared/keymap';

function chord(input: string): Chord {
  const parsed = parseChord(input);
  if (!parsed.ok) throw new Error(`${input}: ${JSON.stringify(parsed.error)}`);
  return parsed.chord;
}

const canonical = (input: string) => chordToString(chord(input));

describe('parseChord', () => {
  it('reads canonical chords and sequences', () => {
    expect(chord('Ctrl+Shift+KeyK')).toEqual([{ code: 'KeyK', mod: false, ctrl: true, meta: false, alt: false, shift: true }]);
    expect(chord('g i').map((stroke) => stroke.code)).toEqual(['KeyG', 'KeyI']);
  });

  it('reads the friendly forms people write', () => {
    expect(canonical('Shift+R')).toBe('Shift+KeyR');
    expect(canonical('/')).toBe('Slash');
    expect(canonical('?')).toBe('Shift+Slash');
    expect(canonical('Shift+?')).toBe('Shift+Slash');
    expect(canonical('g i')).toBe('KeyG KeyI');
    expect(canonical('  g   i ')).toBe('KeyG KeyI');
    expect(canonical('R')).toBe('KeyR');
    expect(canonical('1')).toBe('Digit1');
    expect(canonical('!')).toBe('Shift+Digit1');
    expect(canonical('esc')).toBe('Escape');
    expect(canonical('Down')).toBe('ArrowDown');
    expect(canonical('cmd+k')).toBe('Meta+KeyK');
    expect(canonical('Option+Shift+F5')).toBe('Alt+Shift+F5');
    expect(canonical('CmdOrCtrl+Enter')).toBe('Mod+Enter');
    expect(canonical('Ctrl+K Ctrl+C')).toBe('Ctrl+KeyK Ctrl+KeyC');
  });

  it('round-trips through the canonical form', () => {
    const inputs = ['Mod+KeyK', 'Ctrl+Meta+Alt+Shift+F12', 'Mod+Alt+Shift+Slash', 'KeyG KeyI', 'NumpadEnter', 'Shift+Backquote'];
    inputs.push(...Object.values(DEFAULT_KEYMAP).flat());
    for (const input of inputs) {
      const text = canonical(input);
      expect(chordToString(chord(text))).toBe(text);
      expect(chord(text)).toEqual(chord(input));
    }
  });

  it('refuses garbage with a typed error', () => {
    const refused: readonly (readonly [string, string])[] = [
      ['', 'empty'],
      ['   \t ', 'empty'],
      ['Ctrl', 'modifierOnly'],
      ['Shift+Alt', 'modifierOnly'],
      ['Ctrl+', 'unknownKey'],
      ['+', 'unknownModifier'],
      ['Ctrl++K', 'unknownModifier'],
      ['Hyper+K', 'unknownModifier'],
      ['Ctrl+Ctrl+K', 'duplicateModifier'],
      ['Mod+Ctrl+K', 'duplicateModifier'],
      ['Meta+Mod+K', 'duplicateModifier'],
      ['Foo', 'unknownKey'],
      ['Ctrl+о', 'unknownKey'],
      ['ą', 'unknownKey'],
      ['__proto__', 'unknownKey'],
      ['constructor+K', 'unknownModifier'],
      ['toString', 'unknownKey'],
      ['\u0000', 'unknownKey'],
      ['🙂', 'unknownKey'],
      ['a b c d e', 'tooLong'],
      ['x'.repeat(100_000), 'tooLong'],
    ];
    for (const [input, kind] of refused) {
      const parsed = parseChord(input);
      expect(parsed.ok, input).toBe(false);
      if (!parsed.ok) expect(parsed.error.kind, input).toBe(kind);
    }
  });

  it('never throws on random input, and whatever it accepts round-trips', () => {
    const pool = ['Ctrl', 'Shift', 'Mod', 'Alt', 'Meta', '+', ' ', 'K', 'key', 'Slash', '?', '/', 'о', '__proto__', '\u0000', 'F', '1', 'Enter', '++'];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5_000; i++) {
      const input = Array.from({ length: Math.floor(random() * 8) }, () => pool[Math.floor(random() * pool.length)]).join('');
      const parsed = parseChord(input);
      if (parsed.ok) expect(parseChord(chordToString(parsed.chord))).toEqual(parsed);
    }
  });
});

describe('formatChord', () => {
  const both = (input: string) => [formatChord(chord(input), 'other'), formatChord(chord(input), 'mac')];

  it('shows Mod as Ctrl, or ⌘ on a Mac', () => {
    expect(both('Mod+K')).toEqual(['Ctrl+K', '⌘K']);
    expect(both('Mod+Shift+K')).toEqual(['Ctrl+Shift+K', '⇧⌘K']);
    expect(both('Mod+Enter')).toEqual(['Ctrl+Enter', '⌘Enter']);
  });

  it("writes modifiers in each platform's order", () => {
    expect(both('Meta+Shift+Alt+Ctrl+F5')).toEqual(['Ctrl+Alt+Shift+Meta+F5', '⌃⌥⇧⌘F5']);
  });

  it('shows keys as their US keycaps, shifted punctuation as what it types, and sequences spaced', () => {
    expect(both('?')).toEqual(['?', '?']);
    expect(both('/')).toEqual(['/', '/']);
    expect(both('Shift+R')).toEqual(['Shift+R', '⇧R']);
    expect(both('g i')).toEqual(['G I', 'G I']);
    expect(both('ArrowDown')).toEqual(['↓', '↓']);
    expect(both('Escape')).toEqual(['Esc', 'Esc']);
  });
});
