import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_SETTINGS_FILE, loadDesktopSettings, saveDesktopSettings } from '../../../main/electron/desktop-settings';
import { desktopSettingsCalls, isDesktopCall, withDesktopCalls, type DesktopEffects } from '../../../main/electron/desktop-settings-calls';
import { DESKTOP_ONLY, DesktopSettings } from '../../../shared/desktop-settings';
import { createClient, RpcError, type EngineEndpoint, type EventFrame, type ResultFrame } from '../../../shared/rpc';
import { memoryTransport } from '../../../shared/rpc/transports/memory';
import { startEngine } from '../helpers/engine';
import { tempDir } from '../helpers/temp-dir';

const defaults = DesktopSettings.parse({});
const ACCOUNTS = ['acc-fb', 'acc-tg'];

/** The OS as the shell's effects see it: shortcuts other applications hold, and every call made. */
function recordingEffects(takenByOthers: string[] = []) {
  const registered = new Set<string>();
  const log: string[] = [];
  const applied: Array<[DesktopSettings, DesktopSettings]> = [];
  const effects: DesktopEffects = {
    registerShortcut(accelerator) {
      log.push(`register ${accelerator}`);
      if (takenByOthers.includes(accelerator)) return 'taken';
      registered.add(accelerator);
      return 'registered';
    },
    unregisterShortcut(accelerator) {
      log.push(`unregister ${accelerator}`);
      registered.delete(accelerator);
    },
    apply: (next, previous) => void applied.push([next, previous]),
  };
  return { effects, registered, log, applied };
}

/** The shell's settings over a real file in a temporary folder, reached through the contract as the page reaches them. */
function shell(options: { initial?: DesktopSettings; dir?: string; takenByOthers?: string[] } = {}) {
  const dir = options.dir ?? tempDir();
  const os = recordingEffects(options.takenByOthers);
  let accountLookups = 0;
  const desktop = desktopSettingsCalls({
    initial: options.initial ?? defaults,
    save: (settings) => saveDesktopSettings(dir, settings),
    effects: os.effects,
    accountIds: async () => {
      accountLookups++;
      return ACCOUNTS;
    },
  });
  const changes: DesktopSettings[] = [];
  desktop.onChange((settings) => changes.push(settings));
  const engine = refusingEngine();
  const client = createClient(memoryTransport(withDesktopCalls(engine.endpoint, desktop)));
  return { dir, desktop, client, engine, changes, ...os, accountLookups: () => accountLookups };
}

