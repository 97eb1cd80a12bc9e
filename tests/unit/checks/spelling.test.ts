import { describe, expect, it } from 'vitest';
import type { CheckLang, Misspelling, SpellChecker } from '../../../main/engine/checks';
import { check } from './run';

/**
 * A stand-in for the Hunspell checker: splits what it is given on whitespace,
 * as a simple real checker would, and reports every word its tiny dictionary
 * lacks. It records what it was asked, so tests can see what the pipeline sent.
 */
class FakeSpellChecker implements SpellChecker {
  readonly calls: { text: string; lang: CheckLang }[] = [];
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly suggestions: Readonly<Record<string, string[]>> = {},
  ) {}

  async misspellings(text: string, lang: CheckLang): Promise<Misspelling[]> {
    this.calls.push({ text, lang });
    return [...text.matchAll(/\S+/g)]
      .filter((m) => !this.known.has(m[0].toLowerCase()))
      .map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0], suggestions: this.suggestions[m[0].toLowerCase()] ?? [] }));
  }
}

const english = (...words: string[]) => new Set(['the', 'parcel', 'is', 'on', 'its', 'way', 'see', 'and', 'write', 'to', 'thanks', 'our', 'new', ...words]);

describe('spelling through a SpellChecker', () => {
  it('maps misspellings back to every place the word stands, with suggestions as a fix', async () => {
    const spelling = new FakeSpellChecker(english(), { teh: ['the'] });
    const text = '😀 teh parcel is on teh way';
    const findings = await check(text, { spelling });
    const second = text.lastIndexOf('teh');
    expect(findings.map((f) => [f.start, f.end, f.text])).toEqual([
      [3, 6, 'teh'],
      [second, second + 3, 'teh'],
    ]);
    expect(findings[0]).toMatchObject({ kind: 'spelling', severity: 'warn', suggestions: ['the'], fix: 'replace', messageKey: 'check.spelling', params: { word: 'teh' } });
    // Each distinct word is sent once.
    expect(spelling.calls).toEqual([{ text: 'teh\nparcel\nis\non\nway', lang: 'en' }]);
  });

  it('skips the workspace words (brand names) in any case when listed in lower case', async () => {
    const spelling = new FakeSpellChecker(english());
    expect(await check('Thanks, Northwind and NORTHWIND and Zylofon', { spelling, customWords: new Set(['northwind', 'Zylofon']) })).toEqual([]);
  });

  it('never sends links, emails, @mentions, #hashtags, numbers, acronyms or runs of letters too long to be words', async () => {
    const spelling = new FakeSpellChecker(english());
    const text = `See https://shop.example.com/xqzt and write to xqzt@example.com, @xqztshop #xqztsale A4 2024 DHL ${'x'.repeat(65)}`;
    expect(await check(text, { spelling, visibility: 'private' })).toEqual([]);
    expect(spelling.calls[0]!.text.split('\n')).toEqual(['See', 'and', 'write', 'to']);
  });

  it('takes a capitalised word inside a sentence for a name, and still checks the first word of a sentence', async () => {
    const spelling = new FakeSpellChecker(english('hi', 'from'));
    const text = 'Hi Kowalska, the parcel is on its way. Teh parcel from Zlotopolsky! «Thes way';
    expect((await check(text, { spelling, visibility: 'private' })).map((f) => f.text)).toEqual(['Teh', 'Thes']);
  });

  it('treats hyphenated words as one: «из-за», "e-mail"', async () => {
    const ru = new FakeSpellChecker(new Set(['из-за', 'погоды']));
    expect(await check('Из-за погоды', { spelling: ru, lang: 'ru' })).toEqual([]);
    expect(ru.calls[0]!.text.split('\n')).toEqual(['Из-за', 'погоды']);

    const en = new FakeSpellChecker(english('e-mail'));
    expect(await check('Write to our new e-mail', { spelling: en })).toEqual([]);
  });

  it('maps a checker that reports part of a word to that part, in each occurrence', async () => {
    const partial: SpellChecker = {
      misspellings: async (text) => {
        const at = text.indexOf('zz');
        return at < 0 ? [] : [{ start: at, end: at + 2, word: 'zz', suggestions: [] }];
      },
    };
    const text = 'pre-zz and pre-zz';
    expect((await check(text, { spelling: partial })).map((f) => [f.start, f.end, f.text, f.fix])).toEqual([
      [4, 6, 'zz', null],
      [15, 17, 'zz', null],
    ]);
  });

  it('asks in the detected language, or the one the agent set', async () => {
    const spelling = new FakeSpellChecker(new Set());
    await check('Dzień dobry, paczka jest w drodze', { spelling });
    await check('Dzień dobry', { spelling, lang: 'ru' });
    expect(spelling.calls.map((c) => c.lang)).toEqual(['pl', 'ru']);
  });

  it('has no spelling findings without a checker', async () => {
    expect(await check('teh parcle')).toEqual([]);
  });
});
