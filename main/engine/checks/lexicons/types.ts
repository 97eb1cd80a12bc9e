/**
 * One language's word lists for the checks. Entries use the patterns of
 * word-list.ts: "word", "stem*", "*root*", several space-separated for a phrase.
 */
export interface CheckLexicon {
  /** Words that make the customer's problem sound trivial (warn). */
  minimizing: readonly string[];
  /** Phrases that put the blame on the customer (warn). */
  blaming: readonly string[];
  /** Sensitive topics a brand stays out of (warn). */
  politics: readonly string[];
  religion: readonly string[];
  /** Swearing (block). Moderate: slurs and obscenities, not "damn" or "crap". */
  profanity: readonly string[];
}
