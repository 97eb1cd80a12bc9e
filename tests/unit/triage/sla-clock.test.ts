import { describe, expect, it } from 'vitest';
import { alwaysOpen, BusinessHours, businessMsBetween, dueAt, timeLeft, type WeeklyHours } from '../../../shared/triage';

// Expectations are written as ISO times with explicit offsets, read by
// Date.parse: they do not depend on the time-zone code under test.
const at = Date.parse;
const MIN = 60_000;
const HOUR = 60 * MIN;

function expectInstant(actual: number, expected: string) {
  expect(new Date(actual).toISOString()).toBe(new Date(at(expected)).toISOString());
}

function hours(timeZone: string, weekly?: Partial<Record<keyof WeeklyHours, { from: string; to: string }[]>>, holidays?: string[]): BusinessHours {
  return BusinessHours.parse({ timeZone, weekly, holidays });
}

const every = (from: string, to: string) => {
  const opening = [{ from, to }];
  return { mon: opening, tue: opening, wed: opening, thu: opening, fri: opening, sat: opening, sun: opening };
};
const weekdays = (from: string, to: string) => {
  const opening = [{ from, to }];
  return { mon: opening, tue: opening, wed: opening, thu: opening, fri: opening };
};

const warsaw = hours('Europe/Warsaw'); // Mon–Fri 09:00–17:00 by default

describe('dueAt within business hours', () => {
  it('carries a Friday 16:45 message with a 30-minute target over the weekend to Monday 09:15', () => {
    expectInstant(dueAt(at('2025-05-16T16:45+02:00'), 30, warsaw), '2025-05-19T09:15+02:00');
  });

  it('counts straight through when the target fits in the day, up to the closing minute', () => {
    expectInstant(dueAt(at('2025-05-13T10:00+02:00'), 30, warsaw), '2025-05-13T10:30+02:00');
    expectInstant(dueAt(at('2025-05-16T16:30+02:00'), 30, warsaw), '2025-05-16T17:00+02:00');
  });

  it('starts counting at the next opening for messages outside hours', () => {
    expectInstant(dueAt(at('2025-05-13T07:00+02:00'), 30, warsaw), '2025-05-13T09:30+02:00');
    expectInstant(dueAt(at('2025-05-13T17:00+02:00'), 30, warsaw), '2025-05-14T09:30+02:00');
    expectInstant(dueAt(at('2025-05-13T18:00+02:00'), 30, warsaw), '2025-05-14T09:30+02:00');
    expectInstant(dueAt(at('2025-05-17T12:00+02:00'), 30, warsaw), '2025-05-19T09:30+02:00');
  });

  it('spans several business days for long targets', () => {
    expectInstant(dueAt(at('2025-05-12T09:00+02:00'), 600, warsaw), '2025-05-13T11:00+02:00');
    expectInstant(dueAt(at('2025-05-12T09:00+02:00'), 5 * 8 * 60, warsaw), '2025-05-16T17:00+02:00');
  });

  it('skips a lunch break between two openings', () => {
    const split = hours('Europe/Warsaw', { mon: [{ from: '13:00', to: '17:00' }, { from: '09:00', to: '12:00' }] });
    expectInstant(dueAt(at('2025-05-12T11:50+02:00'), 30, split), '2025-05-12T13:20+02:00');
  });

  it('skips holidays, which are dates in the account’s zone', () => {
    const independenceDay = hours('Europe/Warsaw', undefined, ['2025-11-11']);
    expectInstant(dueAt(at('2025-11-10T16:45+01:00'), 30, independenceDay), '2025-11-12T09:15+01:00');
    const christmas = hours('Europe/Warsaw', undefined, ['2025-12-24', '2025-12-25', '2025-12-26']);
    expectInstant(dueAt(at('2025-12-23T16:50+01:00'), 30, christmas), '2025-12-29T09:20+01:00');
    // New York's 4 July runs 04:00Z–04:00Z the next day, not a UTC date.
    const julyFourth = BusinessHours.parse({ ...alwaysOpen('America/New_York'), holidays: ['2025-07-04'] });
    expectInstant(dueAt(at('2025-07-03T22:00-04:00'), 180, julyFourth), '2025-07-05T01:00-04:00');
  });

  it('runs around the clock on 24/7 schedules', () => {
    const always = alwaysOpen('UTC');
    for (const received of [at('2025-05-17T23:59:30Z'), at('2025-12-31T23:40Z'), at('2024-02-28T23:30Z')]) {
      expect(dueAt(received, 45, always)).toBe(received + 45 * MIN);
    }
  });
});

