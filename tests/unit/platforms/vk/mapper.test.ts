import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidFor, parseThreadId, randomIdFor, dmThreadId, wallThreadId } from '../../../../main/engine/platforms/vk/ids';
import { inWindow, mapComments, mapEvents } from '../../../../main/engine/platforms/vk/mapper';
import { WireMessageNew, WireMessageReply, WirePost } from '../../../../main/engine/platforms/vk/wire';
import { GROUP_ID, longPollAnswer, wallGet, wallGetComments } from '../../../fixtures/vk/api';
import { anything, damaged, truncated } from '../hostile-kit';

const community = { groupId: GROUP_ID };
const post = WirePost.parse(wallGet.response.items[0]);
const everything = { since: 0, firstScan: true };

/** Shrinking 100k-character strings would take minutes on a shared machine: report the first counterexample as found. */
const PROPERTY_RUNS = { numRuns: 200, endOnFailure: true };

const events = longPollAnswer.updates;
const comments = wallGetComments.response.items;
const eventPaths = [['type'], ['group_id'], ['object'], ['object', 'message'], ['object', 'message', 'text'], ['object', 'message', 'peer_id'], ['object', 'message', 'from_id'], ['object', 'message', 'date'], ['object', 'message', 'conversation_message_id'], ['object', 'message', 'attachments'], ['object', 'text'], ['object', 'out']];
const commentPaths = [['id'], ['from_id'], ['date'], ['text'], ['parents_stack'], ['thread'], ['thread', 'items'], ['thread', 'count'], ['attachments'], ['deleted']];

describe('VK mapper on the reference-shaped long poll answer', () => {
  const mapped = mapEvents(events, community);

  it('maps message_new as the customer writing and message_reply as the community answering, in one DM thread', () => {
    expect(mapped.quarantined).toEqual([]);
    expect(mapped.items.map((item) => [item.platformId, item.direction, item.body])).toEqual([
      ['msg:501234567_41', 'in', 'Здравствуйте! Где мой заказ 10452?'],
      ['msg:501234567_42', 'in', '[photo]'],
      ['msg:501234567_43', 'out', 'Добрый день! Заказ передан курьеру.'],
    ]);
    expect(mapped.items[0]).toMatchObject({
      thread: { platformId: 'dm:501234567', kind: 'dm', title: '', rating: null },
      author: { platformId: '501234567', name: '', handle: 'id501234567' },
      createdAt: 1764400000 * 1000,
      visibility: 'private',
      lang: null,
    });
    expect(mapped.items[2]!.author).toEqual({ platformId: String(-GROUP_ID), name: '', handle: `club${GROUP_ID}` });
  });

  it('skips event types it does not map, and messages with neither text nor media', () => {
    const service = structuredClone(events[0]!) as { object: { message: { text: string; attachments: unknown[] } } };
    service.object.message.text = '';
    expect(mapEvents([events[3], events[4], service], community)).toEqual({ items: [], quarantined: [] });
  });

  it('quarantines a message event that does not parse, with its error, and maps the rest', () => {
    const broken = structuredClone(events[0]!) as { object: { message: Record<string, unknown> } };
    broken.object.message.peer_id = 'five';
    const result = mapEvents([broken, events[2]], community);
    expect(result.items.map((item) => item.platformId)).toEqual(['msg:501234567_43']);
    expect(result.quarantined).toHaveLength(1);
    expect(result.quarantined[0]!.error).toMatch(/object\.message\.peer_id/);
    expect(JSON.parse(result.quarantined[0]!.payload)).toEqual(broken);
  });
});

describe('VK mapper on the reference-shaped comments', () => {
  it('makes each top-level comment a thread that its replies join; the community’s own replies are outbound', () => {
    const mapped = mapComments(comments, post, community, everything);
    expect(mapped.quarantined).toEqual([]);
    expect(mapped.items.map((item) => [item.platformId, item.thread.platformId, item.direction, item.body])).toEqual([
      [`wc:${-GROUP_ID}_81`, `wall:${-GROUP_ID}_77_81`, 'in', 'А в Гданьске будет?'],
      [`wc:${-GROUP_ID}_82`, `wall:${-GROUP_ID}_77_81`, 'out', 'Да, с понедельника.'],
      [`wc:${-GROUP_ID}_84`, `wall:${-GROUP_ID}_77_81`, 'in', 'Спасибо!'],
      [`wc:${-GROUP_ID}_79`, `wall:${-GROUP_ID}_77_79`, 'in', '[sticker]'],
    ]);
    expect(mapped.items[0]).toMatchObject({ thread: { kind: 'comment', title: 'Осенний купаж уже в кофейнях!' }, visibility: 'public', createdAt: 1764390000 * 1000 });
    expect(mapped.latest).toBe(1764391200);
  });

  it('delivers only what is in the window, and quarantines an old malformed comment only on the first scan', () => {
    const since = 1764390600;
    const later = mapComments(comments, post, community, { since, firstScan: false });
    expect(later.items.map((item) => item.platformId)).toEqual([`wc:${-GROUP_ID}_82`, `wc:${-GROUP_ID}_84`]);
    const broken = { ...comments[1], text: 42 };
    expect(mapComments([broken], post, community, { since: 0, firstScan: true }).quarantined).toHaveLength(1);
    expect(mapComments([broken], post, community, { since: 1764380000, firstScan: false }).quarantined).toEqual([]);
    expect(inWindow(null, { since, firstScan: false }, true)).toBe(false);
  });

  it('skips a deleted comment but keeps its replies', () => {
    const deleted = { ...comments[0], deleted: true, text: '' };
    const mapped = mapComments([deleted], post, community, everything);
    expect(mapped.items.map((item) => item.platformId)).toEqual([`wc:${-GROUP_ID}_82`, `wc:${-GROUP_ID}_84`]);
  });
});

