import type { CannedReply, Language } from '../../../shared/domain';
import type { CannedReplyWithUse } from './repo';

export interface RankQuery {
  /** What the agent typed; empty lists the whole library. */
  query: string;
  /** The conversation's language, if known. */
  lang: Language | undefined;
  now: number;
}

/**
 * How much each signal counts. A query word matched in the shortcut or title
 * beats one matched in the body; a reply in the conversation's language beats
 * an equally good one in another, and a reply for any language sits between.
 * Recency only breaks near-ties: it fades over about a week.
 */
const WEIGHT = { shortcut: 3, title: 2, body: 1 } as const;
const LANGUAGE_BONUS = { same: 6, any: 3, other: 0 } as const;
const RECENCY_BONUS = 3;
const RECENCY_DAYS = 7;
const DAY_MS = 86_400_000;
const WORD_LETTER = /[\p{L}\p{N}]/u;

/**
 * The library ordered for the picker. With a query, only replies that match
 * every word of it, best first; fuzzy on title and shortcut (the letters in
 * order, "dely" finds "Delivery delay"), by substring in the body (where
 * letters in order would match almost anything).
 */
export function rankCanned(replies: readonly CannedReplyWithUse[], { query, lang, now }: RankQuery): CannedReply[] {
  const words = normalize(query).split(/\s+/u).filter((w) => w.length > 0);
  const scored: { reply: CannedReplyWithUse; score: number }[] = [];
  for (const reply of replies) {
    const match = matchScore(reply, words);
    if (match === 0 && words.length > 0) continue;
    scored.push({ reply, score: match + languageBonus(reply.lang, lang) + recencyBonus(reply.lastUsedAt, now) });
  }
  scored.sort((a, b) => b.score - a.score || a.reply.title.localeCompare(b.reply.title) || (a.reply.id < b.reply.id ? -1 : 1));
  return scored.map(({ reply: { lastUsedAt: _, ...reply } }) => reply);
}

/** The sum over the query's words of each word's best match; 0 if any word matches nowhere. */
function matchScore(reply: CannedReply, words: readonly string[]): number {
  const title = normalize(reply.title);
  const shortcut = normalize(reply.shortcut ?? '');
  const body = normalize(reply.body);
  let total = 0;
  for (const word of words) {
    const best = Math.max(
      WEIGHT.shortcut * (shortcut ? fuzzyScore(word, shortcut) : 0),
      WEIGHT.title * fuzzyScore(word, title),
      WEIGHT.body * substringScore(word, body),
    );
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** A whole word 10, a word's start 8, inside a word 5, the letters in order 1–4 (more for runs of adjacent letters). */
function fuzzyScore(word: string, text: string): number {
  return substringScore(word, text) || subsequenceScore(word, text);
}

function substringScore(word: string, text: string): number {
  let best = 0;
  for (let at = text.indexOf(word); at !== -1 && best < 10; at = text.indexOf(word, at + 1)) {
    const starts = !WORD_LETTER.test(text.charAt(at - 1));
    const ends = !WORD_LETTER.test(text.charAt(at + word.length));
    best = Math.max(best, starts ? (ends ? 10 : 8) : 5);
  }
  return best;
}

function subsequenceScore(word: string, text: string): number {
  let at = -1;
  let adjacent = 0;
  for (const letter of word) {
    const next = text.indexOf(letter, at + 1);
    if (next === -1) return 0;
    if (next === at + 1) adjacent++;
    at = next;
  }
  return 1 + (3 * adjacent) / word.length;
}

function languageBonus(replyLang: Language | null, wanted: Language | undefined): number {
  if (wanted === undefined) return 0;
  if (replyLang === null) return LANGUAGE_BONUS.any;
  return replyLang === wanted ? LANGUAGE_BONUS.same : LANGUAGE_BONUS.other;
}

function recencyBonus(lastUsedAt: number | null, now: number): number {
  if (lastUsedAt === null) return 0;
  return RECENCY_BONUS * Math.exp(-Math.max(0, now - lastUsedAt) / (RECENCY_DAYS * DAY_MS));
}

/** Lower case without diacritics, so "opoznienie" finds "Opóźnienie" and "ещё" finds "еще". */
function normalize(text: string): string {
  return text.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/gu, 'l');
}
