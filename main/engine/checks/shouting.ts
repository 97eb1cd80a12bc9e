/**
 * Shouting: a run of words written in capitals (warn). Acronyms and brand
 * names ("DHL", "VAT", "IKEA") are short and stand alone, so it takes at least
 * SHOUT_MIN_WORDS capitalised words in a row with SHOUT_MIN_LETTERS letters
 * between them, or a whole reply in capitals.
 */
import type { Draft, RuleContext } from './types';
import type { Word } from './scan';

const SHOUT_MIN_WORDS = 3;
const SHOUT_MIN_LETTERS = 12;
const RUN_GAP_RE = /^[\s,.!?:;'"«»()—–-]*$/u;

const isCapitals = (word: Word): boolean => word.text !== word.text.toLowerCase() && word.text === word.text.toUpperCase();
const letters = (word: Word): number => word.text.replace(/[^\p{L}]/gu, '').length;

export function shoutingFindings(ctx: RuleContext): Draft[] {
  const found: Draft[] = [];
  const flush = (run: readonly Word[]): void => {
    const wholeReply = run.length === ctx.words.length;
    if (run.reduce((n, w) => n + letters(w), 0) < SHOUT_MIN_LETTERS || (run.length < SHOUT_MIN_WORDS && !wholeReply)) return;
    found.push({ kind: 'shouting', rule: 'shouting', severity: 'warn', start: run[0]!.start, end: run.at(-1)!.end, messageKey: 'check.shouting', params: {}, suggestions: [], fix: null });
  };
  let run: Word[] = [];
  for (const word of ctx.words) {
    const continues = run.length > 0 && RUN_GAP_RE.test(ctx.text.slice(run.at(-1)!.end, word.start));
    if (run.length > 0 && !(continues && isCapitals(word))) {
      flush(run);
      run = [];
    }
    if (isCapitals(word)) run.push(word);
  }
  if (run.length > 0) flush(run);
  return found;
}
