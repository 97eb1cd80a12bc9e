import { describe, expect, it } from 'vitest';
import { DesktopSettings } from '../../../shared/desktop-settings';
import { buildDiagnostics, type DiagnosticsInput } from '../../../main/electron/diagnostics';
import { LogFile, readLogTail } from '../../../main/engine/support/log-file';
import { tempDir } from '../helpers/temp-dir';

function input(overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    appVersion: '0.1.0',
    versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0', v8: '14.2' },
    platform: 'linux',
    arch: 'x64',
    locale: 'pl-PL',
    packaged: true,
    settings: DesktopSettings.parse({ notifications: { mutedAccounts: ['acc-1', 'acc-2'] } }),
    engine: { state: 'running', restarts: 1 },
    update: { phase: 'downloaded', version: '0.2.0' },
    logs: {},
    ...overrides,
  };
}

describe('buildDiagnostics', () => {
  it('names versions, platform, engine and update state, and the settings', () => {
    const text = buildDiagnostics(input());
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Switchboard 0.1.0 (installed)',
      'Platform: linux x64, locale pl-PL',
      'Versions: electron 45.4.1, chrome 142.0.0.0, node 22.20.0, v8 14.2',
      'Engine: {"state":"running","restarts":1}',
    ]);
    expect(text).toContain('Update: {"phase":"downloaded","version":"0.2.0"}');
    expect(text).toContain('"mutedAccounts":2');
    expect(text).toContain('Debug logging is off');
  });

  it('carries the recent log with the bodies and tokens the log file kept out', () => {
    const dir = tempDir();
    const log = new LogFile({ dir, name: 'engine' });
    log.write('error', 'publish failed', { body: 'Call me at +48 600 100 200', url: 'https://graph.facebook.com/v19.0/me/messages?access_token=EAAB' });
    const text = buildDiagnostics(input({ logs: { 'engine.log': readLogTail(log.file, 10_000) } }));
    expect(text).toContain('--- engine.log (last lines) ---');
    expect(text).toContain('publish failed');
    expect(text).not.toContain('600 100 200');
    expect(text).not.toContain('EAAB');
  });

  it('redacts a token that reached a settings value or an error message', () => {
    const text = buildDiagnostics(
      input({
        settings: DesktopSettings.parse({ updates: { url: 'https://updates.example.com/feed?token=s3cr3t' } }),
        update: { phase: 'error', message: 'HTTP 401 for https://updates.example.com/feed?token=s3cr3t' },
      }),
    );
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain('token=[redacted]');
  });

  it('warns the reader when debug logging was on', () => {
    expect(buildDiagnostics(input({ settings: DesktopSettings.parse({ debugLogging: true }) }))).toContain('Debug logging is ON');
  });
});
