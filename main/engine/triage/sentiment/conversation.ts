/**
 * A conversation's sentiment from its inbound messages: a recency-weighted
 * mean of message scores, so a customer who was furious yesterday but writes
 * "all sorted, thanks" now is no longer first in the queue — and one who was
 * polite at first but is now angry is.
 */
import { scoreMessage } from './score';
import { labelFor, RECENCY_DECAY } from './tuning';
import type { ConversationMessage, SentimentLang, SentimentReason, SentimentResult } from './types';

function timeOf(message: ConversationMessage): number {
  return Number.isFinite(message.createdAt) ? message.createdAt : 0;
}

/**
 * A conversation's score from its messages' scores, newest first. Ingest
 * calls this with the scores stored per message, so a conversation is
 * rescored without scoring its text again.
 */
export function recencyWeightedScore(newestFirst: readonly number[]): number {
  let weighted = 0;
  let totalWeight = 0;
  newestFirst.forEach((score, rank) => {
    const weight = RECENCY_DECAY ** rank;
    weighted += weight * score;
    totalWeight += weight;
  });
  return totalWeight > 0 ? weighted / totalWeight : 0;
}

/**
 * Reasons keep their spans in their own message (`message` is the index in
 * `messages`), and their weight is scaled by that message's recency weight.
 */
export function scoreConversation(messages: readonly ConversationMessage[]): SentimentResult {
  const newestFirst = messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => timeOf(b.message) - timeOf(a.message) || b.index - a.index);

  const langWeight: Record<SentimentLang, number> = { en: 0, ru: 0, pl: 0 };
  const reasons: SentimentReason[] = [];
  const scores = newestFirst.map(({ message, index }, rank) => {
    const weight = RECENCY_DECAY ** rank;
    const result = scoreMessage(message.body, message.lang);
    langWeight[result.lang] += weight;
    for (const reason of result.reasons) reasons.push({ ...reason, weight: reason.weight * weight, message: index });
    return result.score;
  });

  const score = recencyWeightedScore(scores);
  const lang = (Object.keys(langWeight) as SentimentLang[]).reduce((best, l) => (langWeight[l] > langWeight[best] ? l : best), 'en');
  reasons.sort((a, b) => a.message! - b.message! || a.start - b.start);
  return { score, label: labelFor(score), lang, reasons };
}