describe('overnight openings (a 22:00–06:00 desk, Monday to Friday nights)', () => {
  const nights = hours('Europe/Warsaw', weekdays('22:00', '06:00'));

  it('counts the end of one night and the start of the next', () => {
    expectInstant(dueAt(at('2025-05-13T05:50+02:00'), 30, nights), '2025-05-13T22:20+02:00');
  });

  it('gives an opening to the day it starts on: Friday night runs into Saturday morning', () => {
    expectInstant(dueAt(at('2025-05-17T03:00+02:00'), 30, nights), '2025-05-17T03:30+02:00');
    expectInstant(dueAt(at('2025-05-18T12:00+02:00'), 30, nights), '2025-05-19T22:30+02:00');
  });

  it('drops the whole night that starts on a holiday', () => {
    const closedMonday = hours('Europe/Warsaw', weekdays('22:00', '06:00'), ['2025-05-19']);
    expectInstant(dueAt(at('2025-05-18T12:00+02:00'), 30, closedMonday), '2025-05-20T22:30+02:00');
  });

  it('counts time once where a night runs into the next morning’s shift', () => {
    const overlapping = hours('Europe/Warsaw', { mon: [{ from: '22:00', to: '06:00' }], tue: [{ from: '05:00', to: '10:00' }] });
    expect(businessMsBetween(at('2025-05-13T04:00+02:00'), at('2025-05-13T07:00+02:00'), overlapping)).toBe(3 * HOUR);
    expect(businessMsBetween(at('2025-05-12T00:00+02:00'), at('2025-05-14T00:00+02:00'), overlapping)).toBe(12 * HOUR);
  });
});

describe('time zones', () => {
  it('reads the same instant in each account’s own zone', () => {
    const received = at('2025-05-16T14:45Z');
    expectInstant(dueAt(received, 30, warsaw), '2025-05-19T09:15+02:00'); // Fri 16:45 there
    expectInstant(dueAt(received, 30, hours('America/New_York')), '2025-05-16T11:15-04:00'); // Fri 10:45
    expectInstant(dueAt(received, 30, hours('Asia/Tokyo')), '2025-05-19T09:30+09:00'); // Fri 23:45
  });

  it('uses each day’s own offset when a weekend changes it (New York, spring 2025)', () => {
    expectInstant(dueAt(at('2025-03-07T16:45-05:00'), 30, hours('America/New_York')), '2025-03-10T09:15-04:00');
  });

  it('works where there is no daylight saving time (Tokyo)', () => {
    expectInstant(dueAt(at('2025-06-02T16:45+09:00'), 30, hours('Asia/Tokyo')), '2025-06-03T09:15+09:00');
  });
});

describe('daylight saving time', () => {
  const nightly = hours('Europe/Warsaw', every('22:00', '06:00'));

  it('counts the real length of a night with a clock change (7 h in spring, 9 h in autumn)', () => {
    expect(businessMsBetween(at('2025-03-29T20:00+01:00'), at('2025-03-30T08:00+02:00'), nightly)).toBe(7 * HOUR);
    expect(businessMsBetween(at('2025-10-25T20:00+02:00'), at('2025-10-26T08:00+01:00'), nightly)).toBe(9 * HOUR);
  });

  it('counts real minutes for a target spanning the change', () => {
    expectInstant(dueAt(at('2025-03-30T01:45+01:00'), 30, nightly), '2025-03-30T03:15+02:00');
    expectInstant(dueAt(at('2025-10-26T02:45+02:00'), 30, nightly), '2025-10-26T02:15+01:00');
  });

  it('opens at the jump when an opening time does not exist (spring)', () => {
    const early = hours('Europe/Warsaw', { sun: [{ from: '02:30', to: '04:00' }] });
    expectInstant(dueAt(at('2025-03-29T12:00+01:00'), 30, early), '2025-03-30T03:30+02:00');
    expect(businessMsBetween(at('2025-03-29T00:00+01:00'), at('2025-03-31T00:00+02:00'), early)).toBe(HOUR);
  });

  it('opens at the first of two 02:30s (autumn)', () => {
    const early = hours('Europe/Warsaw', { sun: [{ from: '02:30', to: '04:00' }] });
    expectInstant(dueAt(at('2025-10-25T12:00+02:00'), 30, early), '2025-10-26T03:00+02:00');
    expect(businessMsBetween(at('2025-10-25T00:00+02:00'), at('2025-10-27T00:00+01:00'), early)).toBe(2.5 * HOUR);
  });

  it('makes a 24/7 day 23 or 25 hours long (New York)', () => {
    const always = alwaysOpen('America/New_York');
    expect(businessMsBetween(at('2025-03-08T12:00-05:00'), at('2025-03-09T12:00-04:00'), always)).toBe(23 * HOUR);
    expect(businessMsBetween(at('2025-11-01T12:00-04:00'), at('2025-11-02T12:00-05:00'), always)).toBe(25 * HOUR);
  });

  const offsetsOf = (timeZone: string) =>
    [Date.UTC(2025, 0, 1), Date.UTC(2025, 6, 1)].map((t) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format(t).split(' ')[1]);
  const lordHoweShifts = offsetsOf('Australia/Lord_Howe').join() === 'GMT+11:00,GMT+10:30';

  it.skipIf(!lordHoweShifts)('handles Lord Howe Island’s 30-minute shift', () => {
    const sundayNight = hours('Australia/Lord_Howe', { sun: [{ from: '00:00', to: '03:00' }] });
    // 5 Oct 2025: 02:00 becomes 02:30, so 00:00–03:00 lasts 2.5 h.
    expect(businessMsBetween(at('2025-10-04T12:00+10:30'), at('2025-10-06T12:00+11:00'), sundayNight)).toBe(2.5 * HOUR);
    expectInstant(dueAt(at('2025-10-04T12:00+10:30'), 120, sundayNight), '2025-10-05T02:30+11:00');
    // 6 Apr 2025: 02:00 becomes 01:30 again, so it lasts 3.5 h.
    expect(businessMsBetween(at('2025-04-05T12:00+11:00'), at('2025-04-07T12:00+10:30'), sundayNight)).toBe(3.5 * HOUR);
  });
});

