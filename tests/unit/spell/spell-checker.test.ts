import { once } from 'node:events';
import { tmpdir } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpellChecker, SpellCheckerClosedError, startSpellWorker, type SpellCheckerClient, type SpellLang } from '../../../main/engine/spell/client';
import type { SpellResponse } from '../../../main/engine/spell/protocol';
import { longReply, SENTENCES } from './replies';

/** Where `word` sits in `text`, as the checker must report it. */
function at(text: string, word: string, from = 0): { start: number; end: number; word: string } {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`${word} is not in the text`);
  return { start, end: start + word.length, word };
}

describe('spell checker with the shipped dictionaries', () => {
  let checker: SpellCheckerClient;
  beforeAll(() => {
    checker = createSpellChecker();
  });
  afterAll(() => checker.close());

  it.each(['en', 'ru', 'pl'] as const)('finds nothing in correct %s sentences', async (lang) => {
    for (const sentence of SENTENCES[lang]) expect(await checker.misspellings(sentence, lang), sentence).toEqual([]);
  });

  it.each([
    ['en', 'Thank you, we will recieve the parcel tomorow.', ['recieve', 'tomorow'], { recieve: 'receive', tomorow: 'tomorrow' }],
    ['ru', 'Спосибо за терпение, посылка уже в дороге.', ['Спосибо'], { Спосибо: 'Спасибо' }],
    ['pl', 'Dziekuje za cierpliwość, paczka jest juz w drodze.', ['Dziekuje', 'juz'], { Dziekuje: 'Dziękuję', juz: 'już' }],
  ] as const)('finds %s typos at their offsets with suggestions: %s', async (lang, text, typos, expected) => {
    const found = await checker.misspellings(text, lang);
    expect(found.map(({ start, end, word }) => ({ start, end, word }))).toEqual(typos.map((typo) => at(text, typo)));
    for (const finding of found) {
      expect(finding.suggestions.length).toBeLessThanOrEqual(5);
      expect(finding.suggestions).toContain(expected[finding.word as keyof typeof expected]);
    }
  });

  it('reports offsets in UTF-16 code units after emoji and astral characters', async () => {
    const text = '👍🏽 Thanks 🙏 for waiting, the recieve step is done.';
    expect((await checker.misspellings(text, 'en')).map(({ start, end, word }) => ({ start, end, word }))).toEqual([at(text, 'recieve')]);
  });

  it.each([
    ['en', 'See https://northwind.shop/help?id=42 or www.example.com, write to help@northwind.shop, ping @northwind_care, #blackfriday and visit northwind.shop/faq.'],
    ['en', 'Order A1B2C3 ships in 2nd week, costs 20usd, the 3.5 model, v2 firmware.'],
    ['en', 'Our FAQ, the API docs and the SKU list are on the CRM.'],
    ['en', "Don't worry, it's fine, we’re sure it’s the l’Oréal set, a well-known e-mail issue."],
    ['en', 'The kit is built‑in, state-of-the-art and user-friendly.'],
    ['ru', 'Из-за погоды кто-то написал по e-mail, что-нибудь придумаем.'],
    ['ru', 'Ёлка и елка, ещё и еще, всё будет хорошо, зелёный и зеленый.'],
    ['ru', 'Напишите на https://northwind.ru/help или @northwind, номер 12345, ВК и МТС.'],
    ['pl', 'Źdźbło, żółw, gęś i łódź: wszystko dotrze po e-mailu, także biało-czerwone pudełko.'],
    ['pl', 'Prosimy o kontakt: pomoc@northwind.pl, #promocja, ZUS, PKO i 3 dni.'],
  ] as const)('does not flag what is not a misspelling (%s): %s', async (lang, text) => {
    expect(await checker.misspellings(text, lang)).toEqual([]);
  });

  it('checks the parts of a hyphenated word the dictionary lacks', async () => {
    const text = 'A customer-frendly policy.';
    const found = await checker.misspellings(text, 'en');
    expect(found.map(({ word }) => word)).toEqual(['customer-frendly']);
    expect(found[0]).toMatchObject(at(text, 'customer-frendly'));
  });

  it('leaves words of another script to their own dictionary', async () => {
    expect(await checker.misspellings('Ваш Northwind и Wi-Fi работают.', 'ru')).toEqual([]);
    expect(await checker.misspellings('Pan Иванов napisał.', 'pl')).toEqual([]);
    expect((await checker.misspellings('Ваш пpивет', 'ru')).map(({ word }) => word)).toEqual(['пpивет']);
  });

  it('still flags long ALL-CAPS words and misspelled words next to links', async () => {
    const text = 'PLEASE RECIEVE it at https://northwind.shop and thnaks';
    expect((await checker.misspellings(text, 'en')).map(({ word }) => word)).toEqual(['RECIEVE', 'thnaks']);
  });

  it('finds every typo in a 2,000-character reply, and nothing else', async () => {
    for (const lang of ['en', 'ru', 'pl'] as const) {
      const typos: Record<SpellLang, [string, string]> = { en: ['frustrating', 'frustrateing'], ru: ['посылка', 'пасылка'], pl: ['cierpliwość', 'cierpliwosc'] };
      const [right, wrong] = typos[lang];
      const reply = longReply(lang, 2_000).replaceAll(right, wrong);
      expect(reply.length).toBeGreaterThanOrEqual(2_000);
      const expected: ReturnType<typeof at>[] = [];
      for (let from = reply.indexOf(wrong); from >= 0; from = reply.indexOf(wrong, from + 1)) expected.push(at(reply, wrong, from));
      expect(expected.length).toBeGreaterThan(1);
      const found = await checker.misspellings(reply, lang);
      expect(found.map(({ start, end, word }) => ({ start, end, word })), lang).toEqual(expected);
      expect(found[0]!.suggestions, lang).toContain(right);
    }
  });

  it('suggests up to five words for one word', async () => {
    expect(await checker.suggest('recieve', 'en')).toContain('receive');
    expect(await checker.suggest('спосибо', 'ru')).toContain('спасибо');
    expect((await checker.suggest('thnaks', 'en')).length).toBeLessThanOrEqual(5);
  });

  it('flags a long run of letters without asking Hunspell for suggestions', async () => {
    const run = 'zxcvbnmasdfghjklqwertyuiopzxcvbnmasdfg';
    expect(await checker.misspellings(`Proszę ${run} teraz`, 'pl')).toEqual([{ start: 7, end: 7 + run.length, word: run, suggestions: [] }]);
  });

  it('rejects a language it has no dictionary for, and keeps serving', async () => {
    await expect(checker.misspellings('Hallo', 'de' as SpellLang)).rejects.toThrow(/malformed request/);
    expect(await checker.misspellings('Thank you', 'en')).toEqual([]);
  });
});

