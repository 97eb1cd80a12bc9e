import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DesktopPreferences } from '../../shared/desktop-settings';
import { RpcError } from '../../shared/rpc';
import { hideOverlay } from '../../renderer/overlays/overlayStore';
import { recordShortcut } from '../../renderer/settings/recordShortcut';
import { createFakeEngine, type FakeEngine } from './fakeEngine';
import { openSettingsSection } from './harness';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

const key = (element: Element, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });

/** An engine as the desktop app shows it: the shell answers desktop.settings.* with these. */
function desktopEngine(settings: Partial<DesktopPreferences> = {}): FakeEngine {
  const engine = createFakeEngine({ conversations: 5 });
  engine.desktop = { ...DesktopPreferences.parse({}), ...settings };
  return engine;
}

const openDesktop = (engine: FakeEngine) => openSettingsSection(engine, 'Desktop');

/** The form, once the shell's settings are on screen. */
async function openForm(engine: FakeEngine) {
  const opened = await openDesktop(engine);
  const within_ = within(opened.section);
  await within_.findByRole('checkbox', { name: 'Show notifications' });
  const form = opened.section.querySelector('form')!;
  /** Enter in a field submits the form; jsdom does not do that from the key. */
  const submit = () => fireEvent.submit(form);
  return { ...opened, form, submit, get: within_ };
}

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('settings: desktop', () => {
  it('says in one line that these settings are in the desktop app, under the browser host', async () => {
    const engine = createFakeEngine({ conversations: 5 }); // desktop: null, refused as the engine refuses it
    const { section } = await openDesktop(engine);
    await within(section).findByText('Notifications, the global shortcut, updates and debug logging are set in the desktop app.');
    expect(section.querySelectorAll('input, button, form')).toHaveLength(0);
    expect(within(section).queryByRole('alert')).toBeNull();
  });

  it('shows why it could not read them when the link is down, not the browser-host line', async () => {
    const engine = desktopEngine();
    engine.fail('desktop.settings.get', new RpcError('unavailable', 'The connection to the engine was lost'));
    const { section } = await openDesktop(engine);
    expect((await within(section).findByRole('alert')).textContent).toMatch(/^Could not read settings: /);
  });

  it('shows what the shell saved, each control labelled and reachable by Tab', async () => {
    const engine = desktopEngine({
      notifications: { enabled: true, doNotDisturb: true, mutedAccounts: ['acc2'], slaWarningMinutes: 15 },
      globalShortcut: 'CommandOrControl+Shift+Space',
      updates: { enabled: false, url: 'https://updates.example.com/sb/', checkIntervalHours: 6 },
    });
    const { section, get } = await openForm(engine);
    expect((get.getByRole('checkbox', { name: 'Do not disturb' }) as HTMLInputElement).checked).toBe(true);
    expect(describedBy(get.getByRole('checkbox', { name: 'Do not disturb' }))).toBe('No notifications until you turn this off; the ones missed meanwhile are not shown later.');
    expect((await get.findByRole('checkbox', { name: 'Northwind Support (@northwind_support_bot) (Telegram)' }) as HTMLInputElement).checked).toBe(true);
    expect((get.getByRole('checkbox', { name: 'Test brand (Sandbox)' }) as HTMLInputElement).checked).toBe(false);
    expect((get.getByRole('spinbutton', { name: 'SLA warning (minutes before due)' }) as HTMLInputElement).value).toBe('15');
    expect(get.getByText('CommandOrControl+Shift+Space')).toBeTruthy();
    expect((get.getByRole('checkbox', { name: 'Download updates automatically' }) as HTMLInputElement).checked).toBe(false);
    expect((get.getByRole('textbox', { name: 'Update feed address' }) as HTMLInputElement).value).toBe('https://updates.example.com/sb/');
    expect((get.getByRole('spinbutton', { name: 'Check every (hours)' }) as HTMLInputElement).value).toBe('6');
    expect(describedBy(get.getByRole('checkbox', { name: 'Debug logging' }))).toBe('Writes message texts to the log: turn it on only for a support case.');
    const controls = [...section.querySelectorAll<HTMLElement>('input, button')];
    expect(controls.length).toBe(12);
    for (const control of controls) {
      expect(control.hasAttribute('disabled'), control.outerHTML).toBe(false);
      expect(control.tabIndex, control.outerHTML).toBeGreaterThanOrEqual(0);
    }
  });

  it('sends only what changed: do-not-disturb on and one account muted', async () => {
    const engine = desktopEngine();
    const { get, submit } = await openForm(engine);
    fireEvent.click(get.getByRole('checkbox', { name: 'Do not disturb' }));
    fireEvent.click(await get.findByRole('checkbox', { name: 'Northwind Support (@northwind_support_bot) (Telegram)' }));
    submit();
    await get.findByText('Desktop settings saved.');
    expect(engine.callsTo('desktop.settings.update')).toEqual([{ notifications: { doNotDisturb: true, mutedAccounts: ['acc2'] } }]);
    expect(engine.desktop?.notifications).toEqual({ enabled: true, doNotDisturb: true, mutedAccounts: ['acc2'], slaWarningMinutes: 10 });
  });

  it('sends the update feed, interval and debug logging as typed, and an empty feed as the built-in one', async () => {
    const engine = desktopEngine({ updates: { enabled: true, url: 'https://old.example.com/', checkIntervalHours: 4 } });
    const { get, submit } = await openForm(engine);
    fireEvent.change(get.getByRole('spinbutton', { name: 'Check every (hours)' }), { target: { value: '12' } });
    fireEvent.click(get.getByRole('checkbox', { name: 'Debug logging' }));
    fireEvent.change(get.getByRole('textbox', { name: 'Update feed address' }), { target: { value: '  ' } });
    submit();
    await get.findByText('Desktop settings saved.');
    expect(engine.callsTo('desktop.settings.update')).toEqual([{ updates: { url: null, checkIntervalHours: 12 }, debugLogging: true }]);
  });

  it('refuses an http feed at its field before asking the shell', async () => {
    const engine = desktopEngine();
    const { get, submit } = await openForm(engine);
    const url = get.getByRole('textbox', { name: 'Update feed address' });
    fireEvent.change(url, { target: { value: 'http://updates.example.com/' } });
    submit();
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(url)).toBe('Empty uses the one built into the app; https:// only. | The update feed must be an https:// address.');
    expect(get.getByRole('alert').textContent).toBe('The update feed must be an https:// address.');
    expect(document.activeElement).toBe(url);
    expect(engine.callsTo('desktop.settings.update')).toEqual([]);
  });

  it('shows the shell\'s refusal at the field it names', async () => {
    const engine = desktopEngine();
    const reason = 'the update feed must be an https:// address';
    engine.fail('desktop.settings.update', new RpcError('invalid_input', 'Invalid input for desktop.settings.update', [{ path: 'updates.url', message: reason }]));
    const { get, submit } = await openForm(engine);
    const url = get.getByRole('textbox', { name: 'Update feed address' });
    fireEvent.change(url, { target: { value: 'https://updates.example.com/' } });
    submit();
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(url)).toContain(`Desktop settings were not saved: ${reason}`);
    expect(get.queryByText('Desktop settings saved.')).toBeNull();
  });

  it('refuses an SLA warning out of range with its own message', async () => {
    const engine = desktopEngine();
    const { get, submit } = await openForm(engine);
    const minutes = get.getByRole('spinbutton', { name: 'SLA warning (minutes before due)' });
    for (const typed of ['0', '241', '2.5', '']) {
      fireEvent.change(minutes, { target: { value: typed } });
      submit();
      expect(get.getByRole('alert').textContent).toBe('The SLA warning is a whole number of minutes from 1 to 240.');
    }
    expect(engine.callsTo('desktop.settings.update')).toEqual([]);
  });

  it('records a global shortcut from the keyboard, saves it, and turns it off again', async () => {
    const engine = desktopEngine();
    const { get, submit, dialog } = await openForm(engine);
    const record = get.getByRole('button', { name: 'Record a shortcut' });
    record.focus();
    fireEvent.click(record); // Enter or Space on the focused button
    expect(record.getAttribute('aria-pressed')).toBe('true');
    expect(get.getByText('Press the keys; Esc cancels.')).toBeTruthy();
    key(record, 'ControlLeft', 'Control', { ctrlKey: true }); // a modifier alone: still recording
    expect(record.getAttribute('aria-pressed')).toBe('true');
    key(record, 'Space', ' ', { ctrlKey: true, shiftKey: true });
    expect(record.getAttribute('aria-pressed')).toBe('false');
    expect(get.getByText('CommandOrControl+Shift+Space')).toBeTruthy();
    submit();
    await get.findByText('Desktop settings saved.');
    expect(engine.callsTo('desktop.settings.update')).toEqual([{ globalShortcut: 'CommandOrControl+Shift+Space' }]);

    fireEvent.click(get.getByRole('button', { name: 'Turn off' }));
    expect(get.getByText('Off')).toBeTruthy();
    submit();
    await waitFor(() => expect(engine.callsTo('desktop.settings.update')).toHaveLength(2));
    expect(engine.callsTo('desktop.settings.update')[1]).toEqual({ globalShortcut: null });
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBe(dialog);
  });

  it('cancels a recording with Esc without closing settings, and lets Tab leave it', async () => {
    const engine = desktopEngine({ globalShortcut: 'Alt+F1' });
    const { get } = await openForm(engine);
    const record = get.getByRole('button', { name: 'Record a shortcut' });
    fireEvent.click(record);
    key(record, 'Escape', 'Escape');
    expect(record.getAttribute('aria-pressed')).toBe('false');
    expect(get.getByText('Alt+F1')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    fireEvent.click(record);
    key(record, 'Tab', 'Tab');
    expect(record.getAttribute('aria-pressed')).toBe('false');
  });

  it('refuses a recorded key that would take a plain key from other applications, naming it', async () => {
    const engine = desktopEngine();
    const { get, submit } = await openForm(engine);
    const record = get.getByRole('button', { name: 'Record a shortcut' });
    fireEvent.click(record);
    key(record, 'KeyA', 'A', { shiftKey: true });
    expect(get.getByRole('alert').textContent).toBe('Shift+A would take that key from every other application: use Ctrl, Alt or Super with it, or a function key.');
    expect(get.getByText('Off')).toBeTruthy();
    submit();
    await get.findByText('Desktop settings saved.');
    expect(engine.callsTo('desktop.settings.update')).toEqual([{}]);
  });

  it('shows a shortcut another application holds as refused at the shortcut, keeping the saved one', async () => {
    const engine = desktopEngine({ globalShortcut: 'Alt+F1' });
    engine.takenShortcuts.add('CommandOrControl+Alt+K');
    const { get, submit } = await openForm(engine);
    const record = get.getByRole('button', { name: 'Record a shortcut' });
    fireEvent.click(record);
    key(record, 'KeyK', 'k', { ctrlKey: true, altKey: true });
    submit();
    await waitFor(() => expect(describedBy(record)).toContain('Desktop settings were not saved: CommandOrControl+Alt+K is already used by another application; the shortcut was not changed'));
    expect(engine.desktop?.globalShortcut).toBe('Alt+F1');
  });

  it('shows a change made in the tray while settings are open', async () => {
    const engine = desktopEngine();
    const { get } = await openForm(engine);
    engine.desktop = { ...engine.desktop!, notifications: { ...engine.desktop!.notifications, doNotDisturb: true } };
    act(() => engine.emit('desktop.settings.changed', {}));
    await waitFor(() => expect((get.getByRole('checkbox', { name: 'Do not disturb' }) as HTMLInputElement).checked).toBe(true));
  });
});

