import { describe, expect, it } from 'vitest';
import { WireError, WireHidden, WireModeration } from '../../../main/engine/platforms/sandbox/wire';
import { call, openSandbox, page, postJson } from './harness';
import type { Sandbox } from '../../../main/engine/platforms/sandbox/fake';

function putHidden(sandbox: Sandbox, itemId: string, body: unknown) {
  return call(sandbox, `/v1/items/${encodeURIComponent(itemId)}/hidden`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function items(sandbox: Sandbox) {
  return (await page(sandbox, '?limit=200')).updates;
}

describe('sandbox server: hiding comments', () => {
  it('hides a customer comment and shows it again; setting the same state twice is one state with two requests', async () => {
    const sandbox = await openSandbox({ backfill: 120 });
    const comment = (await items(sandbox)).find((item) => item.direction === 'in' && item.thread.kind === 'comment')!;

    const hidden = await putHidden(sandbox, comment.id, { hidden: true });
    expect(hidden.status).toBe(200);
    expect(WireHidden.parse(hidden.body)).toEqual({ id: comment.id, hidden: true });
    expect((await putHidden(sandbox, comment.id, { hidden: true })).status).toBe(200);
    expect(sandbox.moderation()).toEqual([expect.objectContaining({ id: comment.id, hidden: true, requests: 2 })]);

    expect(WireHidden.parse((await putHidden(sandbox, comment.id, { hidden: false })).body).hidden).toBe(false);
    const record = await call(sandbox, '/_sandbox/moderation');
    const [state] = (record.body as { items: unknown[] }).items.map((item) => WireModeration.parse(item));
    expect(state).toMatchObject({ id: comment.id, hidden: false, requests: 3 });
  });

  it('refuses what a Page cannot hide: DMs, reviews, its own replies, unknown items and malformed bodies', async () => {
    const sandbox = await openSandbox({ backfill: 200 });
    const all = await items(sandbox);
    const dm = all.find((item) => item.thread.kind === 'dm' && item.direction === 'in')!;
    const review = all.find((item) => item.thread.kind === 'review' && item.direction === 'in')!;
    const ownReply = all.find((item) => item.direction === 'out')!;
    for (const item of [dm, review, ownReply]) {
      const refused = await putHidden(sandbox, item.id, { hidden: true });
      expect(refused.status).toBe(422);
      expect(WireError.parse(refused.body).error.code).toBe('not_hideable');
    }
    expect((await putHidden(sandbox, 'no-such-item', { hidden: true })).status).toBe(404);
    expect((await putHidden(sandbox, all[0]!.id, { hidden: 'yes' })).status).toBe(400);
    expect((await call(sandbox, `/v1/items/${all[0]!.id}/hidden`, { method: 'POST' })).status).toBe(405);
    expect(sandbox.moderation()).toEqual([]);
  });

  it('commit_then_fail on the moderation route applies the state and answers 502; other faults apply nothing', async () => {
    const sandbox = await openSandbox({ backfill: 120 });
    const comments = (await items(sandbox)).filter((item) => item.direction === 'in' && item.thread.kind === 'comment');
    await postJson(sandbox, '/_sandbox/faults', { route: 'moderation', fail: { status: 503, count: 1 } });
    expect((await putHidden(sandbox, comments[0]!.id, { hidden: true })).status).toBe(503);
    expect(sandbox.moderation()).toEqual([]);

    await postJson(sandbox, '/_sandbox/faults', { route: 'moderation', commit_then_fail: { count: 1 } });
    expect((await putHidden(sandbox, comments[1]!.id, { hidden: true })).status).toBe(502);
    expect(sandbox.moderation()).toEqual([expect.objectContaining({ id: comments[1]!.id, hidden: true, requests: 1 })]);
  });
});
