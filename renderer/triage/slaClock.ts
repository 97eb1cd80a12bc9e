import type { Language } from '../../shared/domain';
import { slaStateOf, type SlaState } from '../../shared/triage';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SlaShown {
  state: SlaState;
  /** Wall-clock time to the due time (positive) or since it (overdue), as "45 min", "3 hr", "2 days". */
  time: string;
}

const formats = new Map<string, Intl.NumberFormat>();
function unitFormat(lang: Language, unit: 'minute' | 'hour' | 'day'): Intl.NumberFormat {
  const key = `${lang} ${unit}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' })));
  return format;
}

/** A duration in the largest unit that fits, rounded down, at least one minute. */
export function formatDuration(lang: Language, ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) return unitFormat(lang, 'day').format(Math.floor(abs / DAY));
  if (abs >= HOUR) return unitFormat(lang, 'hour').format(Math.floor(abs / HOUR));
  return unitFormat(lang, 'minute').format(Math.max(1, Math.floor(abs / MINUTE)));
}

/**
 * The first-response clock as a row shows it. Only the due time is stored, so
 * the state here is the wall clock's: due soon in the last DUE_SOON_MS.
 */
export function slaShown(lang: Language, slaDueAt: number | null, now: number): SlaShown | null {
  if (slaDueAt === null) return null;
  const left = slaDueAt - now;
  return { state: slaStateOf(left), time: formatDuration(lang, left) };
}
