import { describe, expect, it } from 'vitest';
import { rankCanned } from '../../../main/engine/canned/ranking';
import type { CannedReplyWithUse } from '../../../main/engine/canned/repo';
import type { Language } from '../../../shared/domain';
import { cannedWorkspace } from './workspace';

const NOW = Date.UTC(2026, 10, 29);
const DAY = 86_400_000;

function reply(title: string, lang: Language | null, extra: Partial<CannedReplyWithUse> = {}): CannedReplyWithUse {
  return { id: title, title, body: `Body of ${title}`, lang, tags: [], shortcut: null, createdAt: 0, updatedAt: 0, lastUsedAt: null, ...extra };
}

const titles = (replies: { title: string }[]) => replies.map((r) => r.title);

describe('rankCanned', () => {
  const library = [
    reply('Refund', 'en'),
    reply('Delivery delay', 'en'),
    reply('Opóźnienie dostawy', 'pl', { shortcut: 'delay-pl' }),
    reply('Задержка доставки', 'ru'),
    reply('Thanks for a review', 'en', { body: 'We are glad the delivery was quick.' }),
  ];

  it('matches the letters of a word in order: "dely" finds "Delivery delay" first', () => {
    const ranked = rankCanned(library, { query: 'dely', lang: 'en', now: NOW });
    expect(ranked[0]?.title).toBe('Delivery delay');
    expect(titles(ranked)).not.toContain('Refund');
  });

  it('needs every word of the query, and matches the body by substring only', () => {
    expect(titles(rankCanned(library, { query: 'delivery quick', lang: 'en', now: NOW }))).toEqual(['Thanks for a review']);
    // "rfd" is in order in "Refund" but the body of another reply must not match by scattered letters.
    expect(titles(rankCanned(library, { query: 'rfd', lang: 'en', now: NOW }))).toEqual(['Refund']);
  });

  it("puts the conversation's language first, replies for any language next, other languages last", () => {
    const mixed = [reply('Sorry (en)', 'en'), reply('Sorry (any)', null), reply('Sorry (pl)', 'pl')];
    expect(titles(rankCanned(mixed, { query: 'sorry', lang: 'pl', now: NOW }))).toEqual(['Sorry (pl)', 'Sorry (any)', 'Sorry (en)']);
    expect(titles(rankCanned(mixed, { query: '', lang: 'en', now: NOW }))).toEqual(['Sorry (en)', 'Sorry (any)', 'Sorry (pl)']);
  });

  it('ignores diacritics and case: "opoznienie" finds "Opóźnienie dostawy", "ЗАДЕРЖКА" the Russian one', () => {
    expect(titles(rankCanned(library, { query: 'opoznienie', lang: 'pl', now: NOW }))).toEqual(['Opóźnienie dostawy']);
    expect(titles(rankCanned(library, { query: 'ЗАДЕРЖКА', lang: 'ru', now: NOW }))).toEqual(['Задержка доставки']);
  });

  it('prefers a shortcut match and, among equals, the reply used most recently', () => {
    expect(rankCanned(library, { query: 'delay-pl', lang: 'en', now: NOW })[0]?.title).toBe('Opóźnienie dostawy');
    const twins = [reply('Hello A', 'en', { lastUsedAt: NOW - 30 * DAY }), reply('Hello B', 'en', { lastUsedAt: NOW - DAY }), reply('Hello C', 'en')];
    expect(titles(rankCanned(twins, { query: 'hello', lang: 'en', now: NOW }))).toEqual(['Hello B', 'Hello A', 'Hello C']);
  });
});

describe('canned.list', () => {
  it('ranks through the contract, with recency from recorded uses, and honours the limit', async () => {
    const w = cannedWorkspace();
    await w.emptyLibrary();
    await w.client.call('canned.save', { title: 'Greeting one', body: 'Hi!', lang: 'en', tags: [], shortcut: null });
    const two = await w.client.call('canned.save', { title: 'Greeting two', body: 'Hello!', lang: 'en', tags: [], shortcut: null });
    const conversationId = w.conversationWith({ name: 'Anna' });
    await w.client.call('reply.send', { conversationId, clientId: 'c1', body: 'Hello!', cannedId: two.id });
    expect(titles((await w.client.call('canned.list', { query: 'greet', lang: 'en', limit: 10 })).replies)).toEqual(['Greeting two', 'Greeting one']);
    expect((await w.client.call('canned.list', { query: 'greet', limit: 1 })).replies.map((r) => r.id)).toEqual([two.id]);
  });
});
