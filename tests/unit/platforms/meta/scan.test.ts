import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InboundItem } from '../../../../main/engine/inbox/ingest';
import { CLOCK_MARGIN_MS, decodeScanCursor, encodeScanCursor, scanStep, type ScanSource } from '../../../../main/engine/platforms/meta/scan';
import { PlatformError } from '../../../../main/engine/platforms/types';
import { message } from '../../helpers/inbound';

/**
 * An in-memory list paged by offset like Graph's edges. Ordered by activity
 * (conversations), its order changes between and during scan steps: the case
 * where a conversation bumped mid-scan jumps over the page being read. Ordered
 * by creation (posts, media), new parents appear at the top and push the rest down.
 */
interface Listed {
  id: string;
  updated: number;
}

class ShiftingConversations implements ScanSource<Listed> {
  clock = 0;
  private readonly messages = new Map<string, InboundItem[]>();
  /** Events to apply right after the next list page is served, i.e. in the middle of a scan. */
  midScan: string[] = [];
  private serial = 0;

  constructor(
    private readonly pageSize: number,
    readonly listedBy: 'activity' | 'creation' = 'activity',
  ) {}

  write(conversation: string): void {
    this.clock += 10 * 60_000;
    const list = this.messages.get(conversation) ?? [];
    list.push(message(conversation, `#${++this.serial}`, this.clock, { platformId: `${conversation}-${this.serial}` }));
    this.messages.set(conversation, list);
  }

  all(): string[] {
    return [...this.messages.values()].flat().map((item) => item.platformId);
  }

  activityOf(parent: Listed): number {
    return parent.updated;
  }

  async listParents(after: string | null) {
    const key = (list: InboundItem[]) => (this.listedBy === 'activity' ? list.at(-1)! : list[0]!).createdAt;
    const ordered = [...this.messages.entries()].map(([id, list]) => ({ id, updated: key(list) })).sort((a, b) => b.updated - a.updated || b.id.localeCompare(a.id));
    const start = after === null ? 0 : Number(after);
    const parents = ordered.slice(start, start + this.pageSize);
    const end = start + parents.length;
    const serverTime = this.clock;
    for (const conversation of this.midScan.splice(0)) this.write(conversation);
    return { parents, quarantined: [], after: end < ordered.length ? String(end) : null, serverTime };
  }

  async readChildren(parent: Listed, floor: number) {
    return { items: (this.messages.get(parent.id) ?? []).filter((item) => item.createdAt >= floor), quarantined: [] };
  }
}

const signal = new AbortController().signal;
const start = { floor: 0, now: 0 };

type Event = { kind: 'write' | 'write_mid_scan'; conversation: string } | { kind: 'step' };

const event: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constantFrom('write' as const, 'write_mid_scan' as const), conversation: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
  fc.constant({ kind: 'step' as const }),
);

describe('Meta scan cursor', () => {
  it.each(['activity', 'creation'] as const)('delivers every item at least once from a list ordered by %s that changes between and during scan steps', async (listedBy) => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), async (events, pageSize) => {
        const source = new ShiftingConversations(pageSize, listedBy);
        const delivered = new Set<string>();
        let cursor: string | null = null;
        const step = async () => {
          const result = await scanStep(source, cursor, start, signal);
          for (const item of result.mapped.items) delivered.add(item.platformId);
          cursor = result.cursor;
        };
        for (const next of events) {
          if (next.kind === 'write') source.write(next.conversation);
          else if (next.kind === 'write_mid_scan') source.midScan.push(next.conversation);
          else await step();
        }
        // Quiet now: time passes and the stream keeps polling, as the scheduler does.
        for (let polls = 0; polls < 40; polls++) {
          source.clock += CLOCK_MARGIN_MS + 1;
          await step();
        }
        expect([...delivered].sort()).toEqual(source.all().sort());
      }),
      { numRuns: 300 },
    );
  });

  it('stops re-reading once caught up: a quiet stream lists one page and reads no conversation', async () => {
    const source = new ShiftingConversations(2);
    for (const conversation of ['a', 'b', 'c', 'd', 'e']) source.write(conversation);
    let cursor: string | null = null;
    for (let polls = 0; polls < 10; polls++) {
      source.clock += CLOCK_MARGIN_MS + 1;
      cursor = (await scanStep(source, cursor, start, signal)).cursor;
    }
    source.clock += CLOCK_MARGIN_MS + 1;
    const quiet = await scanStep(source, cursor, start, signal);
    expect(quiet.mapped.items).toEqual([]);
    expect(quiet.hasMore).toBe(false);
  });

  it('refuses a cursor it did not write with cursor_invalid, so the scheduler starts over', async () => {
    const source = new ShiftingConversations(2);
    for (const text of ['', 'not-base64!', Buffer.from('{"v":2}').toString('base64url'), encodeScanCursor({ v: 1, w: 1, f: 1 }).slice(0, -2)]) {
      const error = await scanStep(source, text, start, signal).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PlatformError);
      expect((error as PlatformError).kind).toBe('cursor_invalid');
    }
    expect(decodeScanCursor(encodeScanCursor({ v: 1, w: 5, f: 3 }))).toEqual({ v: 1, w: 5, f: 3 });
  });
});

describe('Meta scan cursor, expired paging cursor', () => {
  it('restarts the scan in progress from the first page when Graph refuses its paging cursor, keeping the floor', async () => {
    const source = new ShiftingConversations(1);
    for (const conversation of ['a', 'b', 'c']) source.write(conversation);
    const first = await scanStep(source, null, start, signal);
    expect(first.hasMore).toBe(true);
    const expired = encodeScanCursor({ ...decodeScanCursor(first.cursor), scan: { t: 0, after: 'expired', pages: 1 } });
    const refusing: ScanSource<Listed> = {
      listedBy: 'activity',
      activityOf: (parent) => parent.updated,
      readChildren: (parent, floor) => source.readChildren(parent, floor),
      listParents: (after) => (after === 'expired' ? Promise.reject(new PlatformError('refused', '(#100) Invalid cursor')) : source.listParents(after)),
    };
    const restarted = await scanStep(refusing, expired, start, signal);
    expect(restarted.mapped.items.map((item) => item.body)).toEqual(['#3']);
    expect(decodeScanCursor(restarted.cursor)).toMatchObject({ f: 0, scan: { pages: 1, after: '1' } });
  });
});
