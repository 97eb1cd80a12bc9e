import { describe, expect, it } from 'vitest';
import { check, hitsOf } from './run';

describe('tone: minimizing words (warn)', () => {
  it('finds them in English, Russian and Polish, as words and as phrases', async () => {
    expect(await hitsOf('tone', 'Just restart the app, it is simply a cache issue and obviously easy to fix.')).toEqual([
      ['tone.minimizing', 'Just'],
      ['tone.minimizing', 'simply'],
      ['tone.minimizing', 'obviously'],
      ['tone.minimizing', 'easy'],
    ]);
    expect(await hitsOf('tone', 'Это просто сбой, всего лишь перезапустите, всё очевидно и элементарно.')).toEqual([
      ['tone.minimizing', 'просто'],
      ['tone.minimizing', 'всего лишь'],
      ['tone.minimizing', 'очевидно'],
      ['tone.minimizing', 'элементарно'],
    ]);
    expect(await hitsOf('tone', 'Po prostu proszę zrestartować, wystarczy kliknąć, oczywiście to łatwo naprawić.')).toEqual([
      ['tone.minimizing', 'Po prostu'],
      ['tone.minimizing', 'wystarczy'],
      ['tone.minimizing', 'oczywiście'],
      ['tone.minimizing', 'łatwo'],
    ]);
  });

  it('is a warning with the message key and the word as parameter', async () => {
    const [finding] = await check('It is simply broken.');
    expect(finding).toMatchObject({ kind: 'tone', severity: 'warn', messageKey: 'check.tone.minimizing', params: { word: 'simply' }, fix: null });
  });

  it('matches Polish typed without diacritics', async () => {
    expect(await hitsOf('tone', 'Prosze po prostu zrestartowac, to latwo naprawic.')).toEqual([
      ['tone.minimizing', 'po prostu'],
      ['tone.minimizing', 'latwo'],
    ]);
  });

  it('does not join a phrase across a sentence', async () => {
    expect(await hitsOf('tone', 'Pracujemy po. Prostu nie ma.', { lang: 'pl' })).toEqual([]);
  });

  it('leaves words that only contain a minimizing word alone (justice, simplicity)', async () => {
    expect(await hitsOf('tone', 'We value justice and simplicity; it was uneasy.')).toEqual([]);
  });
});

describe('tone: blaming the customer (warn)', () => {
  it('finds blame in each language', async () => {
    expect(await hitsOf('tone', 'You should have read the instructions; it is your fault.')).toEqual([
      ['tone.blaming', 'You should have'],
      ['tone.blaming', 'your fault'],
    ]);
    expect(await hitsOf('tone', 'Вы сами выбрали доставку, надо было проверить.')).toEqual([
      ['tone.blaming', 'Вы сами'],
      ['tone.blaming', 'надо было'],
    ]);
    expect(await hitsOf('tone', 'Niestety to Pana wina, trzeba było sprawdzić adres.')).toEqual([
      ['tone.blaming', 'to Pana wina'],
      ['tone.blaming', 'trzeba było'],
    ]);
  });

  it('follows the language the agent sets over the detected one', async () => {
    expect(await hitsOf('tone', 'просто', { lang: 'en' })).toEqual([]);
    expect(await hitsOf('tone', 'просто', { lang: 'ru' })).toEqual([['tone.minimizing', 'просто']]);
  });
});
