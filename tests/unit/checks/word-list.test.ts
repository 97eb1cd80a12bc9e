import { describe, expect, it } from 'vitest';
import { LEXICONS, wordList, type CheckLexicon } from '../../../main/engine/checks/lexicons';
import { findProtected, splitWords } from '../../../main/engine/checks/scan';
import { compileWordList } from '../../../main/engine/checks/word-list';

function find(entries: string[], text: string): string[] {
  const words = splitWords(text, findProtected(text));
  return compileWordList(entries)
    .find(words, text)
    .map((m) => `${m.entry}=${text.slice(m.start, m.end)}`);
}

describe('the word-list matcher', () => {
  it('matches whole words, stems from the start and roots anywhere', () => {
    expect(find(['ass', 'fuck*', '*pizd*'], 'class ass assistant fucking unfuck spizdili')).toEqual(['ass=ass', 'fuck*=fucking', '*pizd*=spizdili']);
  });

  it('folds case, ё and Polish diacritics on both sides', () => {
    expect(find(['ещё', 'łatwo'], 'ЕЩЕ еще latwo ŁATWO')).toEqual(['ещё=ЕЩЕ', 'ещё=еще', 'łatwo=latwo', 'łatwo=ŁATWO']);
  });

  it('prefers the longest entry at a word and does not overlap', () => {
    expect(find(['you', 'you should have'], 'you should have known, you')).toEqual(['you should have=you should have', 'you=you']);
  });

  it('never matches inside links, emails, mentions or hashtags', () => {
    expect(find(['simply'], 'https://simply.example.com simply@example.com @simply #simply')).toEqual([]);
  });

  it('refuses patterns that would match too much', () => {
    expect(() => compileWordList(['ab*'])).toThrow(/bad pattern/);
    expect(() => compileWordList(['*'])).toThrow(/bad pattern/);
    expect(() => compileWordList(['a*b'])).toThrow(/bad pattern/);
  });

  it('compiles every list of every language', () => {
    for (const lang of ['en', 'ru', 'pl'] as const) {
      for (const list of Object.keys(LEXICONS[lang]) as (keyof CheckLexicon)[]) {
        expect(() => wordList(lang, list), `${lang}.${list}`).not.toThrow();
      }
    }
  });
});
