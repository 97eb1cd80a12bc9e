const HOUR = 3_600_000;
/** Snoozes that name a day end at the start of a working morning. */
const MORNING_HOUR = 9;

export type SnoozePreset = 'oneHour' | 'fourHours' | 'tomorrow' | 'nextWeek';

/** Local 9:00 `days` after `from`'s day: through setDate, so a DST change in between keeps it 9:00 on the wall clock. */
function morning(from: Date, days: number): number {
  const at = new Date(from);
  at.setDate(at.getDate() + days);
  at.setHours(MORNING_HOUR, 0, 0, 0);
  return at.getTime();
}

/** When a preset wakes the conversation, in the computer's local time. Next week is the coming Monday (a week on, from a Monday). */
export function snoozeUntil(preset: SnoozePreset, now: number): number {
  const today = new Date(now);
  switch (preset) {
    case 'oneHour':
      return now + HOUR;
    case 'fourHours':
      return now + 4 * HOUR;
    case 'tomorrow':
      return morning(today, 1);
    case 'nextWeek':
      return morning(today, ((8 - today.getDay()) % 7) || 7);
  }
}

/** `<input type="datetime-local">` speaks local "yyyy-mm-ddThh:mm". */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The input's value as a time, or null when it is empty or not a time. */
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value).getTime();
  return Number.isNaN(at) ? null : at;
}

/** The preset's time from now. */
export const snoozeFromNow = (preset: SnoozePreset): number => snoozeUntil(preset, Date.now());

const wakeFormats = new Map<string, Intl.DateTimeFormat>();

/** When a snoozed conversation comes back, short: "Mon, Nov 30, 09:00". */
export function formatWakeTime(lang: string, at: number): string {
  let format = wakeFormats.get(lang);
  if (!format) wakeFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })));
  return format.format(at);
}
