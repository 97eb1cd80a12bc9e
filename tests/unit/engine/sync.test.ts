import { describe, expect, it } from 'vitest';
import type { Connector, UpdatesPage } from '../../../main/engine/platforms/types';
import { mapItems } from '../../../main/engine/platforms/sandbox/mapper';
import { QUARANTINE_PREVIEW_CHARS } from '../../../shared/domain';
import { newDataDir, sandbox, startEngine, waitForConversations } from '../helpers/engine';

function messageCount(run: ReturnType<typeof startEngine>): number {
  return run.engine.db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
}

describe('sync', () => {
  it('backfills everything the platform holds, showing progress, then picks up new items without a restart', async () => {
    const platform = await sandbox({ backfill: 450 });
    const run = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    await expect.poll(() => run.eventsNamed('sync.progress').at(-1)?.done, { timeout: 10_000 }).toBe(true);
    expect(messageCount(run)).toBe(450);
    const progress = run.eventsNamed('sync.progress');
    expect(progress.length).toBeGreaterThanOrEqual(3); // 450 items in pages of 200
    expect(progress.map((p) => p.fetched)).toEqual([...progress.map((p) => p.fetched)].sort((x, y) => x - y));
    expect(progress[0]!.total).toBe(450);
    expect(run.eventsNamed('connectivity.changed').map((e) => e.connectivity)).toContain('syncing');
    expect((await run.client.call('app.status', {})).connectivity).toBe('online');

    const changedBefore = run.eventsNamed('inbox.changed').length;
    const emitted = platform.emit(3);
    await expect.poll(() => messageCount(run), { timeout: 10_000 }).toBe(453);
    expect(run.eventsNamed('inbox.changed').length).toBeGreaterThan(changedBefore);
    const ids = run.eventsNamed('inbox.changed').flatMap((e) => e.conversationIds);
    expect(ids.length).toBeGreaterThan(0);
    expect(emitted).toHaveLength(3);
  });

  it('resumes from its stored cursor after a restart without duplicating anything', async () => {
    const dataDir = newDataDir();
    const platform = await sandbox({ backfill: 120 });
    const a = startEngine(dataDir, { demoSandboxUrl: platform.url });
    await waitForConversations(a.client, 1);
    await expect.poll(() => messageCount(a), { timeout: 10_000 }).toBe(120);
    await a.close();
    platform.emit(5);
    const b = startEngine(dataDir, { demoSandboxUrl: platform.url });
    await expect.poll(() => messageCount(b), { timeout: 10_000 }).toBe(125);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messageCount(b)).toBe(125);
  });

  it('backs off on failures, stores the next attempt time, and recovers', async () => {
    const platform = await sandbox({ backfill: 30 });
    await fetch(`${platform.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'updates', fail: { status: 503, count: 3 } }),
    });
    const run = startEngine(newDataDir(), { demoSandboxUrl: platform.url, backoff: { baseMs: 100, maxMs: 1_000 } });
    const state = () => run.engine.db.prepare('SELECT failures, backoff_until AS backoffUntil, last_error AS lastError, cursor FROM sync_state').get() as
      | { failures: number; backoffUntil: number | null; lastError: string | null; cursor: string | null }
      | undefined;
    await expect.poll(() => state()?.failures ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(state()!.backoffUntil).toBeGreaterThan(0);
    expect(state()!.lastError).toBeTruthy();
    await expect.poll(() => messageCount(run), { timeout: 10_000 }).toBe(30);
    expect(state()).toMatchObject({ failures: 0, backoffUntil: null, lastError: null });
  });

  it('honours Retry-After on a rate-limited poll', async () => {
    const platform = await sandbox({ backfill: 10 });
    await fetch(`${platform.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'updates', rate_limit: { retry_after_s: 120, count: 1 } }),
    });
    const before = Date.now();
    const run = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    await expect
      .poll(() => run.engine.db.prepare('SELECT backoff_until FROM sync_state').pluck().get() as number | undefined, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before + 120_000);
    expect(messageCount(run)).toBe(0);
  });

  it('quarantines a malformed item with its error and ingests the rest of the page', async () => {
    const valid = {
      id: 'm1',
      thread: { id: 't1', kind: 'dm', title: '' },
      author: { id: 'u1', name: 'Ola', handle: '@ola', lang: 'pl' },
      text: 'Dzień dobry',
      created_at: '2026-11-01T10:00:00.000Z',
      direction: 'in',
      visibility: 'private',
    };
    const malformed = [{ ...valid, id: 'm2', created_at: 'yesterday' }, { ...valid, id: 'm3', thread: null }, 'just a string', { ...valid, id: 'm4', text: 'x'.repeat(100_001) }];
    const mapped = mapItems([valid, ...malformed]);
    expect(mapped.items.map((i) => i.platformId)).toEqual(['m1']);
    expect(mapped.quarantined).toHaveLength(4);
    expect(mapped.quarantined[0]!.error).toMatch(/created_at/);

    let served = false;
    const connector: Connector = {
      streams: ['updates'],
      dedupesSends: true,
      verify: () => Promise.reject(new Error('not used')),
      fetchUpdates: async (): Promise<UpdatesPage> => {
        const page = served ? { items: [], quarantined: [] } : mapped;
        served = true;
        return { ...page, cursor: 'c1', hasMore: false, remaining: 0 };
      },
      sendReply: () => Promise.reject(new Error('not used')),
    };
    const run = startEngine(newDataDir(), { demoSandboxUrl: 'http://127.0.0.1:9', connectorFor: () => connector });
    await expect.poll(() => messageCount(run), { timeout: 10_000 }).toBe(1);
    expect(run.engine.db.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(4);
    expect(run.engine.db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe('c1');

    // The diagnostics view shows them, newest first, each with its reason and a preview cut to what the screen needs.
    const { streams, quarantine } = await run.client.call('diagnostics.get', { limit: 3 });
    expect(streams).toMatchObject([{ stream: 'updates', platform: 'sandbox', positioned: true, failures: 0, lastError: null }]);
    expect(quarantine.total).toBe(4);
    expect(quarantine.items.map((item) => item.payloadLength > item.payload.length)).toEqual([true, false, false]);
    expect(quarantine.items[0]).toMatchObject({ stream: 'updates', payload: expect.stringMatching(/^\{"id":"m4"/) });
    expect(quarantine.items[0]!.payload.length).toBe(QUARANTINE_PREVIEW_CHARS);
    expect(quarantine.items[2]!.error).toMatch(/thread/);
  });
});
