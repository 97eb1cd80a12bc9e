import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseThreadId, threadId } from '../../../../main/engine/platforms/telegram/ids';
import { mapUpdates } from '../../../../main/engine/platforms/telegram/mapper';
import { fixture } from './harness';
import { anything, damaged, truncated } from './hostile';

const updates = fixture.getUpdates.response.result;

describe('Telegram mapper on the reference-shaped updates', () => {
  const mapped = mapUpdates(updates);

  it('acknowledges every update it read, including the ones it skips', () => {
    expect(mapped.nextOffset).toBe(871234009);
    expect(mapped.quarantined).toEqual([]);
  });

  it('makes a private chat one DM conversation, with the caption or text as the body', () => {
    const dm = mapped.items.filter((item) => item.thread.platformId === '311245678');
    expect(dm.map((item) => [item.platformId, item.body])).toEqual([
      ['311245678/52', 'Dzień dobry, gdzie jest moje zamówienie 10452? /status'],
      ['311245678/53', 'The box arrived like this'],
    ]);
    expect(dm[0]).toMatchObject({
      thread: { kind: 'dm', title: '', rating: null },
      author: { platformId: '311245678', name: 'Anna Kowalska', handle: '@anna_k' },
      createdAt: 1764400000 * 1000,
      direction: 'in',
      visibility: 'private',
      lang: null,
    });
  });

  it('anchors a group message on itself, and a reply on the message it answers', () => {
    const group = mapped.items.filter((item) => item.thread.kind === 'comment');
    expect(group.map((item) => [item.platformId, item.thread.platformId])).toEqual([
      ['-1001987654321/1204', '-1001987654321/1204'],
      ['-1001987654321/1210', '-1001987654321/1207'],
      ['-1001987654321/1211', '-1001987654321/1211'],
    ]);
    expect(group[0]).toMatchObject({ thread: { title: 'Northwind Customers' }, visibility: 'public', author: { name: 'Ivan', handle: '@ivan_p' } });
  });

  it('names an anonymous admin by the chat they speak for', () => {
    expect(mapped.items.find((item) => item.platformId === '-1001987654321/1211')?.author).toEqual({
      platformId: '-1001987654321',
      name: 'Northwind Customers',
      handle: '@northwind_chat',
    });
  });

  it('skips service messages, edits and other update types', () => {
    expect(mapped.items.map((item) => item.platformId)).not.toContain('-1001987654321/1212');
    expect(mapped.items).toHaveLength(5);
  });

  it('marks media without a caption by its kind', () => {
    const photo = { ...updates[1]!, message: { ...(updates[1]!.message as object), caption: undefined } };
    expect(mapUpdates([photo]).items[0]?.body).toBe('[photo]');
  });
});

describe('Telegram thread ids', () => {
  it('round-trip chats and anchors', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { nil: null }), (chatId, replyTo) => {
        const id = threadId({ chatId, replyTo });
        if (String(chatId).replace('-', '').length > 16) return; // beyond what Telegram issues (52 bits)
        expect(parseThreadId(id)).toEqual({ chatId, replyTo });
      }),
    );
  });

  it('refuse what threadId did not make', () => {
    for (const bad of ['', 'abc', '12/0', '12/-3', '1/2/3', ' 12', '12/', '0x1f', '99999999999999999']) expect(parseThreadId(bad)).toBeNull();
  });
});

describe('Telegram mapper on hostile input', () => {
  it('never throws, and accounts for every update: mapped, skipped or quarantined', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anything, damaged, truncated), { maxLength: 30 }), (page) => {
        const { items, quarantined, nextOffset } = mapUpdates(page);
        expect(items.length + quarantined.length).toBeLessThanOrEqual(page.length);
        for (const item of items) {
          expect(Number.isFinite(item.createdAt)).toBe(true);
          expect(parseThreadId(item.thread.platformId)).not.toBeNull();
          expect(item.body.length).toBeLessThanOrEqual(100_000);
        }
        for (const entry of quarantined) {
          expect(entry.error.length).toBeGreaterThan(0);
          expect(entry.payload.length).toBeLessThanOrEqual(64 * 1024 + 1);
        }
        if (nextOffset !== null) expect(Number.isSafeInteger(nextOffset)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('quarantines a damaged update with its error yet still acknowledges it by its id', () => {
    fc.assert(
      fc.property(damaged, (update) => {
        const { items, quarantined, nextOffset } = mapUpdates([update]);
        if (quarantined.length === 1) {
          expect(items).toEqual([]);
          expect(JSON.parse(quarantined[0]!.payload.endsWith('…') ? '{}' : quarantined[0]!.payload)).toBeTypeOf('object');
        }
        if (Number.isSafeInteger(update.update_id) && (update.update_id as number) >= 0) expect(nextOffset).toBe((update.update_id as number) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('quarantines an oversized text instead of storing it', () => {
    const huge = { ...updates[0]!, message: { ...(updates[0]!.message as object), text: 'x'.repeat(100_001) } };
    const { items, quarantined, nextOffset } = mapUpdates([huge]);
    expect(items).toEqual([]);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.error).toMatch(/^message\.text:/);
    expect(quarantined[0]!.payload.length).toBe(64 * 1024 + 1);
    expect(nextOffset).toBe(871234002);
  });

  it('keeps a payload that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = { update_id: 5 };
    cyclic.message = cyclic;
    const { quarantined, nextOffset } = mapUpdates([cyclic]);
    expect(quarantined).toEqual([{ payload: '[object Object]', error: expect.stringMatching(/^message/) }]);
    expect(nextOffset).toBe(6);
  });
});
