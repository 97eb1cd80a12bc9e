import { describe, expect, it } from 'vitest';
import { generateItems, startSandbox } from '../../../main/engine/platforms/sandbox/fake';
import { WireError, WireItem, WireMe, WirePublished, WireReply } from '../../../main/engine/platforms/sandbox/wire';
import { EPOCH, call, openSandbox, page, postJson, postReply } from './harness';

describe('sandbox server: basics', () => {
  it('listens on 127.0.0.1 and answers /v1/me with the brand, without CORS headers', async () => {
    const sandbox = await openSandbox();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = await call(sandbox, '/v1/me', { headers: { origin: 'https://evil.example' } });
    expect(me.status).toBe(200);
    expect(WireMe.parse(me.body)).toEqual({ id: 'brand', name: 'Northwind Goods', handle: '@northwind' });
    expect([...me.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('answers unknown routes with 404 and wrong methods with 405, as WireErrors', async () => {
    const sandbox = await openSandbox();
    const missing = await call(sandbox, '/v2/nothing');
    expect(missing.status).toBe(404);
    expect(WireError.parse(missing.body).error.code).toBe('not_found');
    const wrong = await call(sandbox, '/v1/updates', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('rejects invalid options', async () => {
    await expect(startSandbox({ seed: -1 })).rejects.toThrow(RangeError);
    await expect(startSandbox({ seed: 1, liveIntervalMs: 0 })).rejects.toThrow(/liveIntervalMs/);
  });

  it('close() ends promptly even with a request still waiting on injected latency', async () => {
    const sandbox = await startSandbox({ seed: 3, backfill: 5 });
    await postJson(sandbox, '/_sandbox/faults', { route: 'updates', latency_ms: 60_000 });
    const pending = fetch(`${sandbox.url}/v1/updates`).then(
      () => 'answered',
      () => 'aborted',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = sandbox.close().then(() => 'closed');
    const deadline = new Promise((resolve) => setTimeout(() => resolve('timed out'), 10_000).unref());
    expect(await Promise.race([closed, deadline])).toBe('closed');
    expect(await pending).toBe('aborted');
  });
});

describe('sandbox server: the feed', () => {
  it('pages through the backfill with cursors, every item exactly once and in order', async () => {
    const sandbox = await openSandbox({ seed: 11, backfill: 400 });
    const seen: WireItem[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (; pages < 100; pages++) {
      const next = await page(sandbox, `?limit=7${cursor ? `&after=${cursor}` : ''}`);
      expect(next.total).toBe(400);
      seen.push(...next.updates);
      cursor = next.cursor;
      if (!next.has_more) break;
    }
    expect(pages).toBe(Math.ceil(400 / 7) - 1);
    // Served as generated, each customer comment saying whether it is hidden (none is here).
    const comment = (item: WireItem) => item.direction === 'in' && item.thread.kind === 'comment';
    expect(seen).toEqual(generateItems(11, EPOCH, 400).map((item) => (comment(item) ? { ...item, hidden: false } : item)));

    const after = await page(sandbox, `?after=${cursor}`);
    expect(after).toEqual({ updates: [], cursor, has_more: false, total: 400, remaining: 0 });
  });

  it('returns 100 items by default, from the start when no cursor is given', async () => {
    const sandbox = await openSandbox({ backfill: 150 });
    const first = await page(sandbox);
    expect(first.updates).toHaveLength(100);
    expect(first.has_more).toBe(true);
    expect(first.updates[0]!.id).toBe(generateItems(42, EPOCH, 1)[0]!.id);
  });

  it('rejects malformed cursors and limits with 400', async () => {
    const sandbox = await openSandbox({ backfill: 10 });
    const bigger = await openSandbox({ backfill: 20 });
    const foreign = (await page(bigger, '?limit=20')).cursor;
    for (const query of ['?after=garbage', '?after=', `?after=${foreign}`, '?limit=0', '?limit=201', '?limit=abc', '?limit=1.5', '?limit=-3']) {
      const answer = await call(sandbox, `/v1/updates${query}`);
      expect(answer.status, query).toBe(400);
      expect(WireError.parse(answer.body).error.code).toMatch(/^invalid_(cursor|limit)$/);
    }
  });

  it('makes live items available as the clock passes the epoch, without timers', async () => {
    let clock = EPOCH - 5_000;
    const sandbox = await openSandbox({ backfill: 10, liveIntervalMs: 1_000, now: () => clock });
    const start = await page(sandbox);
    expect(start.total).toBe(10);

    clock = EPOCH + 3_500;
    const live = await page(sandbox, `?after=${start.cursor}`);
    expect(live.total).toBe(13);
    expect(live.updates.map((item) => item.created_at)).toEqual([1, 2, 3].map((n) => new Date(EPOCH + n * 1_000).toISOString()));
    expect(live.updates.every((item) => item.direction === 'in')).toBe(true);

    clock = EPOCH + 3_999;
    expect((await page(sandbox, `?after=${live.cursor}`)).updates).toEqual([]);
  });

  it('appends emitted items now, continuing the same deterministic sequence', async () => {
    const clock = EPOCH + 60_000;
    const a = await openSandbox({ backfill: 10, now: () => clock });
    const b = await openSandbox({ backfill: 10, now: () => clock });

    const emitted = await postJson(a, '/_sandbox/emit', { count: 3 });
    expect(emitted.status).toBe(200);
    const items = (emitted.body as { emitted: unknown[] }).emitted.map((item) => WireItem.parse(item));
    expect(items).toHaveLength(3);
    expect(items.every((item) => item.created_at === new Date(clock).toISOString() && item.direction === 'in')).toBe(true);
    expect(a.emit(2)).toHaveLength(2);

    expect(b.emit(3)).toEqual(items);
    const feed = await page(a);
    expect(feed.total).toBe(15);
    expect(feed.updates.slice(10, 13)).toEqual(items);

    for (const count of [0, 1001, 'x', 2.5]) expect((await postJson(a, '/_sandbox/emit', { count })).status).toBe(400);
    expect(() => a.emit(0)).toThrow();
  });
});

describe('sandbox server: replies', () => {
  async function withThread() {
    const sandbox = await openSandbox({ now: () => EPOCH + 1_000 });
    const thread = (await page(sandbox, '?limit=1')).updates[0]!.thread;
    return { sandbox, thread };
  }

  it('publishes once per idempotency key: 201, then 200 replayed with the same reply and attempts counted', async () => {
    const { sandbox, thread } = await withThread();
    const first = await postReply(sandbox, thread.id, 'key-1', 'Hi, sorry about that!');
    expect(first.status).toBe(201);
    const reply = WireReply.parse(first.body);
    expect(reply).toMatchObject({ thread_id: thread.id, text: 'Hi, sorry about that!', visibility: 'public', idempotency_key: 'key-1' });
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const again = await postReply(sandbox, thread.id, 'key-1', 'Hi, sorry about that!');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(WireReply.parse(again.body)).toEqual(reply);

    expect(sandbox.published()).toEqual([{ ...reply, attempts: 2 }]);
    const control = await call(sandbox, '/_sandbox/published');
    expect((control.body as { published: unknown[] }).published.map((p) => WirePublished.parse(p))).toEqual([{ ...reply, attempts: 2 }]);
    const listed = await call(sandbox, `/v1/threads/${thread.id}/replies`);
    expect(listed.body).toEqual({ replies: [reply] });
  });

  it('shows a published reply in the feed as the brand’s outbound item of that thread', async () => {
    const { sandbox, thread } = await withThread();
    const before = await page(sandbox, '?limit=200');
    const reply = WireReply.parse((await postReply(sandbox, thread.id, 'k', 'We are on it.', 'private')).body);
    const after = await page(sandbox, `?after=${before.cursor}`);
    expect(after.updates).toEqual([
      {
        id: reply.id,
        thread,
        author: expect.objectContaining({ id: 'brand', handle: '@northwind' }) as unknown,
        text: 'We are on it.',
        created_at: new Date(EPOCH + 1_000).toISOString(),
        direction: 'out',
        visibility: 'private',
      },
    ]);
    expect(after.total).toBe(before.total + 1);
  });

  it('answers 422 when a key is reused for a different reply, and publishes nothing new', async () => {
    const { sandbox, thread } = await withThread();
    await postReply(sandbox, thread.id, 'key-1', 'First text');
    const conflict = await postReply(sandbox, thread.id, 'key-1', 'Second text');
    expect(conflict.status).toBe(422);
    expect(WireError.parse(conflict.body).error.code).toBe('idempotency_key_reused');
    expect(sandbox.published().map((p) => p.text)).toEqual(['First text']);
  });

  it('answers 400 for a missing or oversized key, an invalid body and malformed JSON; 413 for a huge body', async () => {
    const { sandbox, thread } = await withThread();
    const path = `/v1/threads/${thread.id}/replies`;
    const cases: [string, Promise<{ status: number; body: unknown }>, number, string][] = [
      ['no key', postJson(sandbox, path, { text: 'x', visibility: 'public' }), 400, 'invalid_idempotency_key'],
      ['long key', postReply(sandbox, thread.id, 'k'.repeat(65), 'x'), 400, 'invalid_idempotency_key'],
      ['empty text', postReply(sandbox, thread.id, 'a', ''), 400, 'invalid_body'],
      ['bad visibility', postJson(sandbox, path, { text: 'x', visibility: 'secret' }, { 'idempotency-key': 'b' }), 400, 'invalid_body'],
      ['not JSON', call(sandbox, path, { method: 'POST', headers: { 'idempotency-key': 'c' }, body: '{"text": ' }), 400, 'invalid_json'],
      ['too big', postReply(sandbox, thread.id, 'd', 'x'.repeat(70 * 1024)), 413, 'payload_too_large'],
    ];
    for (const [name, request, status, code] of cases) {
      const answer = await request;
      expect(answer.status, name).toBe(status);
      expect(WireError.parse(answer.body).error.code, name).toBe(code);
    }
    const invalid = await postReply(sandbox, thread.id, 'e', '');
    expect(WireError.parse(invalid.body).error.message).toMatch(/text/);
    expect(sandbox.published()).toEqual([]);
  });

  it('answers 404 for an unknown thread', async () => {
    const { sandbox } = await withThread();
    expect((await postReply(sandbox, 'no-such-thread', 'k', 'Hello')).status).toBe(404);
    expect((await call(sandbox, '/v1/threads/no-such-thread/replies')).status).toBe(404);
    expect((await call(sandbox, '/v1/threads/%E0%A4%A/replies')).status).toBe(404);
    expect(sandbox.published()).toEqual([]);
  });
});
