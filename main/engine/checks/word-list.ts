/**
 * The one matcher behind every word-list rule (tone, sensitive topics,
 * profanity). A list entry is one or more space-separated patterns matched on
 * consecutive words of one sentence:
 *   "easy"      the whole word
 *   "ужасн*"    a stem: any word beginning with it — how Russian and Polish
 *               endings are covered without a morphological analyser
 *   "*пизд*"    a root anywhere in the word — only for roots that no innocent
 *               word contains, to catch prefixed forms ("распиздяй")
 * Patterns are compared in the normalized form (see normalizeWord), so "ё"/"е"
 * and Polish letters with or without diacritics are the same.
 */
import { normalizeWord, type Word } from './scan';

interface Pattern {
  text: string;
  match: 'word' | 'stem' | 'root';
}

interface Entry {
  source: string;
  patterns: readonly Pattern[];
}

export interface WordListMatch {
  /** The list entry as written in the lexicon. */
  entry: string;
  start: number;
  end: number;
  /** Index of the first matched word in the words given. */
  firstWord: number;
  lastWord: number;
}

export interface WordList {
  /** Non-overlapping matches, the longest entry winning where several start at one word. */
  find(words: readonly Word[], text: string): WordListMatch[];
}

/** A stem this short would match far too many unrelated words. */
const MIN_STEM_LENGTH = 3;
// A phrase does not reach across a sentence: "…is easy. Just call us" is not one phrase.
const SENTENCE_BREAK_RE = /[.!?;…\n]/;

function parsePattern(raw: string): Pattern {
  const root = raw.length > 2 && raw.startsWith('*') && raw.endsWith('*');
  const stem = !root && raw.endsWith('*');
  const text = normalizeWord(root ? raw.slice(1, -1) : stem ? raw.slice(0, -1) : raw);
  if (text.length === 0 || text.includes('*') || ((stem || root) && text.length < MIN_STEM_LENGTH)) {
    throw new Error(`word list: bad pattern "${raw}"`);
  }
  return { text, match: root ? 'root' : stem ? 'stem' : 'word' };
}

function matches(pattern: Pattern, norm: string): boolean {
  if (pattern.match === 'word') return norm === pattern.text;
  if (pattern.match === 'stem') return norm.startsWith(pattern.text);
  return norm.includes(pattern.text);
}

export function compileWordList(entries: readonly string[]): WordList {
  // Entries whose first pattern is a whole word are found by lookup; the few
  // stems and roots are tried on every word.
  const byFirstWord = new Map<string, Entry[]>();
  const scanned: Entry[] = [];
  for (const source of entries) {
    const patterns = source.trim().split(/\s+/).map(parsePattern);
    const entry = { source, patterns };
    const first = patterns[0]!;
    if (first.match === 'word') byFirstWord.set(first.text, [...(byFirstWord.get(first.text) ?? []), entry]);
    else scanned.push(entry);
  }

  const matchAt = (entry: Entry, words: readonly Word[], text: string, i: number): number => {
    for (let k = 0; k < entry.patterns.length; k++) {
      const word = words[i + k];
      if (!word || !matches(entry.patterns[k]!, word.norm)) return -1;
      if (k > 0 && SENTENCE_BREAK_RE.test(text.slice(words[i + k - 1]!.end, word.start))) return -1;
    }
    return i + entry.patterns.length - 1;
  };

  return {
    find(words, text) {
      const found: WordListMatch[] = [];
      for (let i = 0; i < words.length; i++) {
        let best: { entry: Entry; last: number } | undefined;
        for (const candidates of [byFirstWord.get(words[i]!.norm), scanned]) {
          for (const entry of candidates ?? []) {
            const last = matchAt(entry, words, text, i);
            if (last >= 0 && (!best || last > best.last)) best = { entry, last };
          }
        }
        if (!best) continue;
        found.push({ entry: best.entry.source, start: words[i]!.start, end: words[best.last]!.end, firstWord: i, lastWord: best.last });
        i = best.last;
      }
      return found;
    },
  };
}
