import { z } from 'zod';
import { SentimentClass, type PriorityPart as PriorityPartSchema } from '../domain';
import type { SlaState } from './sla';
import { MINUTE_MS } from './zone';

/**
 * Priority orders the "Needs reply" view, highest score first. The formula is a
 * sum of weighted factors so that the weights can live in settings and the UI
 * can explain any position ("why is this first?") part by part.
 */

/** The sentiment class of a conversation (the domain's SentimentClass, under the name the formula uses). */
export const SentimentLabel = SentimentClass;
export type SentimentLabel = SentimentClass;

/** Time-based factors stop growing after a year, which keeps every factor bounded. */
export const HORIZON_MINUTES = 366 * 24 * 60;

const Points = z.number().nonnegative();

/**
 * The defaults give a strict lexicographic order: sentiment class, then SLA, then age.
 * - SLA points move in whole points per minute (60 per hour) and stay within
 *   ±(60 + HORIZON_MINUTES) ≈ ±527,100, far less than the 5,000,000 between classes.
 * - Age earns at most 0.0001 × 8,784 h ≈ 0.88 points: less than one SLA minute, so it
 *   only breaks ties between items whose clocks agree to the minute.
 */
export const PriorityWeights = z
  .object({
    sentiment: z
      .object({
        negative: Points.default(10_000_000),
        neutral: Points.default(5_000_000),
        positive: Points.default(0),
        /** Points per unit of negativity (−score, score in [−1, 1]); 0 lets the class alone decide. */
        perScoreUnit: Points.default(0),
      })
      .prefault({})
      .refine((s) => s.negative >= s.neutral && s.neutral >= s.positive, {
        error: 'Sentiment points must rank negative ≥ neutral ≥ positive',
      }),
    /** An overdue item earns this at once, plus overduePerHour for each hour past due. */
    overdueBonus: Points.default(60),
    overduePerHour: Points.default(60),
    dueSoonBonus: Points.default(30),
    /** Points taken off per hour still left on the clock: the less time left, the higher. */
    timeLeftPerHour: Points.default(60),
    agePerHour: Points.default(0.0001),
  })
  .refine((w) => w.overdueBonus >= w.dueSoonBonus, {
    error: 'overdueBonus must be at least dueSoonBonus, or an item due soon would outrank an overdue one',
    path: ['overdueBonus'],
  });
export type PriorityWeights = z.infer<typeof PriorityWeights>;

export interface PriorityInput {
  sentimentLabel: SentimentLabel;
  /** −1 (angry) … 1 (delighted). */
  sentimentScore: number;
  slaState: SlaState;
  /** Business ms left on the clock, negative when overdue (see timeLeft). */
  msLeft: number;
  /** How long the customer has been waiting. */
  ageMs: number;
}

/** Stable keys, one i18n string each. */
export type PriorityFactor = z.infer<typeof PriorityPartSchema>['factor'];

export interface PriorityPart {
  factor: PriorityFactor;
  points: number;
}

/** `score` is exactly the sum of `parts`, added in the order listed. */
export interface Priority {
  score: number;
  parts: PriorityPart[];
}

/** Whole minutes, rounded as the factor needs, within [0, HORIZON_MINUTES]. */
function minutes(ms: number, round: (x: number) => number): number {
  return Math.min(Math.max(round(ms / MINUTE_MS), 0), HORIZON_MINUTES);
}

/** The sentiment class is always listed; every other factor only when it carries points. */
export function priorityOf(input: PriorityInput, weights: PriorityWeights): Priority {
  const parts: PriorityPart[] = [{ factor: `sentiment.${input.sentimentLabel}`, points: weights.sentiment[input.sentimentLabel] }];
  const add = (factor: PriorityFactor, points: number) => {
    if (points !== 0) parts.push({ factor, points });
  };
  add('sentiment.score', -Math.min(Math.max(input.sentimentScore, -1), 1) * weights.sentiment.perScoreUnit);
  if (input.slaState === 'overdue') {
    // Minutes fully past due: an item a few seconds overdue still earns the bonus.
    add('sla.overdue', weights.overdueBonus + (weights.overduePerHour * minutes(-input.msLeft, Math.floor)) / 60);
  } else {
    if (input.slaState === 'due_soon') add('sla.due_soon', weights.dueSoonBonus);
    // Minutes started: 30 s left counts as one minute left, never as none.
    add('sla.time_left', -(weights.timeLeftPerHour * minutes(input.msLeft, Math.ceil)) / 60);
  }
  add('age', (weights.agePerHour * minutes(input.ageMs, Math.floor)) / 60);
  return { score: parts.reduce((sum, part) => sum + part.points, 0), parts };
}
