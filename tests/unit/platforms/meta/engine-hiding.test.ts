import { describe, expect, it } from 'vitest';
import { MetaConnector } from '../../../../main/engine/platforms/meta/client';
import type { Fault, FakeGraph } from '../../../../main/engine/platforms/meta/fake';
import { fastPaced } from '../../helpers/engine';
import { conversationStored, customerMessage, engineWithAccount, hideRows, hidingInFlight, hidingSettled } from '../engine-kit';
import { INSTAGRAM, PAGE, commentThreads, setup } from './harness';

/**
 * Hiding customers' comments on a Facebook Page and its Instagram account through the contract
 * (message.setHidden), the outbox and the Meta connector, against the fake Graph: a real engine on
 * a real SQLite file, on the wall clock.
 */

/** Long enough that a loopback call on a busy machine never reaches it; a write the fake leaves hanging does. */
const TIMEOUT_MS = 1_500;

/** A Page comment and an Instagram comment, synced into a real engine with one Page account. */
async function synced() {
  const context = await setup({ now: Date.now });
  // commentThreads dates the comments by the harness clock: on the wall clock the engine runs on, they are an hour old.
  context.clock.at = Date.now();
  const { comment, igComment } = commentThreads(context, { page: 'Cheap watches at spam.example', instagram: 'Follow me for free likes' });
  const meta = fastPaced(new MetaConnector({ baseUrl: context.graph.url, pageId: PAGE.id, accessToken: 'token-1', instagramAccountId: INSTAGRAM.id, timeoutMs: TIMEOUT_MS }));
  const run = await engineWithAccount(
    { id: 'meta-account', platform: 'facebook', name: PAGE.name, handle: '', config: { instagramAccountId: INSTAGRAM.id }, platformAccountId: PAGE.id },
    meta,
  );
  const page = await customerMessage(run.client, await conversationStored(run, `page_comment:${comment}`));
  const instagram = await customerMessage(run.client, await conversationStored(run, `ig_comment:${igComment}`));
  return { graph: context.graph, run, page, instagram, onMeta: { page: comment, instagram: igComment } };
}

const hiddenOn = (graph: FakeGraph, commentId: string) => graph.store.comments.get(commentId)!.hidden;

describe('hiding on Meta in the engine', () => {
  it('hides a Page comment and an Instagram comment once and shows one again; a comment deleted on Meta is refused with Graph\'s reason', async () => {
    const { graph, run, page, instagram, onMeta } = await synced();
    for (const message of [page, instagram]) {
      expect(await run.client.call('message.setHidden', { messageId: message.id, hidden: true })).toMatchObject({ hidden: true, hideState: 'pending' });
    }
    for (const message of [page, instagram]) expect(await hidingSettled(run.client, message)).toMatchObject({ hidden: true, hideState: null, hideError: null });
    expect([hiddenOn(graph, onMeta.page), hiddenOn(graph, onMeta.instagram)]).toEqual([true, true]);
    const hides = graph.requests.filter((request) => request.method === 'POST');
    expect(hides.map((request) => request.path).sort()).toEqual([`/v21.0/${onMeta.page}`, `/v21.0/${onMeta.instagram}`].sort());

    await run.client.call('message.setHidden', { messageId: instagram.id, hidden: false });
    expect(await hidingSettled(run.client, instagram)).toMatchObject({ hidden: false, hideState: null });
    expect(hiddenOn(graph, onMeta.instagram)).toBe(false);

    graph.store.comments.delete(onMeta.page);
    await run.client.call('message.setHidden', { messageId: page.id, hidden: false });
    expect(await hidingSettled(run.client, page)).toMatchObject({ hidden: false, hideState: 'failed', hideError: expect.stringContaining('does not exist') });
    expect(hideRows(run, page.id)).toEqual([
      { action: 'hide', state: 'done' },
      { action: 'unhide', state: 'failed' },
    ]);
  });

  const faults: [string, Fault][] = [
    ['5xx answers', { kind: 'status', status: 503 }],
    ['dropped connections', { kind: 'drop' }],
    ['a 502 after Meta applied it', { kind: 'commit_then_fail', then: 'status' }],
    ['a dropped connection after Meta applied it', { kind: 'commit_then_fail', then: 'drop' }],
    ['no answer after Meta applied it', { kind: 'commit_then_fail', then: 'hang' }],
  ];

  it.each(faults)('hides both comments through %s, ending hidden on Meta', async (_name, fault) => {
    const { graph, run, page, instagram, onMeta } = await synced();
    graph.faults.add(fault, { route: 'write', count: 2 });
    for (const message of [page, instagram]) await run.client.call('message.setHidden', { messageId: message.id, hidden: true });
    for (const message of [page, instagram]) {
      expect(await hidingSettled(run.client, message)).toMatchObject({ hidden: true, hideState: null });
      expect(hideRows(run, message.id)).toEqual([{ action: 'hide', state: 'done' }]);
    }
    expect([hiddenOn(graph, onMeta.page), hiddenOn(graph, onMeta.instagram)]).toEqual([true, true]);
    expect(graph.faults.pending()).toBe(0);
  });

  it('ends shown when the agent unhides an Instagram comment while the hide is still on its way to Meta', async () => {
    const { graph, run, instagram, onMeta } = await synced();
    graph.faults.setLatency(400, 'write');
    await run.client.call('message.setHidden', { messageId: instagram.id, hidden: true });
    await hidingInFlight(run, instagram.id);
    await run.client.call('message.setHidden', { messageId: instagram.id, hidden: false });
    expect(await hidingSettled(run.client, instagram)).toMatchObject({ hidden: false, hideState: null });
    expect(hiddenOn(graph, onMeta.instagram)).toBe(false);
    expect(graph.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    expect(hideRows(run, instagram.id)).toEqual([
      { action: 'hide', state: 'done' },
      { action: 'unhide', state: 'done' },
    ]);
  });
});
