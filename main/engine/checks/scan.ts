/**
 * Text preparation shared by every rule: invisible characters are taken out
 * (with a map back to the original offsets), the parts of a reply that are
 * not prose — links, email addresses, @mentions, #hashtags — are located, and
 * the prose is split into words.
 */
import { foldPolish } from '../triage/sentiment/polish';

export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** As written. */
  text: string;
  /** Lower case, ё→е, Polish letters folded, typographic apostrophes and hyphens plain: the form word lists are written in. */
  norm: string;
}

// Zero-width spaces and joiners, bidi overrides, soft hyphens: planted inside a
// phone number or a swear word they would hide it from every pattern below.
const INVISIBLE_RE = /\p{Cf}/gu;

export interface CleanText {
  clean: string;
  /** Maps a span of `clean` to the span of the original text it came from. */
  toOriginal(span: Span): Span;
}

export function stripInvisible(text: string): CleanText {
  if (!/\p{Cf}/u.test(text)) return { clean: text, toOriginal: (span) => span };
  const origin: number[] = [];
  let clean = '';
  let last = 0;
  for (const m of text.matchAll(INVISIBLE_RE)) {
    for (let i = last; i < m.index; i++) origin.push(i);
    clean += text.slice(last, m.index);
    last = m.index + m[0].length;
  }
  for (let i = last; i < text.length; i++) origin.push(i);
  clean += text.slice(last);
  origin.push(text.length);
  return {
    clean,
    toOriginal: ({ start, end }) => ({ start: origin[start]!, end: end > start ? origin[end - 1]! + 1 : origin[start]! }),
  };
}

// Every pattern starts only where its run of characters starts: started inside
// a long run of letters, digits and dots it would rescan the run from every
// position, and a 100 KB paste would take quadratic time.
const URL_RE = /(?<![\p{L}\p{N}.-])(?:(?:https?:\/\/|www\.)[^\s<>"«»]+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|io|shop|store|eu|info|me|co|uk|de|ru|su|рф|pl|by|ua|kz)(?![\p{L}\p{N}])(?:\/[^\s<>"«»]*)?)/giu;
const EMAIL_RE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const MENTION_RE = /(?<![\p{L}\p{N}_@.])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?/gu;
// A hashtag begins with a letter and has no hyphen: "#12345" and "#A-20931"
// after "order" are order numbers, not tags.
const HASHTAG_RE = /(?<![\p{L}\p{N}_&])#[\p{L}_][\p{L}\p{N}_]*(?![-\p{L}\p{N}_])/gu;
const TRAILING_PUNCTUATION_RE = /[.,;:!?)\]}'"’”»]+$/u;

export type ProtectedKind = 'url' | 'email' | 'mention' | 'hashtag';

export interface ProtectedSpan extends Span {
  kind: ProtectedKind;
}

/** Links, email addresses, @mentions and #hashtags, in text order, not overlapping. */
export function findProtected(text: string): ProtectedSpan[] {
  const found: ProtectedSpan[] = [];
  // Emails first: "support@shop.com" must not be read as a link to "shop.com".
  const patterns: [ProtectedKind, RegExp][] = [
    ['email', EMAIL_RE],
    ['url', URL_RE],
    ['mention', MENTION_RE],
    ['hashtag', HASHTAG_RE],
  ];
  for (const [kind, re] of patterns) {
    for (const m of text.matchAll(re)) {
      const value = kind === 'url' ? m[0].replace(TRAILING_PUNCTUATION_RE, '') : m[0];
      const span = { kind, start: m.index, end: m.index + value.length };
      if (!found.some((f) => overlaps(f, span))) found.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Blanks the spans with a character no pattern matches, keeping every offset where it was. */
export function mask(text: string, spans: readonly Span[], filler = '\uFFFC'): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { start, end } of spans) {
    out += text.slice(last, start) + filler.repeat(end - start);
    last = end;
  }
  return out + text.slice(last);
}

// Letters, marks and digits, joined by apostrophes and hyphens so that "из-за",
// "e-mail" and "don't" are one word each.
const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

export function normalizeWord(word: string): string {
  return foldPolish(word.toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'").replace(/‐/g, '-'));
}

/** Words of `text`, those inside a protected span left out. */
export function splitWords(text: string, protectedSpans: readonly Span[]): Word[] {
  const words: Word[] = [];
  for (const m of mask(text, protectedSpans).matchAll(WORD_RE)) {
    words.push({ text: m[0], norm: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return words;
}
