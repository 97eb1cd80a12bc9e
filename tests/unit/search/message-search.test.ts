import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../../shared/domain';
import { FILTERED_RANK_WINDOW, RANK_WINDOW, RECENT_SCAN } from '../../../main/engine/search/message-search';
import { indexIsConsistent, message, reply } from '../helpers/inbound';
import { NOW, searchWorkspace } from './workspace';

const DAY = 86_400_000;
const bodies = (result: { hits: { snippet: string }[] }) => result.hits.map((h) => h.snippet.replace(/[\uE000\uE001]/gu, ''));

describe('search: words', () => {
  it('finds words across languages, ignoring diacritics, with the match marked', () => {
    const { ingest, find } = searchWorkspace();
    ingest([
      message('t1', 'Zamówienie przyszło uszkodzone, proszę o zwrot', 1, { lang: 'pl' }),
      message('t2', 'Где мой заказ? Жду уже неделю', 2, { lang: 'ru' }),
      message('t3', 'Where is my parcel?', 3),
    ]);
    expect(find('uszkodzone').hits.map((h) => h.contactName)).toEqual(['Customer t1']);
    const [unaccented] = find('zamowienie').hits;
    expect(unaccented!.snippet).toBe(`${S}Zamówienie${E} przyszło uszkodzone, proszę o zwrot`);
    expect(find('заказ').hits.map((h) => h.contactName)).toEqual(['Customer t2']);
    expect(find('parcel').hits[0]).toMatchObject({
      contactName: 'Customer t3',
      contactHandle: '@t3',
      platform: 'sandbox',
      kind: 'dm',
      status: 'open',
      snippet: `Where is my ${S}parcel${E}?`,
      createdAt: 3,
    });
  });

  it('ANDs words, keeps quoted phrases together and matches the last word as a prefix while typing', () => {
    const { ingest, find } = searchWorkspace();
    ingest([message('t1', 'refund please, wrong size', 1), message('t2', 'size is wrong, refund', 2), message('t3', 'refund only', 3)]);
    expect(bodies(find('refund wrong'))).toEqual(['size is wrong, refund', 'refund please, wrong size']);
    expect(bodies(find('"wrong size"'))).toEqual(['refund please, wrong size']);
    expect(find('refu').hits).toHaveLength(3);
    expect(find('refu ').hits).toHaveLength(0);
    expect(find('"wrong siz').hits).toHaveLength(1);
  });

  it('needs three letters before a word matches as a prefix', () => {
    const { ingest, find } = searchWorkspace();
    ingest([message('t1', 'delivery', 1), message('t2', 'de facto', 2)]);
    expect(bodies(find('de'))).toEqual(['de facto']);
    expect(bodies(find('del'))).toEqual(['delivery']);
  });

  it('ranks the best match first when there are few', () => {
    const { ingest, find } = searchWorkspace();
    ingest([
      message('t1', 'the kettle', 1),
      message('t2', 'a long message about many things that mentions the kettle once among other words', 2),
      message('t3', 'kettle kettle kettle', 3),
    ]);
    expect(bodies(find('kettle '))).toEqual(['kettle kettle kettle', 'the kettle', '…that mentions the kettle once among other words']);
  });

  it('lists a word that fills the ranking window newest first, and still expands a prefix when the whole word is rare', () => {
    const { ingest, find } = searchWorkspace();
    const many = Array.from({ length: RANK_WINDOW + 10 }, (_, i) => message(`t${i % 50}`, i % 2 ? `order ${i}` : `order order order ${i}`, 1000 + i));
    ingest([message('t0', 'orders pending', 1), message('t0', 'ordered twice', 2), ...many]);
    const { hits } = find('order', 5);
    expect(hits.map((h) => h.createdAt)).toEqual([1000 + RANK_WINDOW + 9, 1000 + RANK_WINDOW + 8, 1000 + RANK_WINDOW + 7, 1000 + RANK_WINDOW + 6, 1000 + RANK_WINDOW + 5]);
    expect(bodies(find('ordere'))).toEqual(['ordered twice']);
  });
});

