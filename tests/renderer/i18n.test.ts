import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain';
import { catalogs, createTranslator, formatRelativeTime, LANGUAGES, pickLanguage, translate, type PluralForms } from '../../shared/i18n';

const placeholders = (value: string | PluralForms): string[] =>
  [...new Set((typeof value === 'string' ? [value] : Object.values(value)).flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

describe('catalogs', () => {
  const englishKeys = Object.keys(catalogs.en).sort();

  it.each(LANGUAGES)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(catalogs[lang]).sort()).toEqual(englishKeys);
  });

  it.each(LANGUAGES)('%s has no empty strings', (lang) => {
    for (const [key, value] of Object.entries(catalogs[lang])) {
      for (const text of typeof value === 'string' ? [value] : Object.values(value)) {
        expect(text?.trim(), `${lang} ${key}`).toBeTruthy();
      }
    }
  });

  it.each(LANGUAGES)('%s plural entries have every form its plural rules use', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(catalogs[lang])) {
      if (typeof value === 'string') continue;
      for (const category of categories) expect(value[category], `${lang} ${key} ${category}`).toBeTruthy();
    }
  });

  it.each(LANGUAGES)('%s uses the same placeholders as English', (lang) => {
    for (const [key, value] of Object.entries(catalogs[lang])) {
      expect(placeholders(value), `${lang} ${key}`).toEqual(placeholders(catalogs.en[key as keyof typeof catalogs.en]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and picks plural forms by count', () => {
    const cases: Array<[Language, number, string]> = [
      ['en', 1, '1 star'],
      ['en', 2, '2 stars'],
      ['ru', 1, '1 звезда'],
      ['ru', 3, '3 звезды'],
      ['ru', 5, '5 звёзд'],
      ['ru', 21, '21 звезда'],
      ['pl', 1, '1 gwiazdka'],
      ['pl', 4, '4 gwiazdki'],
      ['pl', 5, '5 gwiazdek'],
      ['pl', 12, '12 gwiazdek'],
      ['pl', 22, '22 gwiazdki'],
    ];
    for (const [lang, count, expected] of cases) expect(translate(lang, 'rating.stars', { count })).toBe(expected);
  });

  it('formats numbers for the language', () => {
    expect(translate('en', 'inbox.count', { count: 100_000 })).toBe('100,000 conversations');
    expect(translate('ru', 'inbox.count', { count: 5_000 })).toBe('5\u00a0000 диалогов');
  });

  it('inserts user text literally and leaves a missing parameter visible', () => {
    const t = createTranslator('en');
    expect(t('reply.failed', { reason: '{reason} $& $1' })).toBe('Your reply was not sent: {reason} $& $1');
    expect(t('reply.failed')).toBe('Your reply was not sent: {reason}');
  });
});

describe('pickLanguage', () => {
  it.each<[string[], Language]>([
    [['ru-RU', 'en-US'], 'ru'],
    [['de-DE', 'pl-PL', 'ru'], 'pl'],
    [['PL'], 'pl'],
    [['en-GB'], 'en'],
    [['zh-Hant-TW', 'ru_RU'], 'ru'],
    [['de', 'fr'], 'en'],
    [[], 'en'],
  ])('%j → %s', (preferred, expected) => {
    expect(pickLanguage(preferred)).toBe(expected);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  it('speaks in the UI language', () => {
    expect(formatRelativeTime('en', now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatRelativeTime('ru', now - 5 * 60_000, now)).toBe('5 минут назад');
    expect(formatRelativeTime('pl', now - 2 * 3_600_000, now)).toBe('2 godziny temu');
    expect(formatRelativeTime('en', now - 24 * 3_600_000, now)).toBe('yesterday');
  });

  it('reads anything under a minute, and small clock skew, as now', () => {
    expect(formatRelativeTime('en', now - 20_000, now)).toBe('now');
    expect(formatRelativeTime('en', now + 5_000, now)).toBe('now');
  });
});
