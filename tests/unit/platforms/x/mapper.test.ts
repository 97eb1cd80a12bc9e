import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../main/engine/platforms/types';
import { parseThreadId } from '../../../../main/engine/platforms/x/ids';
import type { Mapped } from '../../../../main/engine/platforms/quarantine';
import { mapDmEvents, mapMentions, usersById } from '../../../../main/engine/platforms/x/mapper';
import { decodeCursor, encodeCursor, scanStep } from '../../../../main/engine/platforms/x/scan';
import { WireDmEvent, WireTweet } from '../../../../main/engine/platforms/x/wire';
import { ANNA, BRAND, PIOTR, dmEvents, mentions } from '../../../fixtures/x/api';
import { anything, confused, cutJson } from '../hostile-kit';

const users = usersById(mentions.includes.users);

describe('X thread ids', () => {
  it('reads back what it writes and refuses anything that could leave its URL path segment', () => {
    expect(parseThreadId(`mention:2123779188061110273/${ANNA.id}`)).toEqual({ kind: 'mention', tweetId: '2123779188061110273', authorId: ANNA.id });
    expect(parseThreadId(`dm:${ANNA.id}-${BRAND.id}`)).toEqual({ kind: 'dm', conversationId: `${ANNA.id}-${BRAND.id}` });
    expect(parseThreadId('dm:1582838223000000000')).toEqual({ kind: 'dm', conversationId: '1582838223000000000' });
    for (const id of ['dm:..', 'dm:1/../../2/tweets', 'mention:0/1', 'mention:1/2/3', 'mention:99999999999999999999/1', 'messenger:t_1', 'dm:', '']) {
      expect(parseThreadId(id)).toBeNull();
    }
  });
});

describe('X mapper on the reference examples', () => {
  it('maps mentions to public mention threads with the author from includes, links expanded and entities unescaped', () => {
    const { items, quarantined } = mapMentions(mentions.data, users, BRAND.id);
    expect(quarantined).toEqual([]);
    expect(items[0]).toEqual({
      platformId: '2123779188061110273',
      thread: { platformId: `mention:2123779188061110273/${ANNA.id}`, kind: 'mention', title: '', rating: null },
      author: { platformId: ANNA.id, name: 'Anna Kowalska', handle: '@anna_k' },
      lang: null,
      body: '@northwindcoffee my order #4471 still has not arrived & nobody answers https://example.com/orders/4471',
      createdAt: Date.UTC(2026, 10, 20, 14, 3, 11),
      direction: 'in',
      visibility: 'public',
    });
    expect(items[1]).toMatchObject({ author: { platformId: PIOTR.id, handle: '@piotrz' }, thread: { platformId: `mention:2123773362172854279/${PIOTR.id}` } });
  });

  it('maps DM events in both directions and skips events that carry no message', () => {
    const { items, quarantined } = mapDmEvents(dmEvents.data, usersById(dmEvents.includes.users), BRAND.id);
    expect(quarantined).toEqual([]);
    expect(items.map((item) => [item.platformId, item.thread.platformId, item.direction, item.visibility, item.author.handle])).toEqual([
      ['2123783420113846276', `dm:${ANNA.id}-${BRAND.id}`, 'in', 'private', '@anna_k'],
      ['2123780903531446274', `dm:${ANNA.id}-${BRAND.id}`, 'out', 'private', '@northwindcoffee'],
    ]);
  });

  it('reads a long post whole from note_tweet, with its own links', () => {
    const long = `${'a'.repeat(300)} https://t.co/longlink01 &lt;3`;
    const tweet = { ...mentions.data[1], text: long.slice(0, 280), note_tweet: { text: long, entities: { urls: [{ start: 301, end: 324, url: 'https://t.co/longlink01', expanded_url: 'https://example.com/long' }] } } };
    expect(mapMentions([tweet], users, BRAND.id).items[0]!.body).toBe(`${'a'.repeat(300)} https://example.com/long <3`);
  });

  it('keeps an item whose author is missing from includes, under the author id', () => {
    const { items } = mapMentions(mentions.data, new Map(), BRAND.id);
    expect(items[0]!.author).toEqual({ platformId: ANNA.id, name: '', handle: '' });
  });

  it('quarantines a malformed item with its error and keeps the rest of the page', () => {
    const broken = { ...mentions.data[0], created_at: 'yesterday', author_id: 42 };
    const { items, quarantined } = mapMentions([broken, mentions.data[1]], users, BRAND.id);
    expect(items.map((item) => item.platformId)).toEqual(['2123773362172854279']);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.error).toMatch(/created_at: /);
    expect(quarantined[0]!.error).toMatch(/author_id: /);
    expect(JSON.parse(quarantined[0]!.payload)).toEqual(broken);
    const noText = { ...dmEvents.data[0], text: undefined };
    const dm = mapDmEvents([noText], users, BRAND.id);
    expect([dm.items, dm.quarantined[0]!.error]).toEqual([[], expect.stringMatching(/^text: /)]);
  });

  it('bounds an oversized quarantined payload', () => {
    const { quarantined } = mapMentions([{ id: '1', text: 'x'.repeat(300_000) }], users, BRAND.id);
    expect(quarantined[0]!.payload.length).toBeLessThanOrEqual(64 * 1024 + 1);
  });
});

