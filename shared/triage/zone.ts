/**
 * Time-zone arithmetic on top of Intl alone (shared/ may not use date libraries,
 * and Temporal is not in Node 20). "Wall" values are local wall-clock times
 * encoded as if they were UTC epoch milliseconds, so civil arithmetic (add a
 * day, take the date) is plain number arithmetic with no zone involved.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

// Creating a DateTimeFormat costs far more than using one: keep one per zone.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // hourCycle 'h23', not hour12:false: the latter resolves to 'h24' in Node 20
    // and prints midnight as "24".
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (names are matched case-insensitively, aliases accepted). */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in ms at `instant` (Intl resolves whole seconds only). */
function offsetAt(timeZone: string, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const part = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of formatterFor(timeZone).formatToParts(second)) {
    if (type in part) part[type as keyof typeof part] = Number(value);
  }
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) - second;
}

// Conversions repeat endlessly (every account opens at 09:00 every day), and each
// costs several Intl calls: remember them per zone, forgetting all past a bound.
const MAX_CONVERSIONS = 100_000;
const conversions = new Map<string, Map<number, number>>();

/** Memoized {@link convertWall}. */
export function wallToInstant(timeZone: string, wall: number): number {
  let known = conversions.get(timeZone);
  if (!known) conversions.set(timeZone, (known = new Map()));
  let instant = known.get(wall);
  if (instant === undefined) {
    if (known.size >= MAX_CONVERSIONS) known.clear();
    instant = convertWall(timeZone, wall);
    known.set(wall, instant);
  }
  return instant;
}

/**
 * The instant at which the zone's clocks read `wall`.
 * - Repeated wall time (autumn fall-back): the first occurrence.
 * - Skipped wall time (spring-forward gap): the next valid instant, i.e. the
 *   transition itself, when the clocks jump past `wall`.
 * Offsets a day either side bound the candidates: that needs no zone to change
 * offset twice within two days, true of every zone in Node 20's ICU from 1970
 * to 2040 (checked in 12-hour steps).
 */
function convertWall(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const early = wall - before;
  if (offsetAt(timeZone, early) === before) return early;
  const late = wall - after;
  if (offsetAt(timeZone, late) === after) return late;
  // In a gap: the transition lies in (late, early]. Offsets only change on whole
  // seconds, so bisecting to one second finds it (under 20 steps for a 1-day gap).
  let lo = Math.floor(late / 1000) * 1000;
  let hi = Math.ceil(early / 1000) * 1000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
