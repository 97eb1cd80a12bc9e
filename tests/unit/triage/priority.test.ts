import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DUE_SOON_MS, PriorityWeights, priorityOf, slaStateOf, type PriorityInput, type SentimentLabel } from '../../../shared/triage';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const weights = PriorityWeights.parse({});

function item(overrides: Partial<PriorityInput> = {}): PriorityInput {
  const msLeft = overrides.msLeft ?? 30 * MIN;
  return { sentimentLabel: 'neutral', sentimentScore: 0, slaState: slaStateOf(msLeft), msLeft, ageMs: 5 * MIN, ...overrides };
}

/** Items in the order the view shows them: highest score first. */
function ordered(items: PriorityInput[], w = weights): PriorityInput[] {
  return [...items].sort((a, b) => priorityOf(b, w).score - priorityOf(a, w).score);
}

/** mulberry32: a small seeded generator, so every run checks the same inputs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order the product asks for, written independently of the formula:
 * negative, neutral, positive; then less time left on the clock (to the minute,
 * overdue first of all); then older first (to the minute). Negative = a first.
 */
function expectedOrder(a: PriorityInput, b: PriorityInput): number {
  const rank: Record<SentimentLabel, number> = { negative: 0, neutral: 1, positive: 2 };
  const clock = ({ msLeft }: PriorityInput) => (msLeft <= 0 ? -1 - Math.floor(-msLeft / MIN) : Math.ceil(msLeft / MIN));
  return rank[a.sentimentLabel] - rank[b.sentimentLabel] || clock(a) - clock(b) || Math.floor(b.ageMs / MIN) - Math.floor(a.ageMs / MIN);
}

describe('priority with the default weights', () => {
  it('puts negative before neutral before positive, whatever the clock says', () => {
    const happyAndLate = item({ sentimentLabel: 'positive', msLeft: -30 * DAY, ageMs: 60 * DAY });
    const neutralAndLate = item({ sentimentLabel: 'neutral', msLeft: -2 * DAY, ageMs: 10 * DAY });
    const angryAndFresh = item({ sentimentLabel: 'negative', msLeft: 60 * MIN, ageMs: 0 });
    expect(ordered([happyAndLate, neutralAndLate, angryAndFresh])).toEqual([angryAndFresh, neutralAndLate, happyAndLate]);
    // The extremes: time-based factors stop growing after a year.
    for (const [higher, lower] of [['negative', 'neutral'], ['neutral', 'positive']] as const) {
      const farOff = item({ sentimentLabel: higher, msLeft: 1000 * DAY, ageMs: 0 });
      const forgotten = item({ sentimentLabel: lower, msLeft: -1000 * DAY, ageMs: 1000 * DAY });
      expect(ordered([forgotten, farOff])).toEqual([farOff, forgotten]);
    }
  });

  it('then orders by the clock: most overdue first, then overdue, due soon, least time left', () => {
    const plenty = item({ msLeft: 50 * MIN });
    const some = item({ msLeft: 11 * MIN });
    const dueSoon = item({ msLeft: DUE_SOON_MS });
    const lastSeconds = item({ msLeft: 5_000 });
    const justOverdue = item({ msLeft: 0 });
    const longOverdue = item({ msLeft: -3 * HOUR });
    expect(ordered([plenty, justOverdue, some, longOverdue, lastSeconds, dueSoon])).toEqual([longOverdue, justOverdue, lastSeconds, dueSoon, some, plenty]);
  });

  it('then puts older items first when the clocks agree', () => {
    const older = item({ msLeft: -20 * MIN, ageMs: 3 * DAY });
    const newer = item({ msLeft: -20 * MIN, ageMs: 2 * HOUR });
    expect(ordered([newer, older])).toEqual([older, newer]);
  });

  it('keeps the clock above age even for an item waiting a year', () => {
    const ancient = item({ msLeft: 20 * MIN, ageMs: 400 * DAY });
    const lessTime = item({ msLeft: 19 * MIN, ageMs: 0 });
    expect(ordered([ancient, lessTime])).toEqual([lessTime, ancient]);
  });

  it('explains the score part by part with stable factor keys', () => {
    expect(priorityOf(item({ sentimentLabel: 'negative', msLeft: -90 * MIN, ageMs: 2 * HOUR }), weights)).toEqual({
      score: 10_000_000 + 60 + 90 + 0.0002,
      parts: [
        { factor: 'sentiment.negative', points: 10_000_000 },
        { factor: 'sla.overdue', points: 150 },
        { factor: 'age', points: 0.0002 },
      ],
    });
    expect(priorityOf(item({ sentimentLabel: 'positive', msLeft: 4 * MIN, ageMs: 0 }), weights).parts).toEqual([
      { factor: 'sentiment.positive', points: 0 },
      { factor: 'sla.due_soon', points: 30 },
      { factor: 'sla.time_left', points: -4 },
    ]);
    expect(priorityOf(item({ msLeft: 45 * MIN, ageMs: 15 * MIN }), weights).parts.map((part) => part.factor)).toEqual(['sentiment.neutral', 'sla.time_left', 'age']);
  });
});

