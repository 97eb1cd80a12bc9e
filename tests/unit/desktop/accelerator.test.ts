import { describe, expect, it } from 'vitest';
import { globalShortcutProblem, parseAccelerator } from '../../../shared/accelerator';

// The grammar: https://electronjs.org/docs/latest/api/accelerator (modifiers and one key joined by +, case-insensitive).
describe('Electron accelerators', () => {
  it.each(['CommandOrControl+Shift+Space', 'CmdOrCtrl+Alt+K', 'ctrl+shift+z', 'Super+F13', 'Alt+Plus', 'Control+/', 'Option+num5', 'Meta+PageDown', 'F12', 'Shift+Escape'])(
    'read %s',
    (text) => expect(parseAccelerator(text).ok).toBe(true),
  );

  it.each([
    ['', 'an accelerator is 1 to 64 characters'],
    ['Ctrl+Banana', '"banana" is not a key Electron knows'],
    ['Hyper+K', '"hyper" is not a modifier (CommandOrControl, Control, Alt, Shift, Super)'],
    ['Ctrl+Ctrl+K', '"ctrl" is written twice'],
    ['Ctrl+Control+K', '"control" is written twice'],
    ['Ctrl+Shift', 'it has no key, only modifiers'],
    ['Ctrl+', 'it has no key'],
    ['Ctrl++', 'write the + key as "Plus"'],
    ['Ctrl+K+L', '"k" is not a modifier (CommandOrControl, Control, Alt, Shift, Super)'],
    ['x'.repeat(65), 'an accelerator is 1 to 64 characters'],
  ])('refuse %j: %s', (text, problem) => expect(parseAccelerator(text)).toEqual({ ok: false, problem }));
});

describe('the global shortcut', () => {
  it('needs Ctrl/Cmd, Alt or Super, so it never takes a plain key from other applications; a function key alone will do', () => {
    for (const ok of ['CommandOrControl+Shift+Space', 'Alt+S', 'Super+1', 'F9', 'Shift+F9']) expect(globalShortcutProblem(ok)).toBeNull();
    for (const stealing of ['A', 'Shift+A', 'Space', 'Shift+Enter']) expect(globalShortcutProblem(stealing)).toMatch(/needs Ctrl \(Cmd\), Alt or Super/);
    expect(globalShortcutProblem('Ctrl+Banana')).toBe('"banana" is not a key Electron knows');
  });
});