describe('search: contacts', () => {
  it('finds a customer by name or handle although no message says it', () => {
    const { ingest, find } = searchWorkspace();
    ingest([
      message('t1', 'Is my parcel on its way?', 1, { author: { platformId: 'jk', name: 'Jan Kowalski', handle: '@jan_k' } }),
      reply('t1', 'It is, tracking number attached', 2),
      message('t2', 'Where is my refund?', 3),
    ]);
    const { hits } = find('Kowalski');
    expect(hits.map((h) => [h.contactName, h.contactHandle, h.snippet])).toEqual([['Jan Kowalski', '@jan_k', 'Is my parcel on its way?']]);
    expect(find('jan_k').hits).toHaveLength(1);
    // a word in the name and a word in the message, in the same query
    expect(bodies(find('kowalski parcel'))).toEqual(['Is my parcel on its way?']);
    // our reply is listed under the customer it answers
    expect(find('tracking').hits.map((h) => h.contactName)).toEqual(['Jan Kowalski']);
  });

  it('narrows to an author with from:, by name or handle prefix, quoted or with @', () => {
    const { ingest, find } = searchWorkspace();
    ingest([
      message('t1', 'refund please', 1, { author: { platformId: 'a', name: 'Anna Kowalska', handle: '@anna_k' } }),
      message('t2', 'refund now', 2, { author: { platformId: 'b', name: 'Annabel Lee', handle: '@bel' } }),
      message('t3', 'refund for Anna', 3, { author: { platformId: 'c', name: 'Piotr Nowak', handle: '@piotr' } }),
      reply('t1', 'refund sent to Anna', 4),
    ]);
    expect(bodies(find('from:anna refund')).sort()).toEqual(['refund now', 'refund please']);
    expect(bodies(find('from:"Anna Kow"'))).toEqual(['refund please']);
    expect(bodies(find('from:@anna_k'))).toEqual(['refund please']);
    expect(bodies(find('from:ANNA from:piotr refund ')).sort()).toEqual(['refund for Anna', 'refund now', 'refund please']);
  });

  it('keeps the index in step when a contact is renamed or deleted', () => {
    const { db, ingest, find } = searchWorkspace();
    ingest([message('t1', 'hello', 1, { author: { platformId: 'p', name: 'Old Name', handle: '@old' } })]);
    ingest([message('t1', 'again', 2, { author: { platformId: 'p', name: 'New Name', handle: '@new' } })]);
    indexIsConsistent(db);
    expect(find('old').hits).toHaveLength(0);
    expect(find('from:new').hits).toHaveLength(2);

    db.prepare("UPDATE messages SET body = 'changed' WHERE body = 'hello'").run();
    db.prepare('DELETE FROM contacts').run();
    indexIsConsistent(db);
    expect(find('from:new').hits).toHaveLength(0);
    expect(bodies(find('changed'))).toEqual(['changed']);
    db.prepare('DELETE FROM messages').run();
    indexIsConsistent(db);
  });
});

