/**
 * How a language's lexicon is written. Keys are lower-case; a key ending in
 * "*" is a stem that matches any word it begins ("ужасн*" → ужасный, ужасно,
 * ужасная), which is how Russian and Polish endings are handled without a
 * morphological analyser. Multi-word keys are space-separated patterns whose
 * words may stand up to MAX_PHRASE_GAP words apart ("want* refund" also
 * matches "want a full refund").
 */

/** −3 (furious) … +3 (delighted), or [weight, weight when negated] for words whose negation means more than their plain use ("работает" 0.3, "не работает" −2). */
export type Weight = number | readonly [plain: number, negated: number];

export interface LexiconSource {
  /** Single words that carry sentiment. */
  words: Readonly<Record<string, Weight>>;
  /** Idioms whose meaning is not the sum of their words ("thanks for nothing"); weight 0 neutralizes a set phrase ("dzień dobry"). */
  phrases: Readonly<Record<string, number>>;
  /** Customer-care trouble signals, one word or several (refund, scam, chargeback, lawyer). Never negated or softened; see CARE_DOMINANCE. */
  care: Readonly<Record<string, number>>;
  /** Words that negate a sentiment word shortly after them ("not", "не", "nie", "without"). */
  negators: readonly string[];
  /** Words that negate the sentiment word shortly before them ("проблем нет", "odpowiedzi brak"). */
  postNegators: readonly string[];
  /** Multiply the next sentiment word by (1 + value): 0.5 for "very", −0.4 for "slightly". */
  intensifiers: Readonly<Record<string, number>>;
  /** "but": what follows outweighs what precedes. */
  contrast: readonly string[];
}
