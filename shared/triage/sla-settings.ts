import { z } from 'zod';
import type { ConversationKind } from '../domain';
import { isTimeZone } from './zone';

/**
 * Per-account SLA settings: first-response targets per conversation kind and
 * the business hours the clock runs in. Parsed from the settings table, so every
 * rule a schedule must obey lives here and the clock can trust what it gets.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const; // Date#getUTCDay order
export type Weekday = (typeof WEEKDAYS)[number];

const TimeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'Use a 24-hour time from 00:00 to 24:00, e.g. "09:30"' });

/** Minutes after local midnight. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * One opening on a day. `to` at or before `from` ends the next day (a 22:00–06:00
 * night desk); the opening belongs to the day it starts on, also for holidays.
 */
export const HoursInterval = z
  .object({ from: TimeOfDay, to: TimeOfDay })
  .refine(({ from }) => from !== '24:00', { error: 'An opening cannot start at 24:00; use 00:00', path: ['from'] })
  .refine(({ from, to }) => from !== to, { error: 'An opening must not be empty (from equals to); for a whole day use 00:00–24:00', path: ['to'] });
export type HoursInterval = z.infer<typeof HoursInterval>;

/** Minutes after the day's local midnight: [start, end), end up to 48 h for overnight openings. */
export function spanOf({ from, to }: HoursInterval): [number, number] {
  const start = minutesOf(from);
  const end = minutesOf(to);
  return [start, end > start ? end : end + 24 * 60];
}

const DayHours = z
  .array(HoursInterval)
  .max(12)
  .default([])
  .superRefine((intervals, ctx) => {
    const sorted = intervals.map((interval) => ({ interval, span: spanOf(interval) })).sort((a, b) => a.span[0] - b.span[0]);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      const next = sorted[i]!;
      if (next.span[0] < previous.span[1]) {
        const label = ({ from, to }: HoursInterval) => `${from}–${to}`;
        ctx.addIssue({ code: 'custom', message: `Openings ${label(previous.interval)} and ${label(next.interval)} overlap` });
      }
    }
  });

const isoDate = z.iso.date({ error: 'Use a real date as YYYY-MM-DD' });

export const WeeklyHours = z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, DayHours])) as Record<Weekday, typeof DayHours>);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

const nineToFive = [{ from: '09:00', to: '17:00' }];

export const BusinessHours = z
  .object({
    timeZone: z.string().refine(isTimeZone, { error: (issue) => `Unknown time zone ${JSON.stringify(issue.input)}; use an IANA name such as "Europe/Warsaw"` }),
    weekly: WeeklyHours.prefault({ mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }),
    holidays: z.array(isoDate).max(1000).default([]),
  })
  .refine(({ weekly }) => WEEKDAYS.some((day) => weekly[day].length > 0), {
    error: 'Business hours must open at least once a week',
    path: ['weekly'],
  });
export type BusinessHours = z.infer<typeof BusinessHours>;

/** Every day 00:00–24:00 in `timeZone`: the clock never stops (holidays still apply). */
export function alwaysOpen(timeZone: string): BusinessHours {
  const wholeDay = [{ from: '00:00', to: '24:00' }];
  return BusinessHours.parse({ timeZone, weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, wholeDay])) });
}

const TargetMinutes = z.number().int().min(1).max(7 * 24 * 60);

/** First-response targets in business minutes; private messages are expected faster. */
export const SlaTargets = z.object({
  dm: TargetMinutes.default(30),
  comment: TargetMinutes.default(60),
  mention: TargetMinutes.default(60),
  review: TargetMinutes.default(60),
} satisfies Record<ConversationKind, z.ZodType<number>>);
export type SlaTargets = z.infer<typeof SlaTargets>;

export const SlaSettings = z.object({
  targets: SlaTargets.prefault({}),
  hours: BusinessHours,
});
export type SlaSettings = z.infer<typeof SlaSettings>;
