import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DesktopSettings } from '../../shared/desktop-settings';

/**
 * Where the shell keeps its own settings (the schema and what each one means
 * are in shared/desktop-settings.ts): `desktop-settings.json` in the user-data
 * folder, read section by section so one damaged section costs only itself.
 */
export const DESKTOP_SETTINGS_FILE = 'desktop-settings.json';

type SectionName = keyof typeof DesktopSettings.shape;

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
  for (const name of Object.keys(DesktopSettings.shape) as SectionName[]) {
    const parsed = DesktopSettings.shape[name].safeParse((raw as Record<string, unknown>)[name]);
    if (parsed.success) settings[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'} ${issue.message}`).join('; ')}`);
  }
  const unknownKeys = Object.keys(raw).filter((key) => !(key in DesktopSettings.shape));
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
