/**
 * Offline sentiment for en/ru/pl, for "negative first" triage.
 *
 *   scoreMessage('Thank you, but I want a refund, this is a scam')
 *     → { score: -0.9…, label: 'negative', lang: 'en', reasons: [{ kind: 'care_phrase', text: 'want a refund', … }, …] }
 */
export { recencyWeightedScore, scoreConversation } from './conversation';
export { detectLanguage } from './detect-language';
export { scoreMessage } from './score';
export { labelFor, NEGATIVE_AT_OR_BELOW, POSITIVE_AT_OR_ABOVE } from './tuning';
export type { ConversationMessage, SentimentLabel, SentimentLang, SentimentReason, SentimentReasonKind, SentimentResult } from './types';