describe('VK mappers on hostile payloads', () => {
  const hostileEvents = fc.array(fc.oneof(anything, damaged(events, eventPaths), truncated(events), fc.constantFrom(...events)), { maxLength: 12 });
  const hostileComments = fc.array(fc.oneof(anything, damaged(comments, commentPaths), truncated(comments), fc.constantFrom(...comments)), { maxLength: 8 });

  it('never throw, and every event is mapped, skipped or quarantined — never two of these', () => {
    fc.assert(
      fc.property(hostileEvents, (raw) => {
        const mapped = mapEvents(raw, community);
        expect(mapped.items.length + mapped.quarantined.length).toBeLessThanOrEqual(raw.length);
        for (const item of mapped.items) {
          expect(item.body.length).toBeLessThanOrEqual(100_000);
          expect(Number.isSafeInteger(item.createdAt)).toBe(true);
          expect(parseThreadId(item.thread.platformId)).not.toBeNull();
        }
        for (const entry of mapped.quarantined) expect(entry.error.length).toBeGreaterThan(0);
      }),
      PROPERTY_RUNS,
    );
  });

  it('quarantine a damaged message event exactly when it no longer parses, bounding what is kept', () => {
    fc.assert(
      fc.property(damaged(events.slice(0, 3), eventPaths), (raw) => {
        const mapped = mapEvents([raw], community);
        const type = (raw as { type?: unknown }).type;
        const schema = type === 'message_reply' ? WireMessageReply : WireMessageNew;
        // An event whose type is not a readable string is not known to be another type: it is quarantined.
        const otherType = typeof type === 'string' && type.length <= 200 && type !== 'message_new' && type !== 'message_reply';
        expect(mapped.quarantined).toHaveLength(!otherType && !schema.safeParse(raw).success ? 1 : 0);
        for (const entry of mapped.quarantined) expect(entry.payload.length).toBeLessThanOrEqual(64 * 1024 + 1);
      }),
      PROPERTY_RUNS,
    );
  });

  it('never throw on comments, and keep every item’s thread inside the post it came from', () => {
    fc.assert(
      fc.property(hostileComments, (raw) => {
        const mapped = mapComments(raw, post, community, everything);
        for (const item of mapped.items) {
          const thread = parseThreadId(item.thread.platformId);
          expect(thread).toMatchObject({ kind: 'wall', ownerId: post.owner_id, postId: post.id });
        }
        for (const entry of mapped.quarantined) expect(entry.error.length).toBeGreaterThan(0);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('VK ids', () => {
  it('round-trips thread ids and refuses anything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }).filter((n) => n !== 0), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), (peer, postId, comment) => {
        expect(parseThreadId(dmThreadId(peer))).toEqual({ kind: 'dm', peerId: peer });
        expect(parseThreadId(wallThreadId(-Math.abs(peer), postId, comment))).toEqual({ kind: 'wall', ownerId: -Math.abs(peer), postId, commentId: comment });
      }),
    );
    for (const bad of ['', 'dm:', 'dm:0', 'dm:1.5', 'messenger:1', 'wall:1_2', 'wall:-1_0_3', `dm:${'9'.repeat(20)}`]) expect(parseThreadId(bad)).toBeNull();
  });

  it('derives one random_id (a non-zero integer of up to 53 bits) and one guid per outbox key, the same on every retry', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (key) => {
        const id = randomIdFor(key);
        expect(Number.isSafeInteger(id) && id > 0).toBe(true);
        expect(randomIdFor(key)).toBe(id);
        expect(guidFor(key)).toMatch(/^[0-9a-f]{32}$/);
        expect(guidFor(key)).toBe(guidFor(key));
      }),
    );
    expect(randomIdFor('01JDX0000000000000000000A1')).not.toBe(randomIdFor('01JDX0000000000000000000A2'));
    // The range is used: over many keys, ids well beyond 32 bits appear (a 32-bit id would collide within VK's whole-history check).
    const ids = Array.from({ length: 200 }, (_, i) => randomIdFor(`row-${i}`));
    expect(ids.filter((id) => id > 2 ** 40).length).toBeGreaterThan(150);
    expect(new Set(ids).size).toBe(200);
    expect(guidFor('01JDX0000000000000000000A1')).not.toBe(guidFor('01JDX0000000000000000000A2'));
  });
});
