import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../main/engine/platforms/sandbox/fake';
import { WireError, WireReply } from '../../../main/engine/platforms/sandbox/wire';
import { call, openSandbox, page, postJson, postReply } from './harness';

async function setFaults(sandbox: Sandbox, faults: unknown) {
  const answer = await postJson(sandbox, '/_sandbox/faults', faults);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

async function firstThreadId(sandbox: Sandbox): Promise<string> {
  return (await page(sandbox, '?limit=1')).updates[0]!.thread.id;
}

describe('sandbox faults', () => {
  it('fails exactly the next N matching requests with the status, without doing the work', async () => {
    const sandbox = await openSandbox();
    const threadId = await firstThreadId(sandbox);
    await setFaults(sandbox, { route: 'replies', fail: { status: 503, count: 2 } });

    // Reads are not on the faulted route.
    expect((await call(sandbox, '/v1/updates')).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt++) {
      const failed = await postReply(sandbox, threadId, 'key', 'Hello');
      expect(failed.status).toBe(503);
      expect(WireError.parse(failed.body).error.code).toBe('injected_failure');
      expect(sandbox.published()).toEqual([]);
    }
    const third = await postReply(sandbox, threadId, 'key', 'Hello');
    expect(third.status).toBe(201);
    expect(sandbox.published().map((p) => p.attempts)).toEqual([1]);
  });

  it('applies route "any" to both reads and reply POSTs, in request order', async () => {
    const sandbox = await openSandbox();
    const threadId = await firstThreadId(sandbox);
    await setFaults(sandbox, { fail: { status: 500, count: 2 } });
    expect((await call(sandbox, '/v1/updates')).status).toBe(500);
    expect((await postReply(sandbox, threadId, 'k', 'Hi')).status).toBe(500);
    expect((await call(sandbox, '/v1/updates')).status).toBe(200);
    expect((await postReply(sandbox, threadId, 'k', 'Hi')).status).toBe(201);
  });

  it('never faults the control endpoints or /v1/me', async () => {
    const sandbox = await openSandbox();
    await setFaults(sandbox, { fail: { status: 500, count: 5 }, drop: { count: 5 } });
    expect((await call(sandbox, '/v1/me')).status).toBe(200);
    expect((await call(sandbox, '/_sandbox/published')).status).toBe(200);
    expect((await postJson(sandbox, '/_sandbox/emit', { count: 1 })).status).toBe(200);
    const queued = (await setFaults(sandbox, {})) as { queued: { kind: string; remaining: number }[] };
    expect(queued.queued).toEqual([
      { route: 'any', kind: 'fail', remaining: 5 },
      { route: 'any', kind: 'drop', remaining: 5 },
    ]);
  });

  it('rate-limits with 429 and a Retry-After header', async () => {
    const sandbox = await openSandbox();
    await setFaults(sandbox, { route: 'updates', rate_limit: { retry_after_s: 7, count: 1 } });
    const limited = await call(sandbox, '/v1/updates');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(WireError.parse(limited.body).error.code).toBe('rate_limited');
    expect((await call(sandbox, '/v1/updates')).status).toBe(200);
  });

  it('drops the connection without an answer: fetch rejects and nothing is published', async () => {
    const sandbox = await openSandbox();
    const threadId = await firstThreadId(sandbox);
    await setFaults(sandbox, { route: 'any', drop: { count: 2 } });
    await expect(fetch(`${sandbox.url}/v1/updates`)).rejects.toThrow();
    await expect(postReply(sandbox, threadId, 'k', 'Hi')).rejects.toThrow();
    expect(sandbox.published()).toEqual([]);
    expect((await postReply(sandbox, threadId, 'k', 'Hi')).status).toBe(201);
  });

  it('commit_then_fail publishes the reply, answers 502, and a retry with the same key is replayed', async () => {
    const sandbox = await openSandbox();
    const threadId = await firstThreadId(sandbox);
    const before = await page(sandbox, '?limit=200');
    await setFaults(sandbox, { route: 'replies', commit_then_fail: { count: 1 } });

    const ambiguous = await postReply(sandbox, threadId, 'key-1', 'Sorry for the wait!');
    expect(ambiguous.status).toBe(502);
    expect(sandbox.published()).toEqual([expect.objectContaining({ idempotency_key: 'key-1', text: 'Sorry for the wait!', attempts: 1 })]);

    const retry = await postReply(sandbox, threadId, 'key-1', 'Sorry for the wait!');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(WireReply.parse(retry.body).id).toBe(sandbox.published()[0]!.id);
    expect(sandbox.published()).toHaveLength(1);
    expect(sandbox.published()[0]!.attempts).toBe(2);

    const after = await page(sandbox, `?after=${before.cursor}`);
    expect(after.updates.map((item) => [item.direction, item.text])).toEqual([['out', 'Sorry for the wait!']]);
  });

  it('delays matching requests by latency_ms until cleared; other routes are not delayed', async () => {
    const sandbox = await openSandbox();
    await setFaults(sandbox, { route: 'updates', latency_ms: 300 });
    const started = performance.now();
    expect((await call(sandbox, '/v1/updates?limit=1')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    await setFaults(sandbox, { route: 'updates', latency_ms: 60_000 });
    const controller = new AbortController();
    const slow = fetch(`${sandbox.url}/v1/updates`, { signal: controller.signal }).then(
      () => 'slow answered',
      () => 'slow aborted',
    );
    const quick = call(sandbox, '/v1/me').then(() => 'me answered');
    expect(await Promise.race([slow, quick])).toBe('me answered');

    expect((await call(sandbox, '/_sandbox/faults', { method: 'DELETE' })).status).toBe(200);
    const cleared = call(sandbox, '/v1/updates?limit=1').then((answer) => `cleared ${answer.status}`);
    expect(await Promise.race([slow, cleared])).toBe('cleared 200');
    controller.abort();
    expect(await slow).toBe('slow aborted');
  });

  it('tells what is queued with GET and clears it with DELETE', async () => {
    const sandbox = await openSandbox();
    await setFaults(sandbox, { fail: { status: 503, count: 3 } });
    await call(sandbox, '/v1/updates'); // takes one of the three
    const queued = await call(sandbox, '/_sandbox/faults');
    expect(queued.body).toEqual({ latency_ms: { updates: 0, replies: 0, moderation: 0 }, queued: [{ route: 'any', kind: 'fail', remaining: 2 }] });
    const cleared = await call(sandbox, '/_sandbox/faults', { method: 'DELETE' });
    expect(cleared.body).toEqual({ latency_ms: { updates: 0, replies: 0, moderation: 0 }, queued: [] });
    expect((await call(sandbox, '/v1/updates')).status).toBe(200);
  });

  it('rejects invalid fault bodies with 400', async () => {
    const sandbox = await openSandbox();
    const invalid = [
      { fail: { status: 404, count: 1 } },
      { route: 'everything' },
      { drop: { count: 0 } },
      { latency_ms: -1 },
      { route: 'updates', commit_then_fail: { count: 1 } },
    ];
    for (const body of invalid) {
      const answer = await postJson(sandbox, '/_sandbox/faults', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(WireError.parse(answer.body).error.code).toBe('invalid_body');
    }
    const notJson = await call(sandbox, '/_sandbox/faults', { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    expect((await call(sandbox, '/v1/updates')).status).toBe(200);
  });
});
