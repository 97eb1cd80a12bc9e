import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_SETTINGS_FILE, loadDesktopSettings, saveDesktopSettings } from '../../../main/electron/desktop-settings';
import { DesktopSettings } from '../../../shared/desktop-settings';
import { tempDir } from '../helpers/temp-dir';

const NOW = () => Date.UTC(2026, 10, 29, 12, 0, 0);
const defaults = DesktopSettings.parse({});

describe('desktop settings', () => {
  it('are the defaults when there is no file: notifications on, no global shortcut, updates every 4 hours from the built-in feed', () => {
    const loaded = loadDesktopSettings(tempDir());
    expect(loaded).toEqual({ settings: defaults, problems: [] });
    expect(defaults).toMatchObject({ window: null, globalShortcut: null, debugLogging: false, updates: { enabled: true, url: null, checkIntervalHours: 4 }, notifications: { enabled: true, doNotDisturb: false } });
  });

  it('round-trip through the file', () => {
    const dir = tempDir();
    const settings: DesktopSettings = { ...defaults, window: { x: 10, y: 20, width: 1000, height: 700, maximized: true }, globalShortcut: 'CommandOrControl+Shift+Space', notifications: { ...defaults.notifications, mutedAccounts: ['acc-1'] } };
    saveDesktopSettings(dir, settings);
    expect(loadDesktopSettings(dir)).toEqual({ settings, problems: [] });
    expect(readdirSync(dir)).toEqual([DESKTOP_SETTINGS_FILE]); // no temporary file left behind
  });

  it('keep the good sections of a damaged file, report the bad ones, and put a copy of the original aside', () => {
    const dir = tempDir();
    const original = JSON.stringify({ window: { x: 1, y: 2, width: 800, height: 600 }, updates: { url: 'http://evil.example/feed' }, globalShortcut: 42, surprise: true });
    writeFileSync(join(dir, DESKTOP_SETTINGS_FILE), original);
    const loaded = loadDesktopSettings(dir, NOW);
    expect(loaded.settings.window).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
    expect(loaded.settings.updates).toEqual(defaults.updates);
    expect(loaded.settings.globalShortcut).toBeNull();
    expect(loaded.problems).toHaveLength(3);
    expect(loaded.problems.join('\n')).toMatch(/^updates: url/m);
    expect(loaded.problems.join('\n')).toMatch(/^globalShortcut: /m);
    expect(loaded.problems.join('\n')).toMatch(/unknown settings ignored: surprise/);
    expect(readFileSync(loaded.quarantinedTo!, 'utf8')).toBe(original);
  });

  it.each([
    ['not JSON', '{"window": '],
    ['an array', '[1, 2]'],
    ['a string', '"hello"'],
  ])('fall back to defaults when the file is %s, keeping it aside', (_what, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, DESKTOP_SETTINGS_FILE), content);
    const loaded = loadDesktopSettings(dir, NOW);
    expect(loaded.settings).toEqual(defaults);
    expect(loaded.problems).toHaveLength(1);
    expect(readFileSync(loaded.quarantinedTo!, 'utf8')).toBe(content);
    expect(existsSync(join(dir, DESKTOP_SETTINGS_FILE))).toBe(true);
  });

  it('refuse to save what they could not read back', () => {
    const dir = tempDir();
    expect(() => saveDesktopSettings(dir, { ...defaults, updates: { ...defaults.updates, url: 'file:///etc/passwd' } })).toThrow();
    expect(existsSync(join(dir, DESKTOP_SETTINGS_FILE))).toBe(false);
  });
});
