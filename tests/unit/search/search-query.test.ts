import { describe, expect, it } from 'vitest';
import { toFtsMatch } from '../../../main/engine/search/fts-query';
import { MAX_TERMS, parseSearchQuery } from '../../../main/engine/search/search-query';

const NOW = new Date(2025, 5, 15, 14, 30).getTime(); // local time, like the parser
const DAY = 86_400_000;

const parse = (input: string) => parseSearchQuery(input, NOW);
const match = (input: string) => toFtsMatch(parse(input));

describe('search query: words and phrases', () => {
  it('ANDs words and matches the last one as a prefix while typing', () => {
    expect(match('where is my parc')).toBe('"where" AND "is" AND "my" AND "parc"*');
    expect(match('where is my parcel ')).toBe('"where" AND "is" AND "my" AND "parcel"');
  });

  it('keeps a quoted phrase together; an unclosed quote is a phrase still being typed', () => {
    expect(match('"wrong size" again')).toBe('"wrong size" AND "again"*');
    expect(match('again "wrong size"')).toBe('"again" AND "wrong size"');
    expect(match('again "wrong siz')).toBe('"again" AND "wrong siz"*');
    expect(match('again "wrong size ')).toBe('"again" AND "wrong size"');
  });

  it('keeps the words of one run together, as the index splits them', () => {
    expect(parse("don't e-mail").terms).toEqual([
      { words: ['don', 't'], prefix: false },
      { words: ['e', 'mail'], prefix: true },
    ]);
  });

  it('matches a word as a prefix from the third letter on', () => {
    expect(match('refund de')).toBe('"refund" AND "de"');
    expect(match('refund del')).toBe('"refund" AND "del"*');
    expect(match('refund ёж')).toBe('"refund" AND "ёж"');
  });

  it('lower-cases, composes accents and drops repeated terms', () => {
    expect(parse('Zamo\u0301wienie ZAMÓWIENIE zamówienie ').terms).toEqual([{ words: ['zamówienie'], prefix: false }]);
  });

  it(`uses the first ${MAX_TERMS} distinct terms of a long paste`, () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const { terms } = parse(words.join(' '));
    expect(terms.map((t) => t.words[0])).toEqual(words.slice(0, MAX_TERMS));
  });
});

