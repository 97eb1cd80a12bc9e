import { describe, expect, it } from 'vitest';
import { accuracyOf, readSentimentFixture } from '../../../bench/sentiment';

// A regression floor, not the target: the real figures are reported by the
// benchmark (bench/sentiment.ts). The fixtures are a fixed evaluation set —
// improve the scorer, never the items.
const ACCURACY_FLOOR = 0.75;

describe.each(['en', 'ru', 'pl'] as const)('sentiment fixtures (%s)', (lang) => {
  it('are a balanced set of at least 220 labelled messages', () => {
    const messages = readSentimentFixture(lang);
    expect(messages.length).toBeGreaterThanOrEqual(220);
    expect(new Set(messages.map((m) => m.text)).size).toBe(messages.length);
    const share = (label: string) => messages.filter((m) => m.label === label).length / messages.length;
    expect(share('negative')).toBeCloseTo(0.4, 1);
    expect(share('neutral')).toBeCloseTo(0.35, 1);
    expect(share('positive')).toBeCloseTo(0.25, 1);
  });

  it(`are labelled right at least ${ACCURACY_FLOOR * 100}% of the time`, () => {
    expect(accuracyOf(lang)).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
  });
});
