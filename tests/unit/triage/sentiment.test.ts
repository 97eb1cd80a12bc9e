import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  NEGATIVE_AT_OR_BELOW,
  POSITIVE_AT_OR_ABOVE,
  scoreConversation,
  scoreMessage,
  type SentimentLang,
  type SentimentReason,
  type SentimentResult,
} from '../../../main/engine/triage/sentiment';
import { SQUASH_ALPHA } from '../../../main/engine/triage/sentiment/tuning';

const score = (text: string, lang?: SentimentLang) => scoreMessage(text, lang).score;
const reasonsOf = (result: SentimentResult, kind: SentimentReason['kind']) => result.reasons.filter((r) => r.kind === kind).map((r) => r.text);

function expectWellFormed(result: SentimentResult, text: string): void {
  expect(Number.isFinite(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(-1);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(['negative', 'neutral', 'positive']).toContain(result.label);
  expect(['en', 'ru', 'pl']).toContain(result.lang);
  // One assertion for all reasons: a 10 000-emoji message has 10 000 of them.
  const malformed = result.reasons.filter(
    (r) => !(Number.isFinite(r.weight) && r.start >= 0 && r.end > r.start && r.end <= text.length && text.slice(r.start, r.end) === r.text),
  );
  expect(malformed).toEqual([]);
}

describe('labels', () => {
  it('follows the thresholds, with plain questions neutral', () => {
    expect(NEGATIVE_AT_OR_BELOW).toBeLessThan(0);
    expect(POSITIVE_AT_OR_ABOVE).toBeGreaterThan(0);
    expect(scoreMessage('The parcel arrived and everything is perfect').label).toBe('positive');
    expect(scoreMessage('The parcel arrived broken').label).toBe('negative');
    for (const question of ['Do you ship to Gdańsk?', 'Czy wysyłacie do Gdańska?', 'Доставляете в Казань?']) {
      expect(scoreMessage(question)).toMatchObject({ score: 0, label: 'neutral', reasons: [] });
    }
  });

  it('damps praise inside a question but not complaints', () => {
    expect(scoreMessage('Is the best model in stock?').label).toBe('neutral');
    expect(scoreMessage('Why is the service so terrible?').label).toBe('negative');
  });
});

describe('negation', () => {
  it('flips praise to complaint', () => {
    expect(scoreMessage('The service was good').label).toBe('positive');
    const negated = scoreMessage('The service was not good');
    expect(negated.label).toBe('negative');
    expect(reasonsOf(negated, 'negation')).toEqual(['not good']);
    expect(scoreMessage('доволен', 'ru').label).toBe('positive');
    expect(scoreMessage('не доволен', 'ru').label).toBe('negative');
    expect(scoreMessage('polecam', 'pl').label).toBe('positive');
    expect(scoreMessage('nie polecam', 'pl').label).toBe('negative');
    expect(scoreMessage('Nie polecam nikomu').label).toBe('negative');
  });

  it('turns a complaint word only mildly positive', () => {
    expect(scoreMessage('плохо', 'ru').label).toBe('negative');
    const notBad = scoreMessage('не плохо', 'ru');
    expect(notBad.label).not.toBe('negative');
    expect(notBad.score).toBeGreaterThan(0);
    expect(notBad.score).toBeLessThan(score('хорошо', 'ru'));
    expect(scoreMessage('Not bad at all').score).toBeGreaterThan(0);
  });

  it('makes facts that did not happen a complaint', () => {
    expect(scoreMessage('My parcel has not arrived').label).toBe('negative');
    expect(scoreMessage('Никто не отвечает').label).toBe('negative');
    expect(scoreMessage('Nikt nie odpisuje').label).toBe('negative');
    expect(scoreMessage('The parcel arrived').label).toBe('neutral');
  });

  it('reads postposed negation in Russian and Polish', () => {
    expect(scoreMessage('Претензий нет, всё пришло').score).toBeGreaterThan(0);
    expect(scoreMessage('Odpowiedzi brak').label).toBe('negative');
  });

  it('stays inside its clause and does not reach past another sentiment word', () => {
    expect(scoreMessage('Not fast, terrible').label).toBe('negative');
    expect(scoreMessage('No, this is great').label).toBe('positive');
  });
});

describe('intensifiers', () => {
  it('scale the word they precede, in every language', () => {
    expect(score('very good')).toBeGreaterThan(score('good'));
    expect(score('очень плохо', 'ru')).toBeLessThan(score('плохо', 'ru'));
    expect(score('bardzo dobre', 'pl')).toBeGreaterThan(score('dobre', 'pl'));
    expect(score('slightly disappointed')).toBeGreaterThan(score('disappointed'));
    expect(reasonsOf(scoreMessage('Я очень разочарована'), 'intensifier')).toEqual(['очень']);
  });

  it('also strengthen a negated word', () => {
    expect(score('not very good')).toBeLessThan(score('good'));
    expect(score('совсем не доволен', 'ru')).toBeLessThan(score('не доволен', 'ru'));
  });
});

describe('morphology', () => {
  it('matches Russian and Polish stems across endings, with ё folded and Polish typed without diacritics', () => {
    for (const word of ['ужасный', 'ужасно', 'ужасная', 'УЖАСНО']) expect(scoreMessage(word, 'ru').label).toBe('negative');
    expect(scoreMessage('Всё отлично, спасибо, пришёл вовремя', 'ru').label).toBe('positive');
    expect(scoreMessage('Jestem bardzo rozczarowana', 'pl').label).toBe('negative');
    expect(scoreMessage('rozczarowanie', 'pl').label).toBe('negative');
    expect(scoreMessage('nigdy wiecej', 'pl').label).toBe('negative');
    expect(scoreMessage('soooo happy')).toMatchObject({ label: 'positive' });
  });
});

describe('emoji', () => {
  it('weighs angry and happy emoji, with skin tones and variation selectors', () => {
    for (const emoji of ['😡', '🤬', '👎']) expect(scoreMessage(`ok ${emoji}`).label).toBe('negative');
    for (const emoji of ['🙂', '😍', '👍', '🙏', '👍🏽', '❤️']) expect(scoreMessage(`ok ${emoji}`).label).toBe('positive');
    const result = scoreMessage('The box 👍🏽');
    expect(reasonsOf(result, 'emoji')).toEqual(['👍🏽']);
  });

  it('reads emoticons and Russian bracket smileys', () => {
    expect(scoreMessage('ok :(').label).toBe('negative');
    expect(scoreMessage('спасибо)))').score).toBeGreaterThan(score('спасибо'));
    expect(scoreMessage('опять (((').label).toBe('negative');
  });
});

describe('shouting', () => {
  it('makes a complaint angrier', () => {
    const shouted = scoreMessage('This is TERRIBLE!!!');
    expect(shouted.score).toBeLessThan(score('This is terrible'));
    expect(reasonsOf(shouted, 'shouting')).toEqual(['TERRIBLE', '!!!']);
  });

  it('reads as frustration with no other sentiment, and as joy in praise', () => {
    const result = scoreMessage('WHERE IS MY ORDER???');
    expect(result.label).toBe('negative');
    expect(reasonsOf(result, 'shouting')).toEqual(['WHERE IS MY ORDER', '???']);
    expect(scoreMessage('hello??').label).toBe('negative');
    expect(scoreMessage('THANK YOU SO MUCH!!!').label).toBe('positive');
  });

  it('ignores short acronyms', () => {
    expect(scoreMessage('Is the price with VAT?')).toMatchObject({ label: 'neutral', reasons: [] });
  });
});

describe('care phrases', () => {
  it('dominate polite wording', () => {
    const result = scoreMessage('Thank you, but I want a refund, this is a scam');
    expect(result.label).toBe('negative');
    expect(reasonsOf(result, 'care_phrase')).toEqual(['want a refund', 'scam']);
    expect(scoreMessage('Thank you so much, you are wonderful and I love you, but this is a scam').score).toBeLessThanOrEqual(-0.5);
    expect(scoreMessage('Спасибо большое, но верните деньги, это обман').label).toBe('negative');
    expect(scoreMessage('Dziękuję bardzo, ale to oszustwo').label).toBe('negative');
  });

  it('cover the trouble signals of each language', () => {
    const signals: [string, SentimentLang][] = [
      ['chargeback', 'en'],
      ['I will talk to my lawyer', 'en'],
      ['never again', 'en'],
      ['мошенники', 'ru'],
      ['больше никогда', 'ru'],
      ['верните мне деньги', 'ru'],
      ['oszustwo', 'pl'],
      ['składam reklamację', 'pl'],
      ['chcę zwrot pieniędzy', 'pl'],
      ['nigdy więcej', 'pl'],
    ];
    for (const [text, lang] of signals) {
      const result = scoreMessage(text, lang);
      expect(result.label, text).toBe('negative');
      expect(reasonsOf(result, 'care_phrase').length, text).toBeGreaterThan(0);
    }
  });

  it('leave a refund alone a topic, not a complaint', () => {
    expect(scoreMessage('How long does a refund take?').label).toBe('neutral');
    expect(scoreMessage('Thanks for sorting out my refund so quickly 🙏').label).toBe('positive');
  });
});

describe('spans', () => {
  it('point at the right substrings, after surrogate pairs and hidden characters', () => {
    const text = '😡😡 Delivery was not good, the box is d\u200Bamaged. Очень плохо!!!';
    const result = scoreMessage(text, 'en');
    expectWellFormed(result, text);
    const negation = result.reasons.find((r) => r.kind === 'negation')!;
    expect(text.slice(negation.start, negation.end)).toBe('not good');
    expect(negation.start).toBe(text.indexOf('not good'));
    const damaged = result.reasons.find((r) => r.text.startsWith('d\u200B'))!;
    expect(damaged).toMatchObject({ kind: 'word', start: text.indexOf('d\u200Bamaged'), end: text.indexOf('d\u200Bamaged') + 8 });
    expect(result.reasons.filter((r) => r.kind === 'emoji').map((r) => [r.start, r.end])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('let the reasons add up to the raw score', () => {
    const result = scoreMessage('Not very good, but the courier was lovely 😍');
    const raw = result.reasons.reduce((sum, r) => sum + r.weight, 0);
    expect(result.score).toBeCloseTo(raw / Math.sqrt(raw * raw + SQUASH_ALPHA), 10);
  });
});

describe('conversations', () => {
  const angry = 'This is terrible, where is my order?';
  const calm = 'Got it, thank you, all good now!';

  it('weigh recent messages more', () => {
    const calmedDown = scoreConversation([
      { body: angry, createdAt: 1_000 },
      { body: calm, createdAt: 2_000 },
    ]);
    const angeredNow = scoreConversation([
      { body: calm, createdAt: 1_000 },
      { body: angry, createdAt: 2_000 },
    ]);
    expect(calmedDown.score).toBeGreaterThan(angeredNow.score);
    expect(angeredNow.label).toBe('negative');
  });

  it('order by createdAt, not by array position, and keep reasons per message', () => {
    const messages = [
      { body: calm, createdAt: 2_000 },
      { body: angry, createdAt: 1_000 },
    ];
    const result = scoreConversation(messages);
    expect(result.score).toBeCloseTo(scoreConversation([messages[1]!, messages[0]!]).score, 12);
    for (const reason of result.reasons) {
      const body = messages[reason.message!]!.body;
      expect(body.slice(reason.start, reason.end)).toBe(reason.text);
    }
    expect(new Set(result.reasons.map((r) => r.message))).toEqual(new Set([0, 1]));
  });

  it('equals the message result for one message, and is neutral for none', () => {
    const one = scoreConversation([{ body: angry, createdAt: 5 }]);
    expect(one.score).toBeCloseTo(scoreMessage(angry).score, 12);
    expect(scoreConversation([])).toEqual({ score: 0, label: 'neutral', lang: 'en', reasons: [] });
  });

  it('takes the language the recent messages are in', () => {
    const result = scoreConversation([
      { body: 'Hello, where is my order?', createdAt: 1 },
      { body: 'Заказ так и не пришёл', createdAt: 2 },
      { body: 'Ответьте уже!!', createdAt: 3, lang: 'ru' },
    ]);
    expect(result.lang).toBe('ru');
  });
});

describe('hostile input', () => {
  // A fixed pseudo-random generator, so failures reproduce.
  function randomText(seed: number, length: number): string {
    let state = seed;
    const next = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
    const ranges = [
      [0x20, 0x7e],
      [0x400, 0x4ff],
      [0x100, 0x17f],
      [0x200b, 0x202e],
      [0xd800, 0xdfff],
      [0x1f300, 0x1faff],
      [0xfe00, 0xfe0f],
    ];
    let text = '';
    for (let i = 0; i < length; i++) {
      const [lo, hi] = ranges[Math.floor(next() * ranges.length)]!;
      text += String.fromCodePoint(lo! + Math.floor(next() * (hi! - lo! + 1)));
    }
    return text;
  }

  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['html', '<div onclick="alert(1)"><b>terrible</b> <script>fetch("//x")</script>&amp;&lt;</div>'],
    ['rtl override', '\u202Egood\u202C service \u202Bужасно\u202C'],
    ['zero-width', 'ter\u200Brible\u200C \u200D\uFEFFservice\u2060'],
    ['lone surrogates', '\uD800 bad \uDFFF \uD83D'],
    ['control characters', '\u0000\u0001 bad \u0007\u001B[31m'],
    ['emoji flood', '😡'.repeat(10_000)],
    ['punctuation flood', '!?'.repeat(50_000)],
    ['100 KB of words', 'terrible service, '.repeat(6_000)],
    ['100 KB single token', 'a'.repeat(100_000)],
    ['100 KB zero-width', '\u200B'.repeat(100_000)],
    ['combining marks', 'z\u0301\u0302\u0303\u0304'.repeat(1_000)],
    ...[1, 2, 3, 4, 5].map((seed): [string, string] => [`random ${seed}`, randomText(seed, 2_000)]),
  ];

  it.each(cases)('never throws: %s', (_name, text) => {
    for (const lang of [undefined, null, 'en', 'ru', 'pl'] as const) expectWellFormed(scoreMessage(text, lang), text);
    expect(['en', 'ru', 'pl']).toContain(detectLanguage(text));
  });

  it('survives values a JavaScript caller should not pass', () => {
    const notText = [undefined, null, 42, {}, ['bad']] as unknown as string[];
    for (const value of notText) expect(scoreMessage(value, 'de' as SentimentLang)).toMatchObject({ score: 0, label: 'neutral', reasons: [] });
    expect(scoreConversation([{ body: null as unknown as string, createdAt: Number.NaN }]).label).toBe('neutral');
  });
});

describe('language detection', () => {
  it.each([
    ['Where is my parcel? Nobody answers.', 'en'],
    ['Do you ship to Gdańsk?', 'en'],
    ['Где мой заказ?', 'ru'],
    ['Заказ так и не пришёл, WTF', 'ru'],
    ['Gdzie jest moja paczka?', 'pl'],
    ['zamowienie nie dotarlo, czekam juz tydzien', 'pl'],
    ['Czy wysyłacie do Gdańska?', 'pl'],
    ['', 'en'],
    ['12345 !!!', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
    expect(scoreMessage(text).lang).toBe(lang);
  });

  it('uses the language it is given', () => {
    expect(scoreMessage('Где мой заказ?', 'pl').lang).toBe('pl');
  });
});