describe('search query: filters', () => {
  it('reads every filter, leaving the words to search', () => {
    const { terms, filters, ignored } = parse('from:anna platform:vk status:open tag:VIP lang:ru after:2025-06-01 before:2025-06-10 refund');
    expect(ignored).toEqual([]);
    expect(terms).toEqual([{ words: ['refund'], prefix: true }]);
    expect(filters).toEqual({
      from: [{ words: ['anna'], prefix: true }],
      platforms: ['vk'],
      statuses: ['open'],
      tags: [{ name: 'VIP', token: 'tag:VIP' }],
      langs: ['ru'],
      after: new Date(2025, 5, 1).getTime(),
      before: new Date(2025, 5, 10).getTime(),
    });
  });

  it('matches from: as a prefix of the author name or handle, quoted or with @', () => {
    expect(match('from:@jan_k')).toBe('who : ("jan k")');
    expect(match('from:@jan_kow')).toBe('who : ("jan kow"*)');
    expect(match('from:"Anna Kow" refund ')).toBe('"refund" AND who : ("anna kow"*)');
    expect(match('from:anna from:bob')).toBe('who : ("anna"* OR "bob"*)');
  });

  it('widens a repeated filter, accepts comma lists, aliases and any case', () => {
    const { filters, ignored } = parse('platform:VK,twitter platform:tg status:needs_reply,Closed lang:ru lang:PL lang:ru');
    expect(ignored).toEqual([]);
    expect(filters.platforms).toEqual(['vk', 'x', 'telegram']);
    expect(filters.statuses).toEqual(['open', 'closed']);
    expect(filters.langs).toEqual(['ru', 'pl']);
  });

  it('keeps a quoted tag name whole', () => {
    expect(parse('tag:"late, again" tag:vip').filters.tags.map((t) => t.name)).toEqual(['late, again', 'vip']);
  });

  it('reports unusable values and unknown filters, and runs the rest', () => {
    const { terms, filters, ignored } = parse('platform:myspace status:urgent lang:de before:someday after:2025-02-30 from:!!! tag:"" platfrom:vk refund');
    expect(ignored).toEqual([
      { token: 'platform:myspace', reason: 'bad_value' },
      { token: 'status:urgent', reason: 'bad_value' },
      { token: 'lang:de', reason: 'bad_value' },
      { token: 'before:someday', reason: 'bad_value' },
      { token: 'after:2025-02-30', reason: 'bad_value' },
      { token: 'from:!!!', reason: 'bad_value' },
      { token: 'tag:""', reason: 'bad_value' },
      { token: 'platfrom:vk', reason: 'unknown_filter' },
    ]);
    expect(terms).toEqual([{ words: ['refund'], prefix: true }]);
    expect(filters).toMatchObject({ from: [], platforms: [], statuses: [], tags: [], langs: [], after: null, before: null });
  });

  it('uses all of a comma list or none of it', () => {
    const { filters, ignored } = parse('platform:vk,myspace');
    expect(filters.platforms).toEqual([]);
    expect(ignored).toEqual([{ token: 'platform:vk,myspace', reason: 'bad_value' }]);
  });

  it('reports a filter name with no value yet', () => {
    expect(parse('from:').ignored).toEqual([{ token: 'from:', reason: 'bad_value' }]);
    const spaced = parse('from: anna');
    expect(spaced.ignored).toEqual([{ token: 'from:', reason: 'bad_value' }]);
    expect(spaced.terms).toEqual([{ words: ['anna'], prefix: true }]);
  });

  it('treats other colons as text: times, links, "Re:"', () => {
    for (const [input, words] of [
      ['10:30', [['10', '30']]],
      ['https://shop.example/order', [['https', 'shop', 'example', 'order']]],
      ['Re: refund', [['re'], ['refund']]],
      ['при:мер', [['при', 'мер']]],
    ] as const) {
      const { terms, ignored } = parse(input);
      expect(ignored).toEqual([]);
      expect(terms.map((t) => t.words)).toEqual(words);
    }
  });

  it('reads dates in local time: after: includes the day, before: excludes it; several narrow', () => {
    const { filters } = parse('after:2025/6/1 after:2025-06-03 before:2025-06-20 before:2025-06-10');
    expect(filters.after).toBe(new Date(2025, 5, 3).getTime());
    expect(filters.before).toBe(new Date(2025, 5, 10).getTime());
  });

  it('reads relative moments: today, yesterday, hours, days, weeks', () => {
    const midnight = new Date(2025, 5, 15).getTime();
    expect(parse('after:today').filters.after).toBe(midnight);
    expect(parse('after:yesterday').filters.after).toBe(new Date(2025, 5, 14).getTime());
    expect(parse('after:12h').filters.after).toBe(NOW - 12 * 3_600_000);
    expect(parse('after:7d').filters.after).toBe(NOW - 7 * DAY);
    expect(parse('before:2w').filters.before).toBe(NOW - 14 * DAY);
  });
});

describe('search query: hostile input', () => {
  const hostile = [
    '"',
    '"""',
    'a "b',
    'NEAR(a b)',
    'a OR',
    'NOT x',
    'AND',
    '*',
    'a*b*',
    '^start',
    '-x',
    'body:x',
    'who:x',
    '{body who}: x',
    '(((',
    ')',
    "'; DROP TABLE messages; --",
    '\u0000',
    '',
    '   ',
    '!!! ??? ...',
    '😀🎉👍🏽',
    '\u202Eevil\u202C',
    'ref\u200Bund',
    'from:"',
    'platform:__proto__ status:constructor tag:toString',
    'x'.repeat(500),
    '"a '.repeat(166),
    'from:'.repeat(100),
    'a:'.repeat(250),
  ];

  it.each(hostile)('turns %j into quoted strings only', (input) => {
    const result = parse(input);
    const fts = toFtsMatch(result);
    if (fts === null) return;
    // every term is a double-quoted string with no quote inside, optionally followed by *
    const rest = fts.replace(/"[^"]+"\*?/gu, '').replace(/who : \(/gu, '').replace(/ (AND|OR) /gu, '').replace(/\)/gu, '');
    expect(rest.trim()).toBe('');
  });

  it('drops invisible characters instead of splitting a word on them', () => {
    expect(parse('ref\u200Bund\u202E').terms).toEqual([{ words: ['refund'], prefix: true }]);
  });

  it('finds nothing to search in punctuation and emoji alone', () => {
    expect(parse('!!! 😀 ---').terms).toEqual([]);
  });

  it('never takes an inherited property for a filter value', () => {
    const { filters, ignored } = parse('platform:constructor status:__proto__ lang:toString');
    expect(filters).toMatchObject({ platforms: [], statuses: [], langs: [] });
    expect(ignored.map((i) => i.reason)).toEqual(['bad_value', 'bad_value', 'bad_value']);
  });
});
