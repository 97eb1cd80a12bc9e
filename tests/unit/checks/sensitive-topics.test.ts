import { describe, expect, it } from 'vitest';
import { check, hitsOf } from './run';

describe('sensitive topics (warn)', () => {
  it('finds politics and religion in each language, with endings', async () => {
    expect(await hitsOf('sensitive_topic', 'Unlike the election, our church bake sale is fun.')).toEqual([
      ['sensitive_topic.politics', 'election'],
      ['sensitive_topic.religion', 'church'],
    ]);
    expect(await hitsOf('sensitive_topic', 'Мы вне политики и не обсуждаем религию.')).toEqual([
      ['sensitive_topic.politics', 'политики'],
      ['sensitive_topic.religion', 'религию'],
    ]);
    expect(await hitsOf('sensitive_topic', 'Nie komentujemy polityki ani spraw kościoła.')).toEqual([
      ['sensitive_topic.politics', 'polityki'],
      ['sensitive_topic.religion', 'kościoła'],
    ]);
  });

  it('is a warning', async () => {
    const [finding] = await check('No politics here, please.');
    expect(finding).toMatchObject({ kind: 'sensitive_topic', severity: 'warn', messageKey: 'check.sensitive.politics' });
  });

  it('leaves the everyday words that share a stem alone', async () => {
    // "выбор" is a choice and "партия" a batch; "kości" are bones.
    expect(await hitsOf('sensitive_topic', 'Хороший выбор! Новая партия товара уже на складе.')).toEqual([]);
    expect(await hitsOf('sensitive_topic', 'Rosół na kościach jest pyszny, polecamy.', { lang: 'pl' })).toEqual([]);
    expect(await hitsOf('sensitive_topic', 'Our privacy policy is on the website.')).toEqual([]);
  });
});