describe('recordShortcut', () => {
  const press = (code: string, keyName: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
    code,
    key: keyName,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it('names a key press as an Electron accelerator, the command key as CommandOrControl on either platform', () => {
    expect(recordShortcut(press('Space', ' ', { ctrlKey: true, shiftKey: true }), 'other')).toEqual({ kind: 'shortcut', accelerator: 'CommandOrControl+Shift+Space' });
    expect(recordShortcut(press('Space', ' ', { metaKey: true, shiftKey: true }), 'mac')).toEqual({ kind: 'shortcut', accelerator: 'CommandOrControl+Shift+Space' });
    expect(recordShortcut(press('KeyS', 'ы', { altKey: true }), 'other')).toEqual({ kind: 'shortcut', accelerator: 'Alt+S' }); // a Russian layout: the physical key counts
    expect(recordShortcut(press('Digit1', '1', { metaKey: true }), 'other')).toEqual({ kind: 'shortcut', accelerator: 'Super+1' });
    expect(recordShortcut(press('KeyK', 'k', { ctrlKey: true }), 'mac')).toEqual({ kind: 'shortcut', accelerator: 'Control+K' });
    expect(recordShortcut(press('F9', 'F9'), 'other')).toEqual({ kind: 'shortcut', accelerator: 'F9' });
  });

  it('waits past a modifier alone, and refuses what cannot be a global shortcut', () => {
    expect(recordShortcut(press('ShiftLeft', 'Shift', { shiftKey: true }), 'other')).toEqual({ kind: 'waiting' });
    expect(recordShortcut(press('NumpadEnter', 'Enter', { ctrlKey: true }), 'other')).toEqual({ kind: 'unnamed' });
    expect(recordShortcut(press('KeyA', 'a'), 'other')).toEqual({ kind: 'needsModifier', accelerator: 'A' });
    expect(recordShortcut(press('Enter', 'Enter', { shiftKey: true }), 'other')).toEqual({ kind: 'needsModifier', accelerator: 'Shift+Enter' });
  });
});
