/** The languages the spell engine ships dictionaries for, and where they live. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SPELL_LANGS = ['en', 'ru', 'pl'] as const;
export type SpellLang = (typeof SPELL_LANGS)[number];

export interface DictionaryFiles {
  aff: string;
  dic: string;
}

/**
 * The `dictionary-xx` packages are ESM-only and export a loader, not their
 * files, and their `exports` hide package.json from require.resolve; so the
 * Hunspell files are found by walking up node_modules folders from `from`,
 * the way Node itself would find the package.
 */
export function findDictionary(lang: SpellLang, from: string): DictionaryFiles {
  for (let dir = from; ; dir = dirname(dir)) {
    const folder = join(dir, 'node_modules', `dictionary-${lang}`);
    const files = { aff: join(folder, 'index.aff'), dic: join(folder, 'index.dic') };
    if (existsSync(files.aff) && existsSync(files.dic)) return files;
    if (dirname(dir) === dir) throw new Error(`The ${lang} dictionary (dictionary-${lang}) is not installed under ${from}`);
  }
}
