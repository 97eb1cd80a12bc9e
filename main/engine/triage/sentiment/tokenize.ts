/**
 * Splits a message into what the scorer looks at — words, emoji and
 * emoticons, "!!!"/"???" bursts — with UTF-16 spans into the original text,
 * and clause/sentence numbers so negation and phrases do not reach across
 * punctuation.
 */
import { CAPS_MIN_LETTERS, MAX_SCANNED_CHARS } from './tuning';

export interface WordToken {
  /** Lower-cased, ё→е, typographic apostrophe → "'": the form lexicon keys are written in. */
  norm: string;
  start: number;
  end: number;
  clause: number;
  sentence: number;
  /** Written in capitals and long enough not to be an acronym like "VAT". */
  caps: boolean;
}

export interface SymbolToken {
  /** Emoji: the base code point (no variation selector, skin tone or ZWJ tail). Emoticon: as written. */
  key: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Tokens {
  words: WordToken[];
  symbols: SymbolToken[];
  /** Runs of two or more "!"/"?". */
  bursts: SymbolToken[];
  /** Indexed by sentence number: did the sentence end with "?". */
  questions: boolean[];
  /** False when every cased letter is upper case: the whole message is shouted. */
  hasLowercase: boolean;
}

// Alternatives, in priority order: 1 word (letters, marks, digits, joined by
// apostrophes and hyphens: "don't", "трек-номер", "hassle-free"), 2 emoji
// (with variation selectors, skin tones and ZWJ sequences), 3 emoticon
// (":)", ":-(", and the Russian ")))"/"((("), 4 a run of "!"/"?" (the "1"
// is the common "!!!1" slip), 5 a clause or sentence break.
const TOKEN_RE =
  /([\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*)|(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*)|([:;=]-?[()DPp/\\](?![\p{L}\p{N}/])|\){2,}|\({2,})|([!?][!?1]*)|([.,;:…()\n\u2013\u2014])/gu;

// Invisible format characters (zero-width spaces and joiners, bidi overrides,
// soft hyphens, tag characters) can be planted inside words to dodge filters;
// they are dropped before tokenizing and spans are mapped back.
const FORMAT_CHAR_RE = /\p{Cf}/u;
const NEEDS_FOLDING_RE = /[ё’‐]/;
const DIGIT_RE = /\p{N}/u;
const LOWERCASE_RE = /\p{Ll}/u;

function foldLowercase(lower: string): string {
  return NEEDS_FOLDING_RE.test(lower) ? lower.replace(/ё/g, 'е').replace(/[’‐]/g, (c) => (c === '’' ? "'" : '-')) : lower;
}

/** The form both lexicon keys and message words are compared in. */
export function normalizeWord(word: string): string {
  return foldLowercase(word.toLowerCase());
}

/** Removes format characters; `origin[i]` is the original offset of clean[i]. */
function stripFormatChars(text: string): { clean: string; origin: number[] | null } {
  if (!FORMAT_CHAR_RE.test(text)) return { clean: text, origin: null };
  let clean = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of text) {
    if (!FORMAT_CHAR_RE.test(ch)) {
      clean += ch;
      for (let k = 0; k < ch.length; k++) origin.push(offset + k);
    }
    offset += ch.length;
  }
  return { clean, origin };
}

function baseEmoji(emoji: string): string {
  return String.fromCodePoint(emoji.codePointAt(0)!);
}

// No closures in here: this runs once per message on the hot path.
export function tokenize(input: string): Tokens {
  const { clean, origin } = stripFormatChars(input.length > MAX_SCANNED_CHARS ? input.slice(0, MAX_SCANNED_CHARS) : input);
  const tokens: Tokens = { words: [], symbols: [], bursts: [], questions: [false], hasLowercase: LOWERCASE_RE.test(clean) };
  let clause = 0;
  let sentence = 0;

  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(clean); m !== null; m = TOKEN_RE.exec(clean)) {
    const text = m[0];
    const start = origin ? origin[m.index]! : m.index;
    const end = origin ? origin[m.index + text.length - 1]! + 1 : m.index + text.length;
    if (m[1] !== undefined) {
      const lower = text.toLowerCase();
      tokens.words.push({
        norm: foldLowercase(lower),
        start,
        end,
        clause,
        sentence,
        caps: text !== lower && text.length >= CAPS_MIN_LETTERS && text === text.toUpperCase() && !DIGIT_RE.test(text),
      });
      continue;
    }
    if (m[2] !== undefined || m[3] !== undefined) {
      tokens.symbols.push({ key: m[2] !== undefined ? baseEmoji(text) : text, start, end, sentence });
      continue;
    }
    let question = false;
    if (m[4] !== undefined) {
      if (text.length >= 2) tokens.bursts.push({ key: text, start, end, sentence });
      question = text.includes('?');
    } else if (text !== '.' && text !== '…' && text !== '\n') {
      clause++;
      continue;
    }
    // A run of "!"/"?", a full stop, an ellipsis or a line break ends the sentence.
    tokens.questions[sentence] = question;
    tokens.questions[++sentence] = false;
    clause++;
  }
  return tokens;
}
