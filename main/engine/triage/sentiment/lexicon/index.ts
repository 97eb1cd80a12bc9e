/** The compiled lexicon for each language, built on first use. */
import { foldPolish } from '../polish';
import type { SentimentLang } from '../types';
import { compileLexicon, type CompiledLexicon } from './compile';
import { en } from './en';
import { pl } from './pl';
import { ru } from './ru';

const sources = { en: () => compileLexicon(en), ru: () => compileLexicon(ru), pl: () => compileLexicon(pl, foldPolish) };
const compiled = new Map<SentimentLang, CompiledLexicon>();

export function lexiconFor(lang: SentimentLang): CompiledLexicon {
  let lexicon = compiled.get(lang);
  if (!lexicon) {
    lexicon = sources[lang]();
    compiled.set(lang, lexicon);
  }
  return lexicon;
}
