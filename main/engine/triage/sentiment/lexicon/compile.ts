/**
 * Turns a language's LexiconSource into lookup structures once, at first use.
 * Data errors (a stem too short to be safe, an empty pattern) throw here, at
 * module initialisation, where the unit tests see them — never while scoring.
 */
import { normalizeWord } from '../tokenize';
import { Trie } from './trie';
import type { LexiconSource, Weight } from './types';

/** Everything a single word can be; one word may be several (Polish "super" is praise and an intensifier). */
export interface WordEntry {
  weight?: number;
  /** Weight when negated, if the lexicon says more than the default flip. */
  negated?: number;
  care?: boolean;
  negator?: boolean;
  postNegator?: boolean;
  intensifier?: number;
  contrast?: boolean;
}

export interface Pattern {
  text: string;
  stem: boolean;
}

export interface Phrase {
  /** The words after the first, which the trie already matched. */
  rest: readonly Pattern[];
  weight: number;
  care: boolean;
}

export interface CompiledLexicon {
  /** Lexicon form of a normalized message word (Polish folds diacritics). */
  key(norm: string): string;
  word(key: string): WordEntry | undefined;
  /** Phrases whose first word matches `key`, appended to `out`. */
  phrasesStartingWith(key: string, out: Phrase[]): void;
}

/** Shorter stems ("зл*", "no*") match far too many unrelated words. */
const MIN_STEM_LENGTH = 3;

/** "sooo", "dziękiii", "спасибооо": elongated words are looked up again with the runs collapsed. */
function isElongated(key: string): boolean {
  for (let i = 2; i < key.length; i++) {
    if (key.charCodeAt(i) === key.charCodeAt(i - 1) && key.charCodeAt(i) === key.charCodeAt(i - 2)) return true;
  }
  return false;
}

function parsePattern(raw: string, fold: (s: string) => string): Pattern {
  const stem = raw.endsWith('*');
  const text = fold(normalizeWord(stem ? raw.slice(0, -1) : raw));
  if (text.length === 0 || (stem && text.length < MIN_STEM_LENGTH)) throw new Error(`sentiment lexicon: bad pattern "${raw}"`);
  return { text, stem };
}

export function patternMatches(pattern: Pattern, key: string): boolean {
  return pattern.stem ? key.startsWith(pattern.text) : key === pattern.text;
}

export function compileLexicon(source: LexiconSource, fold: (s: string) => string = (s) => s): CompiledLexicon {
  const words = new Trie<WordEntry>();
  const phrases = new Trie<Phrase[]>();
  const lists: Phrase[][] = [];
  const mergeEntry = (stored: WordEntry, added: WordEntry): WordEntry => ({ ...stored, ...added });

  const addWord = (raw: string, entry: WordEntry): void => {
    const pattern = parsePattern(raw, fold);
    words.add(pattern.text, pattern.stem, entry, mergeEntry);
  };
  const addPhrase = (raw: string, weight: number, care: boolean): void => {
    const [first, ...rest] = raw.trim().split(/\s+/).map((part) => parsePattern(part, fold));
    phrases.add(first!.text, first!.stem, [{ rest, weight, care }], (stored, added) => [...stored, ...added]);
  };
  const isPhrase = (raw: string): boolean => raw.trim().includes(' ');

  for (const [raw, weight] of Object.entries<Weight>(source.words)) {
    addWord(raw, typeof weight === 'number' ? { weight } : { weight: weight[0], negated: weight[1] });
  }
  for (const [raw, weight] of Object.entries(source.phrases)) addPhrase(raw, weight, false);
  for (const [raw, weight] of Object.entries(source.care)) {
    if (isPhrase(raw)) addPhrase(raw, weight, true);
    else addWord(raw, { weight, care: true });
  }
  for (const raw of source.negators) addWord(raw, { negator: true });
  for (const raw of source.postNegators) addWord(raw, { postNegator: true });
  for (const [raw, boost] of Object.entries(source.intensifiers)) addWord(raw, { intensifier: boost });
  for (const raw of source.contrast) addWord(raw, { contrast: true });

  return {
    key: fold,
    word(key) {
      const entry = words.match(key);
      if (entry !== undefined || !isElongated(key)) return entry;
      return words.match(key.replace(/(\p{L})\1{2,}/gu, '$1$1')) ?? words.match(key.replace(/(\p{L})\1+/gu, '$1'));
    },
    phrasesStartingWith(key, out) {
      // One list per matched trie node; reused, since scoring is synchronous.
      lists.length = 0;
      phrases.matchAll(key, lists);
      for (const list of lists) out.push(...list);
    },
  };
}