describe('priority over generated inboxes', () => {
  const labels: SentimentLabel[] = ['negative', 'neutral', 'positive'];

  function inbox(seed: number, size: number): PriorityInput[] {
    const random = seeded(seed);
    const pick = <T,>(values: T[]) => values[Math.floor(random() * values.length)]!;
    return Array.from({ length: size }, () => {
      // A few shared clock values make ties that only age can break.
      const msLeft = random() < 0.3 ? pick([-2 * HOUR, 0, 7 * MIN, 45 * MIN]) : Math.round((random() * 2 - 1.5) * 30 * DAY);
      return item({
        sentimentLabel: pick(labels),
        sentimentScore: random() * 2 - 1,
        msLeft,
        ageMs: random() < 0.2 ? pick([0, 90 * MIN]) : Math.round(random() * 120 * DAY),
      });
    });
  }

  it.each([1, 2, 3, 42])('orders inbox %i exactly as sentiment, then clock, then age (seeded)', (seed) => {
    const items = inbox(seed, 400);
    const scores = new Map(items.map((input) => [input, priorityOf(input, weights).score]));
    const disagreements = [];
    for (const a of items) {
      for (const b of items) {
        if (Math.sign(scores.get(b)! - scores.get(a)!) !== Math.sign(expectedOrder(a, b))) disagreements.push({ a, b });
      }
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  it('adds the parts up to exactly the score, with any valid weights', () => {
    const random = seeded(7);
    for (let round = 0; round < 50; round++) {
      const neutral = random() * 1000;
      const custom = PriorityWeights.parse({
        sentiment: { negative: neutral + random() * 1000, neutral, positive: random() * neutral, perScoreUnit: random() * 50 },
        overdueBonus: 40 + random() * 10,
        overduePerHour: random() * 100,
        dueSoonBonus: random() * 40,
        timeLeftPerHour: random() * 100,
        agePerHour: random(),
      });
      for (const input of inbox(round, 40)) {
        const { score, parts } = priorityOf(input, custom);
        expect(parts.reduce((sum, part) => sum + part.points, 0)).toBe(score);
        expect(parts[0]!.factor).toBe(`sentiment.${input.sentimentLabel}`);
      }
    }
  });
});

describe('priority weights are data', () => {
  it('can let strong negativity count within a class', () => {
    const tuned = PriorityWeights.parse({ sentiment: { perScoreUnit: 100 } });
    const furious = item({ sentimentLabel: 'negative', sentimentScore: -0.9, msLeft: 30 * MIN });
    const cross = item({ sentimentLabel: 'negative', sentimentScore: -0.3, msLeft: 25 * MIN });
    expect(ordered([cross, furious], tuned)).toEqual([furious, cross]);
    expect(priorityOf(furious, tuned).parts).toContainEqual({ factor: 'sentiment.score', points: 90 });
  });

  it('refuses weights that would break the promised order, with a clear message', () => {
    const refusal = (input: unknown) => {
      const result = PriorityWeights.safeParse(input);
      if (result.success) throw new Error('accepted');
      return z.prettifyError(result.error);
    };
    expect(refusal({ sentiment: { neutral: 20_000_000 } })).toContain('Sentiment points must rank negative ≥ neutral ≥ positive');
    expect(refusal({ dueSoonBonus: 100 })).toContain('overdueBonus must be at least dueSoonBonus');
    expect(refusal({ agePerHour: -1 })).toContain('agePerHour');
    expect(refusal({ overduePerHour: Infinity })).toContain('overduePerHour');
  });
});
