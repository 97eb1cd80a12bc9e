/** The public shapes of sentiment scoring (see index.ts for the functions). */
import type { Language } from '../../../../shared/domain';
import type { SentimentLabel } from '../../../../shared/triage';

export type { SentimentLabel };
/** The languages with a lexicon: the product's languages. */
export type SentimentLang = Language;

export type SentimentReasonKind = 'word' | 'phrase' | 'negation' | 'intensifier' | 'emoji' | 'shouting' | 'care_phrase';

/**
 * One piece of evidence, so the UI can answer "why is this first?".
 * `start`/`end` are UTF-16 offsets into the scored text (`text.slice(start, end)`).
 * `weight` is the signed amount this piece added to the raw score: the weights
 * of a message's reasons sum to its raw score (a negation or intensifier
 * carries the change it made to the word it modified).
 */
export interface SentimentReason {
  kind: SentimentReasonKind;
  text: string;
  start: number;
  end: number;
  weight: number;
  /** Conversation results only: index of the message (in the array passed in) the span belongs to. */
  message?: number;
}

export interface SentimentResult {
  /** −1 (angry) … 1 (delighted). */
  score: number;
  label: SentimentLabel;
  lang: SentimentLang;
  reasons: SentimentReason[];
}

export interface ConversationMessage {
  body: string;
  lang?: SentimentLang | null;
  /** Epoch milliseconds; only the order matters. */
  createdAt: number;
}
