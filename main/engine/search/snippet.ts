import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';
import type { SearchTerm } from './search-query';

/** Tokens of context a snippet shows: about one line of the result list. */
export const SNIPPET_TOKENS = 16;
/** Tokens kept before the first match, so it is read in its sentence. */
const LEAD = 3;

const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKERS = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'gu');
/** Latin letters beyond ASCII, and combining marks: the only words folding can change. */
const MAY_CARRY_ACCENT = /[\u00C0-\u02AF\u1E00-\u1EFF\p{M}]/u;

/**
 * Folds a word the way the index tokenizer (`unicode61 remove_diacritics 2`)
 * does: lower case, and accents dropped from Latin letters only ("ё", "й"
 * stay; "ł", "ø" have no accent to drop). Most words need no normalizing,
 * which is the slow part of a snippet.
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return MAY_CARRY_ACCENT.test(lower) ? lower.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC') : lower;
}

/**
 * The snippet of a hit, made here rather than with FTS5's snippet(): that
 * needs the MATCH evaluated again for the page, and for a prefix such as
 * "zwr*" FTS5 merges every matching term's doclist each time it is evaluated
 * (tens of ms at a million messages). Words of the query are marked with
 * HIGHLIGHT_START … HIGHLIGHT_END, compared folded as the index compares them
 * (the last word of a prefix term as a prefix); the window starts shortly
 * before the first match. Markers a customer typed into a body are dropped,
 * so nobody can fake a highlight. Whitespace collapses to single spaces.
 */
export function makeSnippet(body: string, terms: readonly SearchTerm[]): string {
  const text = body.replace(MARKERS, '');
  const matches = wordMatcher(terms);
  // Words are read up to one past the window, which tells whether the body goes on.
  const tokens: { at: number; word: string; marked: boolean }[] = [];
  let first = -1;
  for (const token of text.matchAll(TOKEN)) {
    const marked = matches(foldWord(token[0]));
    if (marked && first === -1) first = tokens.length;
    tokens.push({ at: token.index, word: token[0], marked });
    if (first !== -1 && tokens.length > Math.max(0, first - LEAD) + SNIPPET_TOKENS) break;
  }
  if (tokens.length === 0) return oneLine(text);
  const from = Math.max(0, first - LEAD);
  const to = Math.min(tokens.length, from + SNIPPET_TOKENS);

  let out = from > 0 ? '…' : '';
  let at = from > 0 ? tokens[from]!.at : 0;
  for (const { at: start, word, marked } of tokens.slice(from, to)) {
    out += text.slice(at, start) + (marked ? `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}` : word);
    at = start + word.length;
  }
  out += to < tokens.length ? '…' : text.slice(at);
  return oneLine(out);
}

function wordMatcher(terms: readonly SearchTerm[]): (folded: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const { words, prefix } of terms) {
    words.forEach((word, i) => (prefix && i === words.length - 1 ? prefixes.push(foldWord(word)) : exact.add(foldWord(word))));
  }
  return (folded) => exact.has(folded) || prefixes.some((prefix) => folded.startsWith(prefix));
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
