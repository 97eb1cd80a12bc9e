import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mapped } from '../../../../main/engine/platforms/quarantine';
import { mapIgComments, mapMessages, mapPageComments } from '../../../../main/engine/platforms/meta/mapper';
import { parseThreadId } from '../../../../main/engine/platforms/meta/threads';
import { WireConversation } from '../../../../main/engine/platforms/meta/wire';
import { instagramComments, instagramMessages, messengerMessages, pageComments } from '../../../fixtures/meta/graph';
import { confused, cutJson } from '../hostile-kit';

const owner = { ids: new Set(['104000000000001', '17841405322384532']) };

describe('Meta node ids', () => {
  it('refuses ids that would leave their URL path segment, from the wire and in thread ids', () => {
    const at = '2026-11-20T14:03:11+0000';
    expect(WireConversation.safeParse({ id: 't_10161049219470542', updated_time: at }).success).toBe(true);
    for (const id of ['..', '.', 'a/b', '', 'me?fields=x', 'x'.repeat(129)]) {
      expect(WireConversation.safeParse({ id, updated_time: at }).success).toBe(false);
      expect(parseThreadId(`messenger:${id}`)).toBeNull();
    }
    expect(parseThreadId('page_comment:876543210123456_1122334455667788')).toEqual({ surface: 'page_comment', graphId: '876543210123456_1122334455667788' });
  });
});

describe('Meta mapper on the reference examples', () => {
  it('maps Messenger messages to DM items, the Page\'s own as outbound', () => {
    const { items, quarantined } = mapMessages(messengerMessages.data, 'messenger', 't_10161049219470542', owner);
    expect(quarantined).toEqual([]);
    expect(items).toEqual([
      {
        platformId: messengerMessages.data[0]!.id,
        thread: { platformId: 'messenger:t_10161049219470542', kind: 'dm', title: '', rating: null },
        author: { platformId: '2580001234567890', name: 'Anna Kowalska', handle: '' },
        lang: null,
        body: 'Hi, my order #4471 has not arrived yet.',
        createdAt: Date.UTC(2026, 10, 20, 14, 3, 11),
        direction: 'in',
        visibility: 'private',
      },
      expect.objectContaining({ direction: 'out', body: 'Thanks for your order!', createdAt: Date.UTC(2026, 10, 19, 8, 40, 52) }),
    ]);
  });

  it('maps Instagram messages with the username as name and handle', () => {
    const { items } = mapMessages(instagramMessages.data, 'instagram', 'aWdf1', owner);
    expect(items[0]).toMatchObject({ thread: { platformId: 'instagram:aWdf1', kind: 'dm' }, author: { platformId: '6789012345678901', name: 'jan.nowak', handle: '@jan.nowak' }, direction: 'in' });
  });

  it('puts a Page comment reply in its top-level comment\'s thread, titled with the post', () => {
    const { items } = mapPageComments(pageComments.data, 'Our new autumn blend is here', owner);
    expect(items.map((item) => [item.thread.platformId, item.direction, item.visibility])).toEqual([
      ['page_comment:876543210123456_1122334455667788', 'in', 'public'],
      ['page_comment:876543210123456_1122334455667788', 'out', 'public'],
    ]);
    expect(items[0]!.thread).toMatchObject({ kind: 'comment', title: 'Our new autumn blend is here' });
  });

  it('maps Instagram comments and their replies edge into one thread', () => {
    const { items } = mapIgComments(instagramComments.data, 'Latte art', owner);
    expect(items.map((item) => [item.platformId, item.thread.platformId, item.direction])).toEqual([
      ['17870913679156914', 'ig_comment:17870913679156914', 'in'],
      ['17873440459141021', 'ig_comment:17870913679156914', 'out'],
    ]);
  });

  it('quarantines a malformed item with its error and keeps the rest of the page', () => {
    const broken = { ...messengerMessages.data[0], created_time: 'yesterday', from: 42 };
    const { items, quarantined } = mapMessages([broken, messengerMessages.data[1]], 'messenger', 't_1', owner);
    expect(items.map((item) => item.body)).toEqual(['Thanks for your order!']);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.error).toMatch(/created_time: not a Graph time/);
    expect(quarantined[0]!.error).toMatch(/from: /);
    expect(JSON.parse(quarantined[0]!.payload)).toEqual(broken);
  });

  it('bounds an oversized quarantined payload', () => {
    const huge = { id: 'm_1', message: 'x'.repeat(300_000) };
    const { quarantined } = mapMessages([huge], 'messenger', 't_1', owner);
    expect(quarantined[0]!.payload.length).toBeLessThanOrEqual(64 * 1024 + 1);
  });
});

/** Every raw entry ends up either mapped (as one or more items) or quarantined, never thrown. */
function accountedFor(raw: readonly unknown[], run: () => Mapped): void {
  const mapped = run();
  for (const item of mapped.items) {
    expect(Number.isFinite(item.createdAt)).toBe(true);
    expect(typeof item.body).toBe('string');
    expect(item.thread.platformId).toMatch(/^(messenger|instagram|page_comment|ig_comment):/);
  }
  expect(mapped.items.length + mapped.quarantined.length).toBeGreaterThanOrEqual(raw.length);
}

/** An example with one field replaced by anything: type confusion, truncation, nesting. */
const confusedAnyhow = (example: Record<string, unknown>) => confused(example, fc.anything({ maxDepth: 3 }));

const oversized = fc.constantFrom(200_000, 1_000_000).map((length) => ({ ...messengerMessages.data[0], message: 'ą'.repeat(length) }));

function hostile(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(fc.anything({ maxDepth: 4 }), confusedAnyhow(example), cutJson(example), fc.constant(example), oversized);
}

describe('Meta mapper properties', () => {
  it('never throws on malformed, truncated, oversized or type-confused messages', () => {
    fc.assert(
      fc.property(fc.array(hostile(messengerMessages.data[0]!), { maxLength: 8 }), (raw) => accountedFor(raw, () => mapMessages(raw, 'messenger', 't_1', owner))),
      { numRuns: 300 },
    );
  });

  it('never throws on hostile Page comments', () => {
    fc.assert(fc.property(fc.array(hostile(pageComments.data[1]!), { maxLength: 8 }), (raw) => accountedFor(raw, () => mapPageComments(raw, 'post', owner))), { numRuns: 300 });
  });

  it('never throws on hostile Instagram comments, their replies edge included', () => {
    const withHostileReplies = fc.array(hostile(instagramComments.data[0]!.replies.data[0]!), { maxLength: 4 }).map((replies) => ({ ...instagramComments.data[0], replies: { data: replies } }));
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile(instagramComments.data[0]!), withHostileReplies), { maxLength: 6 }), (raw) => accountedFor(raw, () => mapIgComments(raw, 'caption', owner))),
      { numRuns: 300 },
    );
  });

  it('keeps valid items intact whatever garbage surrounds them', () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }), fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }), (before, after) => {
        const { items } = mapMessages([...before, messengerMessages.data[0], ...after], 'messenger', 't_1', owner);
        expect(items.filter((item) => item.platformId === messengerMessages.data[0]!.id)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
