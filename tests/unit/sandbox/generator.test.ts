import { describe, expect, it } from 'vitest';
import { generateItems } from '../../../main/engine/platforms/sandbox/fake';
import { CORPUS } from '../../../main/engine/platforms/sandbox/fake/corpus';
import { WireItem } from '../../../main/engine/platforms/sandbox/wire';
import { EPOCH } from './harness';

const WEEK = 7 * 24 * 60 * 60 * 1000;
const SEEDS = [1, 42, 2024, 987_654];

function withoutTime({ created_at: _createdAt, ...rest }: WireItem) {
  return rest;
}

const inbound = (items: WireItem[]) => items.filter((item) => item.direction === 'in');

function groupBy<K>(items: WireItem[], key: (item: WireItem) => K): WireItem[][] {
  const groups = new Map<K, WireItem[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

describe('generateItems: determinism', () => {
  it('gives byte-identical items for the same seed and epoch', () => {
    expect(JSON.stringify(generateItems(42, EPOCH, 400))).toBe(JSON.stringify(generateItems(42, EPOCH, 400)));
  });

  it('gives different ids and texts for a different seed', () => {
    const a = generateItems(1, EPOCH, 100);
    const b = generateItems(2, EPOCH, 100);
    expect(a.map((item) => item.id).filter((id) => b.some((other) => other.id === id))).toEqual([]);
    expect(a.filter((item, i) => item.text === b[i]!.text).length).toBeLessThan(10);
  });

  it('keeps the content of a shorter backfill as the prefix of a longer one; only dates depend on the size and epoch', () => {
    const long = generateItems(7, EPOCH, 400);
    const short = generateItems(7, EPOCH - 3_600_000, 120);
    expect(short.map(withoutTime)).toEqual(long.slice(0, 120).map(withoutTime));
  });

  it('produces items that all validate against WireItem, with unique ids', () => {
    for (const seed of SEEDS) {
      const items = generateItems(seed, EPOCH, 400);
      expect(items).toHaveLength(400);
      for (const item of items) expect(WireItem.strict().parse(item)).toEqual(item);
      expect(new Set(items.map((item) => item.id)).size).toBe(400);
    }
  });

  it('rejects a seed that is not a 32-bit unsigned integer', () => {
    expect(() => generateItems(-1, EPOCH, 1)).toThrow();
    expect(() => generateItems(1.5, EPOCH, 1)).toThrow();
  });
});

describe('generateItems: shape of the feed', () => {
  it('dates the backfill ascending over the 7 days before the epoch', () => {
    for (const seed of SEEDS) {
      const times = generateItems(seed, EPOCH, 400).map((item) => Date.parse(item.created_at));
      expect(times[0]).toBeGreaterThanOrEqual(EPOCH - WEEK);
      expect(times[times.length - 1]).toBeLessThan(EPOCH);
      expect(times.every((time, i) => i === 0 || time >= times[i - 1]!)).toBe(true);
      // Spread over the whole week, not bunched at one end.
      expect(times[200]! - times[0]!).toBeGreaterThan(WEEK / 3);
    }
  });

  it('keeps every thread consistent: one kind, title and rating; visibility by kind; brand replies never open a thread', () => {
    for (const seed of SEEDS) {
      const seen = new Map<string, WireItem['thread']>();
      for (const item of generateItems(seed, EPOCH, 400)) {
        const first = seen.get(item.thread.id);
        if (first) expect(item.thread).toEqual(first);
        else {
          expect(item.direction).toBe('in');
          seen.set(item.thread.id, item.thread);
        }
        expect(item.visibility).toBe(item.thread.kind === 'dm' ? 'private' : 'public');
        expect(item.thread.rating !== undefined).toBe(item.thread.kind === 'review');
        if (item.thread.kind === 'dm' || item.thread.kind === 'mention') expect(item.thread.title).toBe('');
        else expect(item.thread.title.length).toBeGreaterThan(0);
        if (item.direction === 'out') expect(item.author.id).toBe('brand');
        else expect(item.author.id).not.toBe('brand');
      }
    }
  });

  it('puts an <img onerror> message in the first 40 items and at least 20 threads in the first 100, for any seed', () => {
    for (let seed = 0; seed < 300; seed++) {
      const items = generateItems(seed * 7919, EPOCH, 100);
      expect(items.slice(0, 40).some((item) => item.text.includes('<img src=x onerror=')), `seed ${seed * 7919}`).toBe(true);
      expect(new Set(items.map((item) => item.thread.id)).size).toBeGreaterThanOrEqual(20);
    }
  });

  it('has multi-message threads: follow-ups, earlier brand replies and answers to them', () => {
    for (const seed of SEEDS) {
      const byThread = groupBy(generateItems(seed, EPOCH, 400), (item) => item.thread.id);
      const directions = byThread.map((items) => items.map((item) => item.direction).join(' '));
      expect(directions.filter((d) => d.startsWith('in in')).length).toBeGreaterThan(3);
      expect(directions.filter((d) => d.includes('in out in')).length).toBeGreaterThan(3);
      expect(directions.filter((d) => d.endsWith('out')).length).toBeGreaterThan(3);
    }
  });
});

describe('generateItems: a realistic 400-item backfill', () => {
  for (const seed of SEEDS) {
    describe(`seed ${seed}`, () => {
      const items = generateItems(seed, EPOCH, 400);
      const texts = inbound(items).map((item) => item.text);
      const threads = [...new Map(items.map((item) => [item.thread.id, item])).values()];

      it('mixes English, Russian and Polish about 50/25/25, with native names', () => {
        const share = (lang: string) => threads.filter((item) => item.author.lang === lang).length / threads.length;
        expect(share('en')).toBeGreaterThan(0.35);
        expect(share('en')).toBeLessThan(0.65);
        for (const lang of ['ru', 'pl']) {
          expect(share(lang)).toBeGreaterThan(0.12);
          expect(share(lang)).toBeLessThan(0.38);
        }
        const names = (lang: string) => inbound(items).filter((item) => item.author.lang === lang).map((item) => item.author.name);
        expect(names('ru').every((name) => /^[а-яё]+ [а-яё]+\.?$/iu.test(name))).toBe(true);
        expect(names('pl').some((name) => /[ąćęłńóśźż]/i.test(name))).toBe(true);
        expect(inbound(items).every((item) => /^@[a-z0-9._]+$/.test(item.author.handle))).toBe(true);
      });

      it('has every kind, star ratings from both ends, and several commenters under one post', () => {
        expect(new Set(threads.map((item) => item.thread.kind))).toEqual(new Set(['dm', 'comment', 'mention', 'review']));
        const ratings = threads.flatMap((item) => (item.thread.rating ? [item.thread.rating] : []));
        expect(ratings.some((rating) => rating <= 2)).toBe(true);
        expect(ratings.some((rating) => rating >= 4)).toBe(true);
        const commentsPerPost = groupBy(
          threads.filter((item) => item.thread.kind === 'comment'),
          (item) => item.thread.title,
        );
        expect(Math.max(...commentsPerPost.map((list) => list.length))).toBeGreaterThanOrEqual(2);
      });

      it('words reviews consistently with their rating', () => {
        const reviews = inbound(items).filter((item) => item.thread.kind === 'review');
        for (const review of reviews.filter((item) => item.thread.rating! >= 4)) expect(review.text).not.toMatch(/!!!|😡|🤬|👎/u);
        for (const review of reviews.filter((item) => item.thread.rating! <= 2)) expect(review.text).not.toMatch(/😍|🎉|❤️/u);
      });

      it('rarely repeats a text', () => {
        expect(new Set(texts).size).toBeGreaterThan(texts.length * 0.9);
      });

      it('has long messages of 2,000–6,000 characters, and nothing longer', () => {
        expect(texts.some((text) => text.length >= 2000)).toBe(true);
        expect(Math.max(...items.map((item) => item.text.length))).toBeLessThanOrEqual(6000);
      });

      it('has messages carrying email addresses and phone numbers', () => {
        expect(texts.some((text) => /[a-z0-9._]+@[a-z0-9-]+\.[a-z]{2,}/.test(text))).toBe(true);
        expect(texts.some((text) => /\+48 \d|\+7 \d|8 \(9\d\d\)|\(555\) 0\d\d-\d{4}|555-01\d\d-\d{4}|\b5\d\d \d{3} \d{3}\b/.test(text))).toBe(true);
      });

      it('has hostile content: markup, a right-to-left override, zero-width characters', () => {
        expect(texts.some((text) => text.includes('<img src=x onerror='))).toBe(true);
        expect(texts.some((text) => text.includes('<script>'))).toBe(true);
        expect(texts.some((text) => text.includes('\u202E'))).toBe(true);
        expect(texts.some((text) => /\u200B|\u200D|\uFEFF/.test(text))).toBe(true);
      });

      it('has emoji, shouting and typos', () => {
        expect(texts.filter((text) => /\p{Extended_Pictographic}/u.test(text)).length).toBeGreaterThan(10);
        expect(texts.some((text) => text.includes('!!!'))).toBe(true);
        expect(texts.some((text) => /\p{Lu}{4,}/u.test(text) && text === text.toUpperCase())).toBe(true);
        expectTypos(texts);
      });
    });
  }
});

/**
 * Typos, checked against the corpus: a word the corpus cannot produce must be
 * one slip (swap, drop, double) away from one it can, and such words appear
 * in a modest share of messages.
 */
function expectTypos(texts: string[]): void {
  const vocabulary = corpusVocabulary();
  const clean = texts.filter((text) => !/<|\u202E|\u200B|\u200D|\uFEFF/.test(text));
  const unknown = clean.map((text) => words(text.replace(/\S*@\S*/g, ' ')).filter((word) => !vocabulary.has(word)));
  const withTypos = unknown.filter((list) => list.length > 0).length / clean.length;
  expect(withTypos).toBeGreaterThan(0.03);
  expect(withTypos).toBeLessThan(0.35);
  for (const word of unknown.flat()) expect([...vocabulary].some((known) => oneSlipApart(word, known)), word).toBe(true);
}

function words(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

function corpusVocabulary(): Set<string> {
  const vocabulary = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const variant of [1, 2]) {
        const expanded = value.replace(/\{g:([^|}]*)\|([^}]*)\}/g, (_m, masculine: string, feminine: string) => (variant === 1 ? masculine : feminine));
        for (const word of words(expanded.replace(/\{\w+\}/g, ' '))) vocabulary.add(word);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  for (const corpus of Object.values(CORPUS)) {
    visit(corpus);
    for (let count = 1; count <= 21; count++) visit(corpus.days(count));
    // Surnames are stored as "masculine/feminine".
    for (const surname of corpus.people.surnames) visit(surname.split('/'));
  }
  return vocabulary;
}

/** Damerau–Levenshtein distance of at most 1, restricted to what addTypo does. */
function oneSlipApart(word: string, known: string): boolean {
  if (Math.abs(word.length - known.length) > 1 || word === known) return false;
  const [shorter, longer] = word.length < known.length ? [word, known] : [known, word];
  if (shorter.length !== longer.length) {
    for (let i = 0; i < longer.length; i++) if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
    return false;
  }
  const diff = [...word].flatMap((char, i) => (char === known[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && word[diff[0]!] === known[diff[1]!] && word[diff[1]!] === known[diff[0]!];
}
