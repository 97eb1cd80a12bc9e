import { describe, expect, it } from 'vitest';
import type { FakeX, FakeXFaults } from '../../../../main/engine/platforms/x/fake';
import { conversationStored, customerMessage, hideRows, hidingInFlight, hidingSettled } from '../engine-kit';
import { xEngine } from './engine-harness';
import { ANNA, HOUR, PIOTR, setup } from './harness';

/**
 * Hiding a customer's reply on X through the contract (message.setHidden), the outbox and the X
 * connector, against the fake X: a real engine on a real SQLite file, on the wall clock.
 */

/** The brand's post with Anna's reply under it (X lets the brand hide that), and Piotr's plain mention (it does not). */
async function synced(fake: FakeX) {
  const now = Date.now();
  const post = fake.store.post('Our winter blend is here.', now - 2 * HOUR);
  const reply = fake.store.mention(ANNA, 'Buy followers at spam.example', { replyTo: post.id, at: now - HOUR });
  const mention = fake.store.mention(PIOTR, 'Is the shop open on Sunday?', { at: now - HOUR });
  const run = await xEngine(fake);
  const hideable = await customerMessage(run.client, await conversationStored(run, `mention:${reply.id}/${ANNA.id}`));
  const plain = await customerMessage(run.client, await conversationStored(run, `mention:${mention.id}/${PIOTR.id}`));
  // X's own record of a post's hidden state: the reply's unless another post is named.
  const onX = (tweetId = reply.id) => fake.store.moderation().find((record) => record.id === tweetId);
  return { run, hideable, plain, plainTweet: mention.id, onX };
}

async function fakeX() {
  // The test engine reads DMs every 40 ms; X's real 15 reads per 15 minutes would stop it after 15.
  return (await setup({ now: Date.now, limits: { 'GET /2/dm_events': 100_000 } })).fake;
}

describe('hiding on X in the engine', () => {
  it('hides a reply under the brand\'s post once and shows it again; a plain mention is refused with X\'s reason', async () => {
    const fake = await fakeX();
    const { run, hideable, plain, plainTweet, onX } = await synced(fake);
    expect(hideable).toMatchObject({ hidden: false, hideState: null });

    expect(await run.client.call('message.setHidden', { messageId: hideable.id, hidden: true })).toMatchObject({ hidden: true, hideState: 'pending' });
    expect(await hidingSettled(run.client, hideable)).toMatchObject({ hidden: true, hideState: null, hideError: null });
    expect(onX()).toMatchObject({ hidden: true, requests: 1 });

    await run.client.call('message.setHidden', { messageId: hideable.id, hidden: false });
    expect(await hidingSettled(run.client, hideable)).toMatchObject({ hidden: false, hideState: null });
    expect(onX()).toMatchObject({ hidden: false, requests: 2 });

    await run.client.call('message.setHidden', { messageId: plain.id, hidden: true });
    expect(await hidingSettled(run.client, plain)).toMatchObject({
      hidden: true,
      hideState: 'failed',
      hideError: 'X refused PUT tweets/:id/hidden: Forbidden (X hides only replies in conversations the account started, and only with a token allowed tweet.moderate.write)',
    });
    expect(hideRows(run, plain.id)).toEqual([{ action: 'hide', state: 'failed' }]);
    expect(onX(plainTweet)).toBeUndefined();
  });

  // The last column counts the PUTs that reach X: each fault takes one, then one more applies the state.
  const faults: [string, FakeXFaults, number][] = [
    ['5xx answers', { fail: { status: 503, count: 2 } }, 3],
    ['dropped connections', { drop: { count: 2 } }, 3],
    ['a 503 after X applied it', { commit_then_fail: { count: 1 }, after_commit: '503' }, 2],
    ['a dropped connection after X applied it', { commit_then_fail: { count: 1 }, after_commit: 'drop' }, 2],
    ['no answer after X applied it', { commit_then_fail: { count: 1 }, after_commit: 'hang' }, 2],
    ['a 429 until x-rate-limit-reset', { rate_limit: { retry_after_s: 1, count: 1 } }, 2],
  ];

  it.each(faults)('hides the reply through %s, ending hidden on X', async (_name, fault, puts) => {
    const fake = await fakeX();
    const { run, hideable, onX } = await synced(fake);
    fake.faults({ route: 'moderation', ...fault });
    await run.client.call('message.setHidden', { messageId: hideable.id, hidden: true });
    expect(await hidingSettled(run.client, hideable)).toMatchObject({ hidden: true, hideState: null });
    expect(onX()?.hidden).toBe(true);
    expect(hideRows(run, hideable.id)).toEqual([{ action: 'hide', state: 'done' }]);
    expect(fake.requests.filter((request) => request.endpoint === 'PUT /2/tweets/:id/hidden')).toHaveLength(puts);
  });

  it('ends shown when the agent unhides while the hide is still on its way to X', async () => {
    const fake = await fakeX();
    const { run, hideable, onX } = await synced(fake);
    fake.faults({ route: 'moderation', latency_ms: 400 });
    await run.client.call('message.setHidden', { messageId: hideable.id, hidden: true });
    await hidingInFlight(run, hideable.id);
    await run.client.call('message.setHidden', { messageId: hideable.id, hidden: false });
    expect(await hidingSettled(run.client, hideable)).toMatchObject({ hidden: false, hideState: null });
    expect(onX()).toMatchObject({ hidden: false, requests: 2 });
    expect(hideRows(run, hideable.id)).toEqual([
      { action: 'hide', state: 'done' },
      { action: 'unhide', state: 'done' },
    ]);
  });
});