describe('search: filters', () => {
  function filtered() {
    const w = searchWorkspace();
    w.ingest([message('t1', 'refund for the kettle', NOW - 10 * DAY, { lang: 'en' }), message('t2', 'refund za czajnik', NOW - 2 * DAY, { lang: 'pl' })], 'facebook');
    w.ingest([message('t3', 'refund чайник', NOW - DAY, { lang: 'ru' })], 'vk');
    const conversation = (thread: string) => w.db.prepare<[string], string>('SELECT id FROM conversations WHERE platform_id = ?').pluck().get(thread)!;
    w.db.prepare("UPDATE conversations SET status = 'closed' WHERE id = ?").run(conversation('t2'));
    w.db.prepare("INSERT INTO tags (id, name, color) VALUES ('tag-vip', 'VIP', 'red')").run();
    w.db.prepare("INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, 'tag-vip')").run(conversation('t3'));
    return w;
  }

  it.each([
    ['refund platform:facebook', ['refund za czajnik', 'refund for the kettle']],
    ['refund platform:vk,facebook', ['refund чайник', 'refund za czajnik', 'refund for the kettle']],
    ['refund status:closed', ['refund za czajnik']],
    ['refund status:needs_reply', ['refund чайник', 'refund for the kettle']],
    ['refund tag:vip', ['refund чайник']],
    ['refund lang:pl lang:ru', ['refund чайник', 'refund za czajnik']],
    ['refund after:2025-06-13', ['refund чайник', 'refund za czajnik']],
    ['refund before:3d', ['refund for the kettle']],
    ['refund after:2025-06-01 before:today platform:facebook lang:en', ['refund for the kettle']],
    // filters alone: newest first
    ['platform:facebook', ['refund za czajnik', 'refund for the kettle']],
    ['tag:VIP', ['refund чайник']],
    ['status:open after:7d', ['refund чайник']],
  ])('%s', (query, expected) => {
    const { find } = filtered();
    const result = find(query);
    expect(result.ignored).toEqual([]);
    expect(bodies(result)).toEqual(expected);
  });

  it('reports filters it cannot use, including a tag that does not exist, and runs the rest', () => {
    const { find } = filtered();
    const result = find('refund tag:nosuch platform:myspace colour:red status:open');
    expect(result.ignored).toEqual([
      { token: 'platform:myspace', reason: 'bad_value' },
      { token: 'colour:red', reason: 'unknown_filter' },
      { token: 'tag:nosuch', reason: 'bad_value' },
    ]);
    expect(bodies(result)).toEqual(['refund чайник', 'refund for the kettle']);
  });

  it('finds nothing, rather than everything, when nothing usable is left', () => {
    const { find } = filtered();
    expect(find('')).toEqual({ hits: [], ignored: [] });
    expect(find('platform:myspace')).toEqual({ hits: [], ignored: [{ token: 'platform:myspace', reason: 'bad_value' }] });
  });

  it("finds a narrow filter's messages however far back they are", () => {
    const { db, ingest, find } = searchWorkspace();
    ingest([message('old', 'the tagged one', 1), ...Array.from({ length: RECENT_SCAN + 10 }, (_, i) => message(`t${i % 100}`, `later ${i}`, 2 + i))]);
    db.prepare("INSERT INTO tags (id, name, color) VALUES ('tag-x', 'x', 'red')").run();
    db.prepare("INSERT INTO conversation_tags (conversation_id, tag_id) SELECT id, 'tag-x' FROM conversations WHERE platform_id = 'old'").run();
    expect(bodies(find('tag:x'))).toEqual(['the tagged one']);
    expect(find('platform:sandbox', 3).hits.map((h) => h.createdAt)).toEqual([RECENT_SCAN + 11, RECENT_SCAN + 10, RECENT_SCAN + 9]);
  });

  it('lists a filtered word newest first once it fills the smaller filtered window', () => {
    const { ingest, find } = searchWorkspace();
    ingest(Array.from({ length: FILTERED_RANK_WINDOW + 1 }, (_, i) => message(`t${i % 10}`, i === 0 ? 'refund refund refund' : `refund ${i}`, 1 + i, { lang: 'pl' })));
    expect(find('refund lang:pl', 2).hits.map((h) => h.createdAt)).toEqual([FILTERED_RANK_WINDOW + 1, FILTERED_RANK_WINDOW]);
  });

  it('respects the limit', () => {
    const { find } = filtered();
    expect(find('refund', 2).hits).toHaveLength(2);
    expect(find('platform:facebook,vk', 1).hits).toHaveLength(1);
  });
});

describe('search: hostile input', () => {
  const hostile = [
    '"',
    '"unbalanced',
    'NEAR(a b)',
    'a OR b',
    'NOT ordinary',
    'AND',
    '*',
    'ordin*',
    '^ordinary',
    '-ordinary',
    'body:ordinary',
    'who:x',
    '{body who}: ordinary',
    '(((',
    "'; DROP TABLE messages; --",
    '\u0000',
    '!!! ??? ...',
    '😀🎉',
    '\u202Eordinary\u202C',
    'ordi\u200Bnary',
    'from:"',
    'tag:"\'; DROP TABLE tags; --"',
    'platform:__proto__',
    `${'x'.repeat(499)}"`,
    'ordinary '.repeat(55),
    '"a '.repeat(166),
    'from:'.repeat(100),
  ];

  it.each(hostile)('answers %j without an error, as plain text', (query) => {
    const { ingest, db, find } = searchWorkspace();
    ingest([message('t1', 'ordinary text', 1)]);
    expect(() => find(query)).not.toThrow();
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1);
  });

  it('searches operators as words', () => {
    const { ingest, find } = searchWorkspace();
    ingest([message('t1', 'this AND that', 1), message('t2', 'this or that', 2)]);
    expect(bodies(find('this AND that '))).toEqual(['this AND that']);
    expect(bodies(find('NOT ordinary')).length).toBe(0);
    expect(find('\u202Eordinary\u202C ordi\u200Bnary').hits).toHaveLength(0);
  });

  it('survives random input', () => {
    const { ingest, find } = searchWorkspace();
    ingest([message('t1', 'ordinary text "quoted" (paren) *star* from:x', 1)]);
    const alphabet = ['"', '(', ')', '*', '^', ':', '-', '+', '{', '}', ' ', 'a', 'OR', 'NEAR', 'from', 'tag', 'after', '\u200B', 'я', '😀', ',', '\\', "'", '@'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let i = 0; i < 300; i++) {
      const query = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      expect(() => find(query), query).not.toThrow();
    }
  });
});
