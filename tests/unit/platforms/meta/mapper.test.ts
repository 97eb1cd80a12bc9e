import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mapped } from '../../../../main/engine/platforms/quarantine';
import { mapIgComments, mapMessages, mapPageComments } from '../../../../main/engine/platforms/meta/mapper';
import { parseThreadId } from '../../../../main/engine/platforms/meta/threads';
import { WireConversation } from '../../../../main/engine/platforms/meta/wire';
import { hiddenInstagramComment, hiddenPageComment, instagramComments, instagramMessages, messengerMessages, pageComments } from '../../../fixtures/meta/graph';
import { confused, cutJson, damaged } from '../hostile-kit';

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

  it('carries the hidden flag of Page comments (is_hidden) and Instagram comments and replies (hidden); DMs have none', () => {
    const page = mapPageComments([...pageComments.data, hiddenPageComment], 'post', owner);
    expect(page.items.map((item) => [item.platformId, item.hidden])).toEqual([
      [pageComments.data[0]!.id, false],
      [pageComments.data[1]!.id, false],
      [hiddenPageComment.id, true],
    ]);
    const instagram = mapIgComments([...instagramComments.data, hiddenInstagramComment], 'caption', owner);
    expect(instagram.items.map((item) => item.hidden)).toEqual([false, false, true, true]);
    // Not asked for, or not said: no state is claimed, so sync leaves the stored one alone.
    const { is_hidden: _flag, ...unsaid } = hiddenPageComment;
    expect(mapPageComments([unsaid], 'post', owner).items[0]!.hidden).toBeUndefined();
    expect(mapMessages(messengerMessages.data, 'messenger', 't_1', owner).items.every((item) => item.hidden === undefined)).toBe(true);
  });

  it('quarantines a comment whose hidden flag is not a boolean, naming the field, and keeps the rest of the page', () => {
    for (const flag of ['true', 1, null, {}, 'x'.repeat(200_000)]) {
      const page = mapPageComments([{ ...hiddenPageComment, is_hidden: flag }, pageComments.data[0]], 'post', owner);
      expect(page.items.map((item) => item.platformId)).toEqual([pageComments.data[0]!.id]);
      expect(page.quarantined).toHaveLength(1);
      expect(page.quarantined[0]!.error).toMatch(/is_hidden/);
      const reply = { ...hiddenInstagramComment.replies.data[0]!, hidden: flag };
      const instagram = mapIgComments([{ ...hiddenInstagramComment, replies: { data: [reply] } }], 'caption', owner);
      expect(instagram.items.map((item) => item.platformId)).toEqual([hiddenInstagramComment.id]);
      expect(instagram.quarantined[0]!.error).toMatch(/hidden/);
    }
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
    expect([true, false, undefined]).toContain(item.hidden);
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

  it('maps a comment with a damaged hidden flag only when the flag is a boolean or absent, and then exactly as sent', () => {
    const flags = damaged([hiddenPageComment, hiddenInstagramComment], [['is_hidden'], ['hidden']]);
    fc.assert(
      fc.property(flags, (raw) => {
        const ig = 'text' in raw;
        // Without its (undamaged) reply, so the comment is the only item.
        const { items, quarantined } = ig ? mapIgComments([{ ...raw, replies: undefined }], 'caption', owner) : mapPageComments([raw], 'post', owner);
        const flag = raw[ig ? 'hidden' : 'is_hidden'];
        if (flag === undefined || typeof flag === 'boolean') expect(items.map((item) => item.hidden)).toEqual([flag]);
        else expect([items.length, quarantined.length]).toEqual([0, 1]);
      }),
      { numRuns: 100 },
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
