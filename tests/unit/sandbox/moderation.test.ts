import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapItems } from '../../../main/engine/platforms/sandbox/mapper';
import { WireError, WireHidden, WireModeration } from '../../../main/engine/platforms/sandbox/wire';
import { damaged } from '../platforms/hostile-kit';
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

describe('sandbox feed: the hidden state of comments', () => {
  it('serves every customer comment with its state as it is now, seen when the feed is read again; other items carry none', async () => {
    const sandbox = await openSandbox({ backfill: 120 });
    const first = await items(sandbox);
    const comments = first.filter((item) => item.direction === 'in' && item.thread.kind === 'comment');
    expect(comments.length).toBeGreaterThan(1);
    expect(comments.every((item) => item.hidden === false)).toBe(true);
    expect(first.filter((item) => !comments.includes(item)).every((item) => !('hidden' in item))).toBe(true);

    await putHidden(sandbox, comments[0]!.id, { hidden: true });
    const again = await items(sandbox);
    expect(again.filter((item) => item.hidden).map((item) => item.id)).toEqual([comments[0]!.id]);

    await putHidden(sandbox, comments[0]!.id, { hidden: false });
    expect((await items(sandbox)).some((item) => item.hidden)).toBe(false);
  });

  it('maps the flag as sent; anything but a boolean quarantines the item with the field named', async () => {
    const sandbox = await openSandbox({ backfill: 120 });
    const comment = (await items(sandbox)).find((item) => item.direction === 'in' && item.thread.kind === 'comment')!;
    expect(mapItems([{ ...comment, hidden: true }]).items[0]!.hidden).toBe(true);
    const { hidden: _flag, ...unsaid } = comment;
    expect(mapItems([unsaid]).items[0]!.hidden).toBeUndefined();

    fc.assert(
      fc.property(damaged([comment], [['hidden']]), (raw) => {
        const { items: mapped, quarantined } = mapItems([raw]);
        if (raw.hidden === undefined || typeof raw.hidden === 'boolean') expect(mapped.map((item) => item.hidden)).toEqual([raw.hidden]);
        else expect(quarantined.map((entry) => entry.error)).toEqual([expect.stringMatching(/hidden/)]);
      }),
      { numRuns: 100 },
    );
  });
});