describe('businessMsBetween and timeLeft', () => {
  it('measures business time, negative backwards', () => {
    const monday = at('2025-05-12T00:00+02:00');
    const nextMonday = at('2025-05-19T00:00+02:00');
    expect(businessMsBetween(monday, nextMonday, warsaw)).toBe(40 * HOUR);
    expect(businessMsBetween(nextMonday, monday, warsaw)).toBe(-40 * HOUR);
    expect(businessMsBetween(monday, monday, warsaw)).toBe(0);
  });

  it('is ok, then due soon in the last ten business minutes, then overdue at the due time', () => {
    const due = dueAt(at('2025-05-16T16:45+02:00'), 30, warsaw); // Monday 09:15
    const left = (now: string) => timeLeft(at(now), due, warsaw);
    expect(left('2025-05-16T16:50+02:00')).toEqual({ state: 'ok', msLeft: 25 * MIN, wallMsLeft: due - at('2025-05-16T16:50+02:00') });
    expect(left('2025-05-17T12:00+02:00')).toMatchObject({ state: 'ok', msLeft: 15 * MIN });
    expect(left('2025-05-19T09:04+02:00')).toMatchObject({ state: 'ok', msLeft: 11 * MIN });
    expect(left('2025-05-19T09:05+02:00')).toMatchObject({ state: 'due_soon', msLeft: 10 * MIN, wallMsLeft: 10 * MIN });
    expect(left('2025-05-19T09:15+02:00')).toMatchObject({ state: 'overdue', msLeft: 0, wallMsLeft: 0 });
    expect(left('2025-05-19T10:00+02:00')).toMatchObject({ state: 'overdue', msLeft: -45 * MIN, wallMsLeft: -45 * MIN });
    expect(left('2025-05-20T10:00+02:00')).toMatchObject({ state: 'overdue', msLeft: -(8 * HOUR + 45 * MIN) });
  });

  it('stays due soon over a weekend while the clock is stopped', () => {
    const due = dueAt(at('2025-05-16T16:55+02:00'), 10, warsaw); // Monday 09:05
    expect(timeLeft(at('2025-05-17T12:00+02:00'), due, warsaw)).toEqual({ state: 'due_soon', msLeft: 5 * MIN, wallMsLeft: due - at('2025-05-17T12:00+02:00') });
  });
});

describe('clock properties over two years of messages', () => {
  const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const holidays = ['2025-01-01', '2025-04-21', '2025-05-01', '2025-11-11', '2025-12-25', '2026-01-01'];
  const schedule = hours('Europe/Warsaw', undefined, holidays);
  const dateOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' });
  // A deterministic spread: a prime step in seconds walks every time of day and week.
  const received = Array.from({ length: 3000 }, (_, i) => at('2025-01-01T00:00Z') + i * 20_983_000);

  it('due times are exactly the target in business time away, inside business hours, and never earlier for later messages', () => {
    let previous = -Infinity;
    received.forEach((t, i) => {
      const target = 1 + ((i * 37) % 480);
      const due = dueAt(t, target, schedule);
      expect(businessMsBetween(t, due, schedule)).toBe(target * MIN);
      const [weekday, time] = localTime.format(due).split(' ');
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(weekday);
      expect(time! >= '09:00' && time! <= '17:00').toBe(true);
      expect(holidays).not.toContain(dateOf.format(due));
      const sameTarget = dueAt(t, 30, schedule);
      expect(sameTarget).toBeGreaterThanOrEqual(previous);
      previous = sameTarget;
    });
  });
});

describe('inputs the clock cannot walk', () => {
  it('refuses endless or missing numbers instead of spinning', () => {
    expect(() => dueAt(at('2025-05-12T10:00Z'), Infinity, warsaw)).toThrow('SLA clock: targetMinutes must be a finite number, got Infinity');
    expect(() => dueAt(Number.NaN, 30, warsaw)).toThrow('receivedAt must be a finite number');
    expect(() => businessMsBetween(0, Infinity, warsaw)).toThrow('to must be a finite number');
  });

  it('fails with a clear error on a schedule that never opens', () => {
    const closed = { timeZone: 'UTC', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] } satisfies BusinessHours;
    expect(() => dueAt(at('2025-05-12T10:00Z'), 30, closed)).toThrow(/stay closed for over 400 days in a row/);
  });
});
