import { describe, expect, it } from 'vitest';
import { MetaConnector } from '../../../../main/engine/platforms/meta/client';
import type { Fault, FakeGraph } from '../../../../main/engine/platforms/meta/fake';
import { fastPaced } from '../../helpers/engine';
import { conversationStored, customerMessage, engineWithAccount, hideRows, hidingInFlight, hidingSettled, messageOf } from '../engine-kit';
import { HOUR, INSTAGRAM, PAGE, PIOTR, commentThreads, setup } from './harness';

/**
 * Hiding customers' comments on a Facebook Page and its Instagram account through the contract
 * (message.setHidden), the outbox and the Meta connector, against the fake Graph: a real engine on
 * a real SQLite file, on the wall clock.
 */

/** Long enough that a loopback call on a busy machine never reaches it; a write the fake leaves hanging does. */
const TIMEOUT_MS = 1_500;

/** A fake Graph on the wall clock the engine runs on, with a customer's comment an hour old on a Page post and on an Instagram media. */
async function metaWithComments() {
  const context = await setup({ now: Date.now });
  // commentThreads dates the comments by the harness clock: on the wall clock the engine runs on, they are an hour old.
  context.clock.at = Date.now();
  return { context, ...commentThreads(context, { page: 'Cheap watches at spam.example', instagram: 'Follow me for free likes' }) };
}

/** A real engine with one Page account (and its Instagram account) synced from `graph`. */
function engineOn(graph: FakeGraph) {
  const meta = fastPaced(new MetaConnector({ baseUrl: graph.url, pageId: PAGE.id, accessToken: 'token-1', instagramAccountId: INSTAGRAM.id, timeoutMs: TIMEOUT_MS }));
  return engineWithAccount(
    { id: 'meta-account', platform: 'facebook', name: PAGE.name, handle: '', config: { instagramAccountId: INSTAGRAM.id }, platformAccountId: PAGE.id },
    meta,
  );
}

/** A Page comment and an Instagram comment, synced into a real engine with one Page account. */
async function synced() {
  const { context, comment, igComment } = await metaWithComments();
  const run = await engineOn(context.graph);
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

describe('comments hidden on Meta itself', () => {
  it('brings a comment hidden on Meta before the first sync in hidden, with no wish of the agent to carry', async () => {
    const { context, post, comment, igComment } = await metaWithComments();
    const { graph, clock } = context;
    const shown = graph.store.addComment(post, { id: '7012345678905555', name: 'Ola' }, 'Lovely mugs!', { at: clock.at - HOUR });
    // Another moderator, in Meta Business Suite, before the Page was connected here.
    graph.store.setHidden(comment, true);
    graph.store.setHidden(igComment, true);
    const run = await engineOn(graph);

    const [page, instagram, other] = await Promise.all(
      [`page_comment:${comment}`, `ig_comment:${igComment}`, `page_comment:${shown}`].map(async (thread) => customerMessage(run.client, await conversationStored(run, thread))),
    );
    for (const message of [page!, instagram!]) expect(message).toMatchObject({ hidden: true, hideState: null, hideError: null });
    expect(other!.hidden).toBe(false);
    expect(run.engine.db.prepare("SELECT count(*) FROM outbox WHERE action != 'reply'").pluck().get()).toBe(0);
  });

  it('shows a comment hidden on Meta after it was synced as hidden once a read brings it again, and says so in conversation.changed', async () => {
    const { graph, clock } = await setup({ now: Date.now });
    clock.at = Date.now();
    const post = graph.store.addPost('Our new mugs', clock.at - HOUR);
    // A comment this fresh is read again by every scan: Graph's clocks differ, so scans overlap by a couple of minutes (meta/scan.ts).
    const comment = graph.store.addComment(post, PIOTR, 'Replica watches at spam.example', { at: clock.at });
    const run = await engineOn(graph);
    const conversationId = await conversationStored(run, `page_comment:${comment}`);
    const message = await customerMessage(run.client, conversationId);
    expect(message.hidden).toBe(false);

    const eventsBefore = run.eventsNamed('conversation.changed').length;
    graph.store.setHidden(comment, true);
    await expect.poll(async () => (await messageOf(run.client, conversationId, message.id)).hidden, { timeout: 10_000 }).toBe(true);
    expect(run.eventsNamed('conversation.changed').slice(eventsBefore)).toContainEqual({ conversationId });
    expect(hideRows(run, message.id)).toEqual([]);
  });
});
