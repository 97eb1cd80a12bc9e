/**
 * One language's dictionary and the word rules on top of Hunspell: what
 * counts as correct for hyphenated words, apostrophes and ё, custom words,
 * and cached suggestions. Runs inside the spell worker.
 */
import type { Hunspell } from 'hunspell-asm';
import type { SpellLang } from './languages';
import { tokenize } from './tokenize';

export interface Misspelling {
  start: number;
  end: number;
  word: string;
  suggestions: string[];
}

const MAX_SUGGESTIONS = 5;
/** Suggestions cost Hunspell 20–200 ms a word; a reply being typed asks for the same ones on every keystroke. */
const SUGGESTION_CACHE_SIZE = 2_000;
/**
 * Hunspell takes up to a second to suggest for a long run of letters (a
 * pasted token, a key held down) and finds nothing useful; real words that
 * long are rare enough to go without suggestions.
 */
const MAX_SUGGESTED_LENGTH = 30;
/** A word with more е than this is not tried with every ё placement (2^n variants). */
const MAX_YO_POSITIONS = 3;
const APOSTROPHES = /[’ʼ]/g;
const HYPHENS = /[‐‑]/g;
/** "l'", "d'", "qu'": an elided article or pronoun in front of a name. */
const ELISION = /^\p{L}{1,2}'(?=\p{L})/u;
const COMBINING_MARKS = /\p{M}/gu;
/**
 * A word with no letter of the language's script ("e-mail" or a brand in a
 * Russian reply, a Russian name in a Polish one) is not this dictionary's to
 * judge, so it is left alone rather than flagged.
 */
const SCRIPT: Record<SpellLang, RegExp> = { en: /\p{Script=Latin}/u, pl: /\p{Script=Latin}/u, ru: /\p{Script=Cyrillic}/u };

export class Speller {
  private readonly suggestions = new Map<string, string[]>();

  constructor(
    readonly lang: SpellLang,
    private readonly hunspell: Hunspell,
  ) {}

  /** Custom words are added as written; Hunspell then also accepts their capitalized and ALL-CAPS forms. */
  addWords(words: readonly string[]): void {
    for (const word of words) {
      this.hunspell.addWord(normalize(word));
    }
    this.suggestions.clear();
  }

  misspellings(text: string): Misspelling[] {
    const found: Misspelling[] = [];
    const script = SCRIPT[this.lang];
    for (const { start, end, word } of tokenize(text)) {
      if (script.test(word) && !this.isCorrect(word)) found.push({ start, end, word, suggestions: this.suggest(word) });
    }
    return found;
  }

  /** The whole word first; a hyphenated word the dictionary lacks is right when every part is. */
  isCorrect(word: string): boolean {
    const normalized = normalize(word);
    if (this.isKnown(normalized)) return true;
    const parts = normalized.split('-');
    return parts.length > 1 && parts.every((part) => this.isKnown(part));
  }

  suggest(word: string): string[] {
    const normalized = normalize(word);
    const cached = this.suggestions.get(normalized);
    if (cached) return cached;
    const suggestions = normalized.length > MAX_SUGGESTED_LENGTH ? [] : this.hunspell.suggest(normalized).slice(0, MAX_SUGGESTIONS);
    if (this.suggestions.size >= SUGGESTION_CACHE_SIZE) this.suggestions.delete(this.suggestions.keys().next().value!);
    this.suggestions.set(normalized, suggestions);
    return suggestions;
  }

  private isKnown(word: string): boolean {
    return this.variants(word).some((variant) => this.hunspell.spell(variant));
  }

  /** Spellings of one word the dictionary may hold instead of the one typed. */
  private variants(word: string): string[] {
    const variants = [word];
    const elided = ELISION.exec(word);
    if (elided) {
      // "l'Oréal": the name alone, or as the dictionary capitalizes it ("L'Oreal").
      variants.push(word.slice(elided[0].length), word[0]!.toLocaleUpperCase() + word.slice(1));
    }
    if (this.lang === 'en' && word.endsWith("'s")) {
      // A possessive of a custom word ("Zendora's"): runtime words carry no affix rules.
      variants.push(word.slice(0, -2));
    }
    if (this.lang === 'en') {
      // English dictionaries spell loanwords and names without accents ("Oréal" → "Oreal").
      for (const variant of [...variants]) {
        const plain = variant.normalize('NFD').replace(COMBINING_MARKS, '');
        if (plain !== variant) variants.push(plain);
      }
    }
    if (this.lang === 'ru') variants.push(...yoVariants(word));
    return variants;
  }
}

/** Typographic apostrophes and hyphens as the dictionaries write them. */
function normalize(word: string): string {
  return word.replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

/**
 * Russian writes ё as е more often than not, and the dictionary holds some
 * words only with ё ("ёлка") and some only with е: try the other spelling.
 */
function yoVariants(word: string): string[] {
  if (/[ёЁ]/u.test(word)) return [word.replace(/ё/g, 'е').replace(/Ё/g, 'Е')];
  const positions = [...word.matchAll(/[еЕ]/g)].map((match) => match.index);
  if (positions.length === 0 || positions.length > MAX_YO_POSITIONS) return [];
  const variants: string[] = [];
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const letters = word.split('');
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) letters[position] = letters[position] === 'е' ? 'ё' : 'Ё';
    });
    variants.push(letters.join(''));
  }
  return variants;
}
