import { redactSecrets } from '../engine/support/log-file';
import type { DesktopSettings } from '../../shared/desktop-settings';
import type { EngineStatus } from './engine-supervisor';
import type { UpdateState } from './update/update-flow';

export interface DiagnosticsInput {
  appVersion: string;
  versions: Readonly<Record<string, string | undefined>>;
  platform: string;
  arch: string;
  locale: string;
  packaged: boolean;
  settings: DesktopSettings;
  engine: EngineStatus;
  update: UpdateState;
  /** The last lines of each log file (log-file.ts readLogTail), keyed by file name. */
  logs: Readonly<Record<string, string>>;
}

/**
 * The text "Help → Copy diagnostics" puts on the clipboard for a support
 * ticket: versions, state, settings and the recent log. The logs already hold
 * no tokens and no message bodies (unless debug logging is on, which the text
 * says); everything is passed through the token redaction once more, since a
 * settings value or an error could carry one.
 */
export function buildDiagnostics(input: DiagnosticsInput): string {
  const { mutedAccounts, ...notifications } = input.settings.notifications;
  const lines = [
    `Switchboard ${input.appVersion} (${input.packaged ? 'installed' : 'development build'})`,
    `Platform: ${input.platform} ${input.arch}, locale ${input.locale}`,
    `Versions: ${['electron', 'chrome', 'node', 'v8']
      .filter((name) => input.versions[name])
      .map((name) => `${name} ${input.versions[name]}`)
      .join(', ')}`,
    `Engine: ${JSON.stringify(input.engine)}`,
    `Update: ${JSON.stringify(input.update)}`,
    `Settings: ${JSON.stringify({ ...input.settings, notifications: { ...notifications, mutedAccounts: mutedAccounts.length } })}`,
    input.settings.debugLogging ? 'Debug logging is ON: the log below may contain message texts.' : 'Debug logging is off: the log holds no message texts.',
  ];
  for (const [name, tail] of Object.entries(input.logs)) {
    lines.push('', `--- ${name} (last lines) ---`, tail.trimEnd() || '(empty)');
  }
  return redactSecrets(lines.join('\n'));
}
