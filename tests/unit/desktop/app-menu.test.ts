import { describe, expect, it } from 'vitest';
import { buildAppMenu, strokeInputEvents, type MenuCommands } from '../../../main/electron/app-menu';
import { strokeAccelerator } from '../../../shared/accelerator';
import type { UpdateState } from '../../../main/electron/update/update-flow';
import { createTranslator } from '../../../shared/i18n';
import { DEFAULT_KEYMAP, parseChord, resolveKeymap, type Binding, type Stroke } from '../../../shared/keymap';

type MenuItemConstructorOptions = ReturnType<typeof buildAppMenu>[number];

const stroke = (text: string): Stroke => {
  const parsed = parseChord(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.chord[0];
};

function bindingsWith(overrides: Record<string, string | string[]> = {}): readonly Binding[] {
  const resolved = resolveKeymap(DEFAULT_KEYMAP, overrides);
  if (!('bindings' in resolved)) throw new Error('conflicting keymap');
  return resolved.bindings;
}

function recordingCommands() {
  const ran: string[] = [];
  const commands: MenuCommands = {
    runAction: (action, chord) => ran.push(`${action}:${chord.length}`),
    copyDiagnostics: () => ran.push('copyDiagnostics'),
    openLogFolder: () => ran.push('openLogFolder'),
    checkForUpdates: () => ran.push('checkForUpdates'),
    installUpdate: () => ran.push('installUpdate'),
    quit: () => ran.push('quit'),
  };
  return { ran, commands };
}

function menu(options: { update?: UpdateState; bindings?: readonly Binding[]; lang?: 'en' | 'ru' } = {}) {
  const { ran, commands } = recordingCommands();
  const notifications = { id: 'notifications', label: 'Notifications', submenu: [] };
  const template = buildAppMenu({ t: createTranslator(options.lang ?? 'en'), bindings: options.bindings ?? bindingsWith(), platform: 'other', update: options.update ?? { phase: 'idle' }, notifications, commands });
  const items = new Map<string, MenuItemConstructorOptions>();
  const walk = (list: MenuItemConstructorOptions[]) => {
    for (const entry of list) {
      if (entry.id) items.set(entry.id, entry);
      if (Array.isArray(entry.submenu)) walk(entry.submenu);
    }
  };
  walk(template);
  const click = (id: string) => (items.get(id)!.click as () => void)();
  return { template, items, ran, click };
}

describe('the app menu', () => {
  it('has the main actions with their keys, shown but left to the page to handle', () => {
    const { items } = menu();
    expect(items.get('action.reply')).toMatchObject({ label: 'Reply', accelerator: 'R', registerAccelerator: false });
    expect(items.get('action.replyPrivately')).toMatchObject({ accelerator: 'Shift+R', registerAccelerator: false });
    expect(items.get('action.commandPalette')).toMatchObject({ accelerator: 'CommandOrControl+K', registerAccelerator: false });
    expect(items.get('action.help')).toMatchObject({ accelerator: 'Shift+/' });
    // A sequence cannot be an accelerator: it is in the label.
    expect(items.get('action.goto.needsReply')).toMatchObject({ label: 'Go to Needs reply (G I)' });
    expect(items.get('action.goto.needsReply')).not.toHaveProperty('accelerator');
  });

  it('has the notification switches under File, above Quit', () => {
    const { template } = menu();
    expect((template[0]!.submenu as Array<{ id?: string }>).map((item) => item.id)).toEqual(['notifications', undefined, 'quit']);
  });

  it('follows the user\'s keymap and language', () => {
    const { items } = menu({ bindings: bindingsWith({ reply: 'Shift+Enter', tag: [] }), lang: 'ru' });
    expect(items.get('action.reply')).toMatchObject({ accelerator: 'Shift+Enter' });
    expect(items.has('action.tag')).toBe(false);
    expect(items.get('copyDiagnostics')!.label).toBe('Скопировать диагностику');
  });

  it('runs actions through the keymap and the help items through their commands', () => {
    const { click, ran } = menu();
    click('action.goto.needsReply');
    click('action.reply');
    click('copyDiagnostics');
    click('openLogs');
    click('quit');
    expect(ran).toEqual(['goto.needsReply:2', 'reply:1', 'copyDiagnostics', 'openLogFolder', 'quit']);
  });

  it.each([
    [{ phase: 'idle' }, 'Check for updates', true, 'checkForUpdates'],
    [{ phase: 'error', message: 'offline' }, 'Check for updates', true, 'checkForUpdates'],
    [{ phase: 'checking' }, 'Checking for updates…', false, null],
    [{ phase: 'downloading', version: '0.2.0', percent: 42.7 }, 'Downloading update 0.2.0 (42%)', false, null],
    [{ phase: 'downloaded', version: '0.2.0' }, 'Restart to update to 0.2.0', true, 'installUpdate'],
    [{ phase: 'installing', version: '0.2.0' }, 'Restart to update to 0.2.0', false, null],
  ] as const)('shows the update as %j', (update, label, enabled, command) => {
    const { items, click, ran } = menu({ update: update as UpdateState });
    expect(items.get('update')).toMatchObject({ label });
    expect(items.get('update')!.enabled ?? true).toBe(enabled);
    if (command) {
      click('update');
      expect(ran).toEqual([command]);
    }
  });
});

describe('keys for Electron', () => {
  it('names strokes as accelerators, or not at all', () => {
    expect(strokeAccelerator(stroke('Mod+Shift+Enter'))).toBe('CommandOrControl+Shift+Enter');
    expect(strokeAccelerator(stroke('ArrowDown'))).toBe('Down');
    expect(strokeAccelerator(stroke('1'))).toBe('1');
    expect(strokeAccelerator(stroke('NumpadEnter'))).toBeNull();
  });

  it('presses a stroke with the platform\'s modifier', () => {
    expect(strokeInputEvents(stroke('Mod+K'), 'other')).toEqual([
      { type: 'keyDown', keyCode: 'K', modifiers: ['control'] },
      { type: 'keyUp', keyCode: 'K', modifiers: ['control'] },
    ]);
    expect(strokeInputEvents(stroke('Mod+K'), 'mac')[0]).toEqual({ type: 'keyDown', keyCode: 'K', modifiers: ['meta'] });
    expect(strokeInputEvents(stroke('NumpadEnter'), 'other')).toEqual([]);
  });
});
