import { Language } from '../domain';
import type { Catalog, MessageKey } from './catalog';
import { en } from './en';
import { formatNumber, pluralRules } from './formats';
import { isPluralForms } from './plural';
import { pl } from './pl';
import { ru } from './ru';

export type { Catalog, MessageKey } from './catalog';
export type { PluralForms } from './plural';
export { formatNumber, formatRelativeTime } from './formats';

export const LANGUAGES: readonly Language[] = Language.options;

export const catalogs: Readonly<Record<Language, Catalog>> = { en, ru, pl };

/**
 * Each language named in itself, in every UI language: someone who cannot
 * read the current language must still find their own in the switcher.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ru: 'Русский', pl: 'Polski' };

export type Params = Readonly<Record<string, string | number>>;
export type Translator = (key: MessageKey, params?: Params) => string;

export const isLanguage = (value: unknown): value is Language => Language.safeParse(value).success;

/**
 * Looks a key up and fills its `{placeholders}`. Plural entries pick their form
 * from `params.count`; numbers are formatted for the language ("5 000" in ru).
 * A missing parameter is left visible as `{name}` rather than silently blanked.
 */
export function translate(lang: Language, key: MessageKey, params: Params = {}): string {
  const entry = catalogs[lang][key];
  const template = isPluralForms(entry) ? (entry[pluralRules(lang).select(Number(params.count ?? 0))] ?? entry.other) : entry;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export const createTranslator =
  (lang: Language): Translator =>
  (key, params) =>
    translate(lang, key, params);

/** The first of the user's preferred languages (BCP 47 tags, e.g. navigator.languages) that we have, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
