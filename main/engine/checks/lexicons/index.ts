import type { CheckLang } from '../types';
import { compileWordList, type WordList } from '../word-list';
import { en } from './en';
import { pl } from './pl';
import { ru } from './ru';
import type { CheckLexicon } from './types';

export type { CheckLexicon };
export const LEXICONS: Readonly<Record<CheckLang, CheckLexicon>> = { en, ru, pl };

const compiled = new Map<string, WordList>();

/** A lexicon's list, compiled on first use and kept. */
export function wordList(lang: CheckLang, list: keyof CheckLexicon): WordList {
  const key = `${lang}.${list}`;
  let found = compiled.get(key);
  if (!found) {
    found = compileWordList(LEXICONS[lang][list]);
    compiled.set(key, found);
  }
  return found;
}
