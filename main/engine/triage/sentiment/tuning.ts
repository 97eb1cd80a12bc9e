/**
 * Every number that shapes a score, in one place. Lexicon weights live in
 * lexicon/*.ts on a −3…+3 scale; everything here acts on top of them.
 */
import type { SentimentLabel } from './types';

/** Label thresholds on the final score. Negative is deliberately the easier call: a missed angry customer costs more than a needlessly early calm one. */
export const NEGATIVE_AT_OR_BELOW = -0.2;
export const POSITIVE_AT_OR_ABOVE = 0.3;

export function labelFor(score: number): SentimentLabel {
  if (score <= NEGATIVE_AT_OR_BELOW) return 'negative';
  if (score >= POSITIVE_AT_OR_ABOVE) return 'positive';
  return 'neutral';
}

/** score = raw / sqrt(raw² + ALPHA): smooth, never reaches ±1, and one strong word (±2.5) already lands near ±0.8. */
export const SQUASH_ALPHA = 4;

/** How many tokens back a negator ("not", "не", "nie") or intensifier still reaches, within one clause. */
export const MODIFIER_WINDOW = 3;
/** How many tokens forward a postposed negator ("проблем нет", "odpowiedzi brak") reaches. */
export const POST_NEGATOR_WINDOW = 3;
/** Default negation when the lexicon gives no explicit negated weight: "not good" is clearly bad, "not bad" only mildly good. */
export const NEGATE_POSITIVE = -0.8;
export const NEGATE_NEGATIVE = -0.4;

/** "X, but Y": Y is what the customer means. */
export const CONTRAST_BEFORE = 0.5;
export const CONTRAST_AFTER = 1.5;
/** Praise words inside a question ("is it good?", "what's the best way…?") are mostly about the product, not praise. Complaints phrased as questions keep their weight. */
export const QUESTION_POSITIVE_SCALE = 0.3;

/** Phrase elements may be this many tokens apart ("want a full refund", "верните мне деньги"). */
export const MAX_PHRASE_GAP = 2;

/**
 * Care phrases dominate polite wording: once their weights add up to
 * −CARE_DOMINANCE ("scam", "chargeback", or "want a refund" plus another
 * signal) the score is capped at CARE_SCORE_CEILING whatever the thanks around them.
 */
export const CARE_DOMINANCE = 3;
export const CARE_SCORE_CEILING = -0.5;

/** Shouting amplifies whichever way the message already leans; with no sentiment at all it reads as frustration ("WHERE IS MY ORDER???"). */
export const CAPS_MIN_LETTERS = 4;
export const SHOUT_CAPS_WEIGHT = 0.6;
export const SHOUT_BURST_WEIGHT = 0.5;
export const SHOUT_BURST_EXTRA_PER_CHAR = 0.15;
export const SHOUT_BURST_MAX_EXTRA_CHARS = 4;
export const SHOUT_MAX = 1.5;

/** Only the head of a huge message is read: sentiment is evident long before 20 000 characters, and it bounds the time one hostile message can take. */
export const MAX_SCANNED_CHARS = 20_000;

/** Conversation: the newest inbound message counts 1, the one before RECENCY_DECAY, then RECENCY_DECAY², … */
export const RECENCY_DECAY = 0.6;
