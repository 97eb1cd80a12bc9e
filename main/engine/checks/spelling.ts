/**
 * Spelling, through a SpellChecker the spell engine provides (Hunspell in a
 * worker, main/engine/spell/). The pipeline decides what is a word to check:
 * only prose words — never links, emails, @mentions, #hashtags, numbers, words
 * with digits, acronyms, names (a capitalised word inside a sentence: the
 * customer's surname is in no dictionary) or the workspace's own words (brand
 * and product names). Each distinct word goes to the checker once, on a line of its own,
 * so a checker that splits on whitespace sees "из-за" and "e-mail" whole.
 */
import type { Word } from './scan';
import type { CheckLang, Draft, RuleContext } from './types';

export interface Misspelling {
  /** UTF-16 offsets into the text given to `misspellings`. */
  start: number;
  end: number;
  word: string;
  suggestions: string[];
}

export interface SpellChecker {
  misspellings(text: string, lang: CheckLang): Promise<Misspelling[]>;
}

// "DHL", "FAQ", "ООО": short words in capitals are names a dictionary does not know.
const ACRONYM_MAX_LETTERS = 5;
// Longer runs of letters are pasted codes or keyboard mashing, not words a dictionary could correct.
const MAX_WORD_LENGTH = 64;

function isCustom(word: string, customWords: ReadonlySet<string> | undefined): boolean {
  return customWords !== undefined && (customWords.has(word) || customWords.has(word.toLowerCase()));
}

// What may stand between a sentence's end and its first word: spaces, opening quotes and brackets, a dash.
const SENTENCE_START_RE = /(?:^|[.!?…\n])[\s"'«„“([—–-]*$/u;
const CAPITALISED_RE = /^\p{Lu}\p{Ll}/u;

function isName(word: Word, text: string): boolean {
  return CAPITALISED_RE.test(word.text) && !SENTENCE_START_RE.test(text.slice(Math.max(0, word.start - 16), word.start));
}

function worthChecking(word: Word, text: string, customWords: ReadonlySet<string> | undefined): boolean {
  if (/\p{N}/u.test(word.text) || word.text.length < 2 || word.text.length > MAX_WORD_LENGTH) return false;
  if (word.text.length <= ACRONYM_MAX_LETTERS && word.text === word.text.toUpperCase() && word.text !== word.text.toLowerCase()) return false;
  return !isName(word, text) && !isCustom(word.text, customWords);
}

export async function spellingFindings(ctx: RuleContext, checker: SpellChecker, customWords?: ReadonlySet<string>): Promise<Draft[]> {
  const occurrences = new Map<string, Word[]>();
  for (const word of ctx.words) {
    if (!worthChecking(word, ctx.text, customWords)) continue;
    const seen = occurrences.get(word.text);
    if (seen) seen.push(word);
    else occurrences.set(word.text, [word]);
  }
  if (occurrences.size === 0) return [];
  const distinct = [...occurrences.keys()];
  const lineStarts: number[] = [];
  let offset = 0;
  for (const word of distinct) {
    lineStarts.push(offset);
    offset += word.length + 1;
  }

  const found: Draft[] = [];
  for (const miss of await checker.misspellings(distinct.join('\n'), ctx.lang)) {
    const line = lineIndex(lineStarts, miss.start);
    const word = distinct[line]!;
    const from = miss.start - lineStarts[line]!;
    const to = Math.min(miss.end - lineStarts[line]!, word.length);
    if (to <= from || isCustom(word.slice(from, to), customWords)) continue;
    for (const occurrence of occurrences.get(word)!) {
      found.push({
        kind: 'spelling',
        rule: 'spelling',
        severity: 'warn',
        start: occurrence.start + from,
        end: occurrence.start + to,
        messageKey: 'check.spelling',
        params: { word: word.slice(from, to) },
        suggestions: miss.suggestions,
        fix: miss.suggestions.length > 0 ? 'replace' : null,
      });
    }
  }
  return found;
}

/** The line a batch offset falls on: the last line starting at or before it. */
function lineIndex(lineStarts: readonly number[], at: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