/** Entries that parse but are not the customers' messages: the account's own tweets, DM events other than MessageCreate. */
function skipped(raw: readonly unknown[], kind: 'mentions' | 'dms'): number {
  return raw.filter((entry) => {
    if (kind === 'mentions') {
      const tweet = WireTweet.safeParse(entry);
      return tweet.success && tweet.data.author_id === BRAND.id;
    }
    const event = WireDmEvent.safeParse(entry);
    return event.success && event.data.event_type !== 'MessageCreate';
  }).length;
}

/** Every raw entry is mapped, quarantined or deliberately skipped — exactly one of them — and nothing throws. */
function accountedFor(raw: readonly unknown[], kind: 'mentions' | 'dms', run: () => Mapped): void {
  const mapped = run();
  for (const item of mapped.items) {
    expect(Number.isFinite(item.createdAt)).toBe(true);
    expect(typeof item.body).toBe('string');
    expect(parseThreadId(item.thread.platformId)).not.toBeNull();
  }
  expect(mapped.items.length + mapped.quarantined.length).toBe(raw.length - skipped(raw, kind));
}

/** An example with one field replaced by anything, removed, made huge, or a prototype key set. */
const confusedX = (example: Record<string, unknown>) =>
  confused(example, fc.oneof(anything, fc.constant(undefined), fc.string({ minLength: 100_001, maxLength: 100_010 }), fc.constant('9'.repeat(25)), fc.constant(-1)));

const oversized = (example: Record<string, unknown>) => fc.constantFrom(200_000, 1_000_000).map((length) => ({ ...example, text: 'ą'.repeat(length) }));

function hostile(examples: readonly Record<string, unknown>[]): fc.Arbitrary<unknown> {
  const example = fc.constantFrom(...examples);
  return fc.oneof(anything, example.chain(confusedX), example.chain(cutJson), example, example.chain(oversized));
}

describe('X mapper properties', () => {
  it('never throws on malformed, truncated, oversized or type-confused mentions', () => {
    fc.assert(fc.property(fc.array(hostile(mentions.data), { maxLength: 8 }), (raw) => accountedFor(raw, 'mentions', () => mapMentions(raw, users, BRAND.id))), { numRuns: 200 });
  });

  it('never throws on hostile DM events', () => {
    fc.assert(fc.property(fc.array(hostile(dmEvents.data), { maxLength: 8 }), (raw) => accountedFor(raw, 'dms', () => mapDmEvents(raw, users, BRAND.id))), { numRuns: 200 });
  });

  it('never throws on hostile includes.users, and keeps only users that parse', () => {
    fc.assert(
      fc.property(fc.array(hostile([ANNA, PIOTR]), { maxLength: 6 }), (raw) => {
        for (const [id, user] of usersById(raw)) expect(user.id).toBe(id);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps valid items intact whatever garbage surrounds them', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 5 }), fc.array(anything, { maxLength: 5 }), (before, after) => {
        const { items } = mapMentions([...before, mentions.data[0], ...after], users, BRAND.id);
        expect(items.filter((item) => item.platformId === mentions.data[0]!.id)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('X scan cursor', () => {
  const page = { raw: mentions.data as unknown[], next: null };
  const map = (raw: unknown[]) => mapMentions(raw, users, BRAND.id);

  it('refuses any cursor it did not write as cursor_invalid, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), anything.map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url'))), async (text) => {
        const outcome = await scanStep(async () => page, map, text).then(
          () => 'read',
          (error: unknown) => (error instanceof PlatformError ? error.kind : 'threw'),
        );
        expect(['read', 'cursor_invalid']).toContain(outcome);
      }),
      { numRuns: 300 },
    );
  });

  it('delivers only what is above `since` and moves it to the newest id when the scan ends', async () => {
    const since = '2123773362172854279';
    const step = await scanStep(async () => page, map, encodeCursor({ v: 1, since }));
    expect(step.mapped.items.map((item) => item.platformId)).toEqual(['2123779188061110273']);
    expect([step.hasMore, decodeCursor(step.cursor)]).toEqual([false, { v: 1, since: '2123779188061110273' }]);
  });
});
