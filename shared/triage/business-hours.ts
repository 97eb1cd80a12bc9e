import { spanOf, WEEKDAYS, type BusinessHours } from './sla-settings';
import { DAY_MS, MINUTE_MS, wallToInstant } from './zone';

/**
 * Business hours as real instants. The engine asks for the due times of whole
 * inboxes at once and a wall-to-UTC conversion costs several Intl calls, so each
 * settings object keeps its days' openings as instants (keep the parsed object,
 * do not re-parse per message), and conversions are memoized per zone besides.
 */

/** A schedule that opens on no day in this long a stretch never opens: say so instead of looping. */
export const MAX_CLOSED_DAYS = 400;

// One day each side covers every UTC offset (−12 h … +14 h); one more day reaches
// the openings of the previous local day that run past midnight.
const DAYS_BEFORE = 2;

// Long-running engines see an ever-moving "now"; forget old days past this many.
const MAX_CACHED_DAYS = 4096;

interface Calendar {
  readonly timeZone: string;
  /** Per weekday: [start, end) in minutes after local midnight, sorted by start. */
  readonly weekly: readonly (readonly [number, number][])[];
  readonly holidays: ReadonlySet<number>;
  /** Local day number → openings as flat [start, end, start, end, …] instants. */
  readonly days: Map<number, number[]>;
}

const calendars = new WeakMap<BusinessHours, Calendar>();

function calendarOf(hours: BusinessHours): Calendar {
  let calendar = calendars.get(hours);
  if (!calendar) {
    calendar = {
      timeZone: hours.timeZone,
      weekly: WEEKDAYS.map((day) => hours.weekly[day].map(spanOf).sort((a, b) => a[0] - b[0])),
      holidays: new Set(hours.holidays.map((date) => Date.parse(date) / DAY_MS)),
      days: new Map(),
    };
    calendars.set(hours, calendar);
  }
  return calendar;
}

/** Openings of local day `day` (days since 1970-01-01) as instants. */
function openingsOn(calendar: Calendar, day: number): number[] {
  let instants = calendar.days.get(day);
  if (!instants) {
    instants = [];
    if (!calendar.holidays.has(day)) {
      const midnight = day * DAY_MS;
      const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      for (const [start, end] of calendar.weekly[weekday]!) {
        const from = wallToInstant(calendar.timeZone, midnight + start * MINUTE_MS);
        const to = wallToInstant(calendar.timeZone, midnight + end * MINUTE_MS);
        // An opening that falls wholly into a spring-forward gap has no real time.
        if (to > from) instants.push(from, to);
      }
    }
    if (calendar.days.size >= MAX_CACHED_DAYS) calendar.days.clear();
    calendar.days.set(day, instants);
  }
  return instants;
}

/**
 * Business time from `from` on, as disjoint [start, end) spans in time order,
 * the first one clipped to start at `from`. Where openings overlap (a night
 * desk running into the next morning's shift) the overlap is handed out once.
 */
export function* openSpans(hours: BusinessHours, from: number): Generator<readonly [number, number], never> {
  const calendar = calendarOf(hours);
  let cursor = from; // everything before it has been handed out
  let closedDays = 0;
  for (let day = Math.floor(from / DAY_MS) - DAYS_BEFORE; ; day++) {
    const instants = openingsOn(calendar, day);
    closedDays = instants.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) {
      const until = new Date(day * DAY_MS).toISOString().slice(0, 10);
      throw new Error(`Business hours in ${calendar.timeZone} stay closed for over ${MAX_CLOSED_DAYS} days in a row (up to ${until}): check the weekly hours and holidays`);
    }
    for (let i = 0; i < instants.length; i += 2) {
      const start = Math.max(instants[i]!, cursor);
      const end = instants[i + 1]!;
      if (end > start) {
        yield [start, end];
        cursor = end;
      }
    }
  }
}