describe('custom words', () => {
  it('accepts brand names in every language, loaded before or after the words were added', async () => {
    const checker = createSpellChecker();
    try {
      const texts: Record<SpellLang, string> = {
        en: 'Your Northwind Aurora arrives today, and Zendora’s team says hi.',
        ru: 'Ваш Нортвинд Аврора приедет сегодня.',
        pl: 'Pani Northwind Aurora dotrze dzisiaj.',
      };
      expect((await checker.misspellings(texts.en, 'en')).map(({ word }) => word)).toEqual(['Northwind', 'Zendora’s']);
      expect((await checker.misspellings(texts.ru, 'ru')).map(({ word }) => word)).toEqual(['Нортвинд']);
      await checker.addWords(['Northwind', 'Aurora', 'Zendora', 'Нортвинд']);
      for (const lang of ['en', 'ru', 'pl'] as const) expect(await checker.misspellings(texts[lang], lang), lang).toEqual([]);
      expect((await checker.misspellings('NORTHWIND but Nortwind', 'en')).map(({ word }) => word)).toEqual(['Nortwind']);
    } finally {
      await checker.close();
    }
  });
});

describe('loading', () => {
  it('loads a dictionary only when its language is first asked for', async () => {
    const checker = createSpellChecker();
    try {
      expect(await checker.loaded()).toEqual([]);
      expect(checker.state('pl')).toBe('idle');
      const checking = checker.misspellings('Dziękuję bardzo', 'pl');
      expect(checker.state('pl')).toBe('loading');
      expect(await checking).toEqual([]);
      expect(checker.state('pl')).toBe('ready');
      expect(checker.state('ru')).toBe('idle');
      expect(await checker.loaded()).toEqual(['pl']);
      const load = await checker.ready('en');
      expect(load.lang).toBe('en');
      expect(load.loadMs).toBeGreaterThan(0);
      expect(await checker.loaded()).toEqual(['pl', 'en']);
    } finally {
      await checker.close();
    }
  });

  it('reports a dictionary it cannot find as failed, and tries again on the next call', async () => {
    const checker = createSpellChecker({ dictionariesFrom: tmpdir() });
    try {
      await expect(checker.misspellings('Thank you', 'en')).rejects.toThrow(/dictionary-en/);
      expect(checker.state('en')).toBe('failed');
      await expect(checker.ready('en')).rejects.toThrow(/dictionary-en/);
      expect(await checker.loaded()).toEqual([]);
    } finally {
      await checker.close();
    }
  });

  it('rejects calls after close', async () => {
    const checker = createSpellChecker();
    await checker.close();
    await expect(checker.misspellings('Thank you', 'en')).rejects.toBeInstanceOf(SpellCheckerClosedError);
  });
});

describe('the bare worker', () => {
  let worker: Worker;
  beforeAll(() => {
    worker = startSpellWorker();
  });
  afterAll(() => worker.terminate());

  async function ask(message: unknown): Promise<SpellResponse> {
    const answer = once(worker, 'message') as Promise<[SpellResponse]>;
    worker.postMessage(message);
    return (await answer)[0];
  }

  it('answers malformed requests with an error and keeps serving', async () => {
    for (const garbage of [null, 'misspellings', 42, {}, { id: 'x', op: 'loaded' }]) {
      expect(await ask(garbage)).toMatchObject({ id: 0, ok: false });
    }
    expect(await ask({ id: 7, op: 'misspellings', text: 42, lang: 'en' })).toMatchObject({ id: 7, ok: false, error: expect.stringMatching(/text/) });
    expect(await ask({ id: 8, op: 'spellcheck', text: 'x' })).toMatchObject({ id: 8, ok: false });
    expect(await ask({ id: 9, op: 'addWords', words: ['ok', ''] })).toMatchObject({ id: 9, ok: false });
    expect(await ask({ id: 10, op: 'misspellings', text: 'We recieve it', lang: 'en' })).toMatchObject({
      id: 10,
      ok: true,
      result: [{ start: 3, end: 10, word: 'recieve' }],
    });
  });
});