/** Stands for the engine: records what reaches it and answers every call with an empty object. */
function refusingEngine() {
  const dispatched: unknown[] = [];
  const listeners = new Set<(frame: EventFrame) => void>();
  const endpoint: EngineEndpoint = {
    dispatch: async (frame) => {
      dispatched.push(frame);
      return { t: 'result', id: (frame as { id: number }).id, ok: true, output: { connectivity: 'online', accounts: [], workspace: 'w' } } as ResultFrame;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { endpoint, dispatched, emit: (frame: EventFrame) => listeners.forEach((listener) => listener(frame)) };
}

const savedFile = (dir: string) => loadDesktopSettings(dir).settings;

async function refusal(promise: Promise<unknown>): Promise<RpcError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

describe('desktop settings calls', () => {
  it('answer the settings the page may change, without the window position', async () => {
    const { client } = shell({ initial: { ...defaults, window: { x: 1, y: 2, width: 800, height: 600, maximized: false }, globalShortcut: 'Alt+F1' } });
    const { settings } = await client.call('desktop.settings.get', {});
    expect(settings).toEqual({ notifications: defaults.notifications, globalShortcut: 'Alt+F1', updates: defaults.updates, debugLogging: false });
    expect(settings).not.toHaveProperty('window');
  });

  it('apply a valid patch, save it, and change only what it names', async () => {
    const initial = { ...defaults, window: { x: 5, y: 5, width: 900, height: 700, maximized: false } };
    const { client, dir, applied, changes, desktop } = shell({ initial });
    const answer = await client.call('desktop.settings.update', {
      notifications: { doNotDisturb: true, mutedAccounts: ['acc-tg'] },
      updates: { url: 'https://updates.example.com/switchboard/', checkIntervalHours: 12 },
      debugLogging: true,
    });
    const expected: DesktopSettings = {
      ...initial,
      notifications: { ...defaults.notifications, doNotDisturb: true, mutedAccounts: ['acc-tg'] },
      updates: { enabled: true, url: 'https://updates.example.com/switchboard/', checkIntervalHours: 12 },
      debugLogging: true,
    };
    expect(answer.settings).toEqual({ notifications: expected.notifications, globalShortcut: null, updates: expected.updates, debugLogging: true });
    expect(savedFile(dir)).toEqual(expected);
    expect(applied).toEqual([[expected, initial]]);
    expect(changes).toEqual([expected]);
    expect(desktop.current).toEqual(expected);
  });

  it('announce a saved change to the page as desktop.settings.changed, next to the engine\'s events', async () => {
    const { client, engine } = shell();
    const seen: string[] = [];
    client.on('desktop.settings.changed', () => seen.push('desktop.settings.changed'));
    client.on('settings.changed', () => seen.push('settings.changed'));
    await client.call('desktop.settings.update', { debugLogging: true });
    engine.emit({ t: 'event', name: 'settings.changed', payload: {} });
    await client.call('desktop.settings.update', { debugLogging: true }); // no change: no event
    expect(seen).toEqual(['desktop.settings.changed', 'settings.changed']);
  });

  it.each([
    ['an http feed', { updates: { url: 'http://updates.example.com/' } }, 'updates.url'],
    ['a feed that is no address', { updates: { url: 'not a url' } }, 'updates.url'],
    ['a file: feed', { updates: { url: 'file:///etc/passwd' } }, 'updates.url'],
    ['a check every 0 hours', { updates: { checkIntervalHours: 0 } }, 'updates.checkIntervalHours'],
    ['an SLA warning of 1,000 minutes', { notifications: { slaWarningMinutes: 1_000 } }, 'notifications.slaWarningMinutes'],
    ['a shortcut without a modifier', { globalShortcut: 'A' }, 'globalShortcut'],
    ['a shortcut with Shift alone', { globalShortcut: 'Shift+A' }, 'globalShortcut'],
    ['a shortcut with an unknown key', { globalShortcut: 'Ctrl+Banana' }, 'globalShortcut'],
    ['a shortcut of modifiers only', { globalShortcut: 'Ctrl+Alt' }, 'globalShortcut'],
    ['the window position', { window: { x: 0, y: 0, width: 500, height: 500 } }, ''],
    ['an unknown section', { surprise: true }, ''],
  ])('refuse %s with the reason at its field, and save and apply nothing', async (_what, patch, path) => {
    const { dir, applied, log, desktop } = shell();
    // Sent as a raw frame: the page's own client would have refused it before sending.
    const result = await desktop.dispatch({ t: 'call', id: 7, name: 'desktop.settings.update', input: patch });
    expect(result).toMatchObject({ t: 'result', id: 7, ok: false, error: { code: 'invalid_input' } });
    const issues = (result as Extract<ResultFrame, { ok: false }>).error.issues ?? [];
    expect(issues.map((issue) => issue.path)).toContain(path);
    expect(existsSync(join(dir, DESKTOP_SETTINGS_FILE))).toBe(false);
    expect(applied).toEqual([]);
    expect(log).toEqual([]);
  });

  it('say what is wrong with a shortcut in words', async () => {
    const { client } = shell();
    const error = await refusal(client.call('desktop.settings.update', { globalShortcut: 'Shift+A' }));
    expect(error.issues?.[0]?.message).toMatch(/needs Ctrl \(Cmd\), Alt or Super/);
  });

  it('refuse to mute an account the workspace does not have, and keep a mute of one removed since', async () => {
    const initial = { ...defaults, notifications: { ...defaults.notifications, mutedAccounts: ['acc-removed'] } };
    const { client, dir, applied, accountLookups } = shell({ initial });
    const error = await refusal(client.call('desktop.settings.update', { notifications: { mutedAccounts: ['acc-removed', 'acc-nobody'] } }));
    expect(error.code).toBe('refused');
    expect(error.issues).toEqual([{ path: 'notifications.mutedAccounts', message: 'There is no account acc-nobody in this workspace' }]);
    expect(existsSync(join(dir, DESKTOP_SETTINGS_FILE))).toBe(false);
    expect(applied).toEqual([]);

    await client.call('desktop.settings.update', { notifications: { mutedAccounts: ['acc-removed', 'acc-fb'] } });
    expect(savedFile(dir).notifications.mutedAccounts).toEqual(['acc-removed', 'acc-fb']);
    expect(accountLookups()).toBe(2);
    // Unmuting, or anything else, needs no look at the accounts.
    await client.call('desktop.settings.update', { notifications: { mutedAccounts: ['acc-fb'], doNotDisturb: true } });
    expect(accountLookups()).toBe(2);
  });

  it('take a new global shortcut before letting the old one go', async () => {
    const { client, dir, log, registered } = shell({ initial: { ...defaults, globalShortcut: 'CommandOrControl+Shift+Space' } });
    registered.add('CommandOrControl+Shift+Space');
    await client.call('desktop.settings.update', { globalShortcut: 'Alt+Shift+S' });
    expect(log).toEqual(['register Alt+Shift+S', 'unregister CommandOrControl+Shift+Space']);
    expect([...registered]).toEqual(['Alt+Shift+S']);
    await client.call('desktop.settings.update', { globalShortcut: null });
    expect(registered.size).toBe(0);
    expect(savedFile(dir).globalShortcut).toBeNull();
  });

  it('refuse a shortcut another application holds, keeping the old one registered and saved', async () => {
    const initial = { ...defaults, globalShortcut: 'Alt+F1' };
    const { client, dir, log, applied, desktop } = shell({ initial, takenByOthers: ['CommandOrControl+Alt+K'] });
    saveDesktopSettings(dir, initial);
    const error = await refusal(client.call('desktop.settings.update', { globalShortcut: 'CommandOrControl+Alt+K', debugLogging: true }));
    expect(error.code).toBe('refused');
    expect(error.issues).toEqual([{ path: 'globalShortcut', message: 'CommandOrControl+Alt+K is already used by another application; the shortcut was not changed' }]);
    expect(log).toEqual(['register CommandOrControl+Alt+K']); // Alt+F1 never let go
    expect(applied).toEqual([]); // nor the debug logging that came with it
    expect(savedFile(dir)).toEqual(initial);
    expect(desktop.current).toEqual(initial);
  });

  it('refuse a shortcut the system cannot read', async () => {
    const dir = tempDir();
    const desktop = desktopSettingsCalls({
      initial: defaults,
      save: (settings) => saveDesktopSettings(dir, settings),
      effects: { registerShortcut: () => 'invalid', unregisterShortcut: () => undefined, apply: () => undefined },
      accountIds: async () => [],
    });
    const error = await refusal(desktop.update({ globalShortcut: 'Super+F13' }));
    expect(error.issues).toEqual([{ path: 'globalShortcut', message: 'Super+F13 is not a shortcut this system can register; the shortcut was not changed' }]);
    expect(desktop.current.globalShortcut).toBeNull();
    expect(existsSync(join(dir, DESKTOP_SETTINGS_FILE))).toBe(false);
  });

  it('put the old settings back in effect when they cannot be saved', async () => {
    const initial = { ...defaults, globalShortcut: 'Alt+F1' };
    const { client, log, applied, desktop, changes } = shell({ initial, dir: join(tempDir(), 'gone') });
    const error = await refusal(client.call('desktop.settings.update', { globalShortcut: 'Alt+F2', debugLogging: true }));
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/^The desktop settings could not be saved: ENOENT/);
    const next = { ...initial, globalShortcut: 'Alt+F2', debugLogging: true };
    expect(applied).toEqual([
      [next, initial],
      [initial, next],
    ]);
    expect(log).toEqual(['register Alt+F2', 'unregister Alt+F1', 'unregister Alt+F2', 'register Alt+F1']);
    expect(desktop.current).toEqual(initial);
    expect(changes).toEqual([]);
  });

  it('keep the window position through a change, and save a new one without applying anything', async () => {
    const { client, dir, desktop, applied, changes } = shell();
    desktop.rememberWindow({ x: 10, y: 20, width: 1000, height: 800, maximized: true });
    await client.call('desktop.settings.update', { notifications: { enabled: false } });
    expect(savedFile(dir)).toEqual({ ...defaults, window: { x: 10, y: 20, width: 1000, height: 800, maximized: true }, notifications: { ...defaults.notifications, enabled: false } });
    expect(applied).toHaveLength(1);
    expect(changes).toHaveLength(1);
  });

  it('reach the engine for every other call, and never for desktop ones', async () => {
    const { client, engine, desktop } = shell();
    await client.call('app.status', {});
    await client.call('desktop.settings.get', {});
    expect(engine.dispatched).toEqual([{ t: 'call', id: 1, name: 'app.status', input: {} }]);
    expect(await desktop.dispatch({ t: 'call', id: 3, name: 'desktop.nothing', input: {} })).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await desktop.dispatch({ t: 'call', id: 4, name: 'inbox.list', input: { view: 'all', offset: 0, limit: 1 } })).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(isDesktopCall({ t: 'call', id: 1, name: 'desktop.settings.get', input: {} })).toBe(true);
    for (const frame of [null, 'desktop.settings.get', { t: 'event', name: 'desktop.settings.get' }, { t: 'call', name: 42 }, { t: 'call', name: 'settings.get' }]) expect(isDesktopCall(frame)).toBe(false);
  });

  it('are refused by the engine (and so by the browser host, which forwards to it), saying they exist only in the desktop app', async () => {
    const { client } = startEngine(tempDir());
    for (const call of [client.call('desktop.settings.get', {}), client.call('desktop.settings.update', { debugLogging: true })]) {
      const error = await refusal(call);
      expect(error.code).toBe('refused');
      expect(error.message).toBe(DESKTOP_ONLY);
    }
  });

  it('load a file whose shortcut Electron could not register as no shortcut, keeping a copy', () => {
    const dir = tempDir();
    saveDesktopSettings(dir, defaults);
    const file = join(dir, DESKTOP_SETTINGS_FILE);
    const damaged = JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), globalShortcut: 'Shift+Q', debugLogging: true });
    writeFileSync(file, damaged);
    const loaded = loadDesktopSettings(dir);
    expect(loaded.settings).toEqual({ ...defaults, debugLogging: true });
    expect(loaded.problems).toEqual([expect.stringMatching(/^globalShortcut: value a global shortcut needs/)]);
    expect(readFileSync(loaded.quarantinedTo!, 'utf8')).toBe(damaged);
  });
});
