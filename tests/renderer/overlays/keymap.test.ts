import { afterEach, describe, expect, it } from 'vitest';
import { applyOverrides, keyAction } from '../../../renderer/keyboard/keymap';

afterEach(() => applyOverrides({}));

const press = (code: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { code, key: code.slice(-1).toLowerCase(), ...init });

describe('keys in force', () => {
  it('follow the overrides, by physical key whatever the layout types', () => {
    applyOverrides({ close: 'q', 'goto.all': 'g z' });
    // `й` is what KeyQ types under a Russian layout.
    expect(keyAction(press('KeyQ', { key: 'й' }), 'conversation')).toBe('close');
    expect(keyAction(press('KeyE'), 'conversation')).toBeNull();
    expect(keyAction(press('KeyG'), 'list')).toBe('pending');
    expect(keyAction(press('KeyZ'), 'list')).toBe('goto.all');
  });

  it('refuse a conflicting set whole, keeping the keys they had', () => {
    applyOverrides({ close: 'q' });
    applyOverrides({ close: 'w', reply: 'w' });
    expect(keyAction(press('KeyQ'), 'conversation')).toBe('close');
    expect(keyAction(press('KeyW'), 'conversation')).toBeNull();
    expect(keyAction(press('KeyR'), 'conversation')).toBe('reply');
  });
});
