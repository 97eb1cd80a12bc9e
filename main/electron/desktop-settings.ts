import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Settings that belong to this machine's desktop shell rather than to the
 * workspace: where the window was, notifications, the global shortcut, the
 * update feed, debug logging. Kept in `desktop-settings.json` in the user-data
 * folder; the engine never sees them.
 */
export const DESKTOP_SETTINGS_FILE = 'desktop-settings.json';

const WindowBounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.output<typeof WindowBounds>;

const HttpsUrl = z.url({ protocol: /^https$/ }).max(2_048);

const sections = {
  window: WindowBounds.nullable().default(null),
  notifications: z
    .object({
      enabled: z.boolean().default(true),
      doNotDisturb: z.boolean().default(false),
      /** Accounts whose new items never notify (ids, as the engine names them). */
      mutedAccounts: z.array(z.string().min(1).max(64)).max(1_000).default([]),
      /** "SLA about to breach" fires this long before an item is due. */
      slaWarningMinutes: z.number().int().min(1).max(240).default(10),
    })
    .default({ enabled: true, doNotDisturb: false, mutedAccounts: [], slaWarningMinutes: 10 }),
  /** An Electron accelerator ("CommandOrControl+Shift+Space") that brings the window forward; off (null) by default. */
  globalShortcut: z.string().min(1).max(64).nullable().default(null),
  updates: z
    .object({
      enabled: z.boolean().default(true),
      /** The generic-provider folder; null keeps the one built into the app (electron-builder.yml). */
      url: HttpsUrl.nullable().default(null),
      checkIntervalHours: z.number().min(1).max(168).default(4),
    })
    .default({ enabled: true, url: null, checkIntervalHours: 4 }),
  /** Debug logging writes message bodies to the log; for a support case, not for every day. */
  debugLogging: z.boolean().default(false),
};

export const DesktopSettings = z.object(sections);
export type DesktopSettings = z.output<typeof DesktopSettings>;
type SectionName = keyof typeof sections;

export interface LoadedSettings {
  settings: DesktopSettings;
  /** What was wrong with the file, one entry a problem; empty when it was fine. */
  problems: string[];
  /** Where a copy of a damaged file was put aside, so nothing the user set is lost for good. */
  quarantinedTo?: string;
}

/**
 * Reads the settings one section at a time: a damaged section falls back to
 * its defaults and the others are kept; a file that is not JSON at all is set
 * aside. Either way a copy of the original is kept next to it and the problem
 * is reported for the log.
 */
export function loadDesktopSettings(dir: string, now: () => number = Date.now): LoadedSettings {
  const file = join(dir, DESKTOP_SETTINGS_FILE);
  const defaults = DesktopSettings.parse({});
  if (!existsSync(file)) return { settings: defaults, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { settings: defaults, problems: [`${DESKTOP_SETTINGS_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)})`], quarantinedTo: quarantine(file, now) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: defaults, problems: [`${DESKTOP_SETTINGS_FILE} does not hold an object`], quarantinedTo: quarantine(file, now) };
  }
  const problems: string[] = [];
  const settings: Record<string, unknown> = { ...defaults };
  for (const name of Object.keys(sections) as SectionName[]) {
    const parsed = sections[name].safeParse((raw as Record<string, unknown>)[name]);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'} ${issue.message}`).join('; ')}`);
  }
  const unknownKeys = Object.keys(raw).filter((key) => !(key in sections));
  if (unknownKeys.length > 0) problems.push(`unknown settings ignored: ${unknownKeys.slice(0, 10).join(', ')}`);
  return { settings: settings as DesktopSettings, problems, quarantinedTo: problems.length > 0 ? quarantine(file, now) : undefined };
}

/** Written whole through a temporary file, so a crash mid-write leaves the old settings, never half of new ones. */
export function saveDesktopSettings(dir: string, settings: DesktopSettings): void {
  const file = join(dir, DESKTOP_SETTINGS_FILE);
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(DesktopSettings.parse(settings), null, 2)}\n`);
  renameSync(temporary, file);
}

function quarantine(file: string, now: () => number): string {
  const target = `${file}.bad-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(file, target);
  return target;
}
