import { describe, expect, it } from 'vitest';
import { parseChord } from '../../../shared/keymap';
import { recordStroke } from '../../../renderer/settings/recordStroke';

const event = (code: string, key: string, held: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
});

describe('recordStroke', () => {
  it('writes the platform’s command key as Mod, so a keymap recorded on one works on the other', () => {
    expect(recordStroke(event('KeyK', 'k', { ctrlKey: true }), 'other')).toBe('Mod+KeyK');
    expect(recordStroke(event('KeyK', 'k', { metaKey: true }), 'mac')).toBe('Mod+KeyK');
    expect(recordStroke(event('KeyK', 'k', { ctrlKey: true }), 'mac')).toBe('Ctrl+KeyK');
    expect(recordStroke(event('KeyK', 'k', { metaKey: true }), 'other')).toBe('Meta+KeyK');
    expect(recordStroke(event('Slash', '?', { shiftKey: true, altKey: true }), 'other')).toBe('Alt+Shift+Slash');
  });

  it('records the physical key, whatever the layout types', () => {
    expect(recordStroke(event('KeyJ', 'о'), 'other')).toBe('KeyJ');
    expect(recordStroke(event('Digit1', '!', { shiftKey: true }), 'other')).toBe('Shift+Digit1');
  });

  it('skips lone modifiers and keys the keymap cannot name', () => {
    expect(recordStroke(event('ShiftLeft', 'Shift', { shiftKey: true }), 'other')).toBeNull();
    expect(recordStroke(event('ControlLeft', 'Control', { ctrlKey: true }), 'mac')).toBeNull();
    expect(recordStroke(event('IntlBackslash', '<'), 'other')).toBeNull();
  });

  it('writes what parseChord reads back', () => {
    const stroke = recordStroke(event('Enter', 'Enter', { ctrlKey: true, shiftKey: true }), 'other');
    expect(stroke).toBe('Mod+Shift+Enter');
    expect(parseChord(stroke!).ok).toBe(true);
  });
});
