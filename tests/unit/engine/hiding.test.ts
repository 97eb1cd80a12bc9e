import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../main/engine/platforms/sandbox/fake';
import type { Client } from '../../../shared/rpc';
import { newDataDir, sandbox, startEngine, waitForConversations } from '../helpers/engine';

/** Conversations whose first message is a customer's comment, and one DM, from the synced workspace. */
async function pick(client: Client) {
  await waitForConversations(client, 30);
  const { items } = await client.call('inbox.list', { view: 'all', offset: 0, limit: 200 });
  const comments = items.filter((item) => item.kind === 'comment');
  const dm = items.find((item) => item.kind === 'dm')!;
  const commentOf = async (index: number) => {
    const conversation = await client.call('conversation.get', { id: comments[index]!.id });
    return conversation.messages.find((message) => message.direction === 'in')!;
  };
  const dmMessage = (await client.call('conversation.get', { id: dm.id })).messages.find((message) => message.direction === 'in')!;
  return { commentOf, dmMessage };
}

async function messageOf(client: Client, conversationId: string, id: string) {
  return (await client.call('conversation.get', { id: conversationId })).messages.find((message) => message.id === id)!;
}

/** Waits until the outbox has carried the message's latest wish to the platform. */
async function settled(client: Client, conversationId: string, id: string) {
  await expect.poll(async () => (await messageOf(client, conversationId, id)).hideState, { timeout: 10_000 }).toBe(null);
  return messageOf(client, conversationId, id);
}

function faults(platform: Sandbox, plan: object) {
  return fetch(`${platform.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: 'moderation', ...plan }) });
}

/** The platform's own record of the comment behind a message (platform id = sandbox item id). */
function onPlatform(platform: Sandbox, engineDb: { prepare(sql: string): { pluck(): { get(...args: unknown[]): unknown } } }, messageId: string) {
  const itemId = engineDb.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(messageId);
  return platform.moderation().find((record) => record.id === itemId);
}

describe('hiding a customer comment', () => {
  it('shows the wish at once, carries it to the platform once, audits it, and takes a repeated wish as the same one', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const comment = await (await pick(client)).commentOf(0);
    expect(comment).toMatchObject({ hidden: false, hideState: null });

    const queued = await client.call('message.setHidden', { messageId: comment.id, hidden: true });
    expect(queued).toMatchObject({ hidden: true, hideState: 'pending', state: null, sendAt: null });
    expect(await client.call('message.setHidden', { messageId: comment.id, hidden: true })).toMatchObject({ hidden: true });
    expect(await settled(client, comment.conversationId, comment.id)).toMatchObject({ hidden: true, hideState: null, state: null });
    expect(onPlatform(platform, engine.db, comment.id)).toMatchObject({ hidden: true, requests: 1 });
    expect(engine.db.prepare("SELECT count(*) FROM outbox WHERE message_id = ?").pluck().get(comment.id)).toBe(1);
    expect(engine.db.prepare("SELECT actor, action FROM audit_log WHERE entity_id = ?").all(comment.id)).toEqual([{ actor: expect.any(String), action: 'message.hidden' }]);

    await client.call('message.setHidden', { messageId: comment.id, hidden: false });
    expect(await settled(client, comment.conversationId, comment.id)).toMatchObject({ hidden: false });
    expect(onPlatform(platform, engine.db, comment.id)).toMatchObject({ hidden: false, requests: 2 });
  });

  it('refuses DMs, the brand’s own replies, platforms that cannot hide and unknown messages — and queues nothing', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const { commentOf, dmMessage } = await pick(client);
    await expect(client.call('message.setHidden', { messageId: dmMessage.id, hidden: true })).rejects.toMatchObject({ code: 'refused' });
    const comment = await commentOf(0);
    const reply = await client.call('reply.send', { conversationId: comment.conversationId, clientId: 'own', body: 'Thanks for the comment!' });
    await expect(client.call('message.setHidden', { messageId: reply.id, hidden: true })).rejects.toMatchObject({ code: 'refused' });
    await expect(client.call('message.setHidden', { messageId: 'no-such-message', hidden: true })).rejects.toMatchObject({ code: 'not_found' });
    // The same comment on a platform without hiding (Telegram has no such call).
    engine.db.prepare("UPDATE accounts SET platform = 'telegram'").run();
    await expect(client.call('message.setHidden', { messageId: comment.id, hidden: true })).rejects.toMatchObject({ code: 'refused' });
    expect(engine.db.prepare("SELECT count(*) FROM outbox WHERE action != 'reply'").pluck().get()).toBe(0);
    expect((await messageOf(client, comment.conversationId, comment.id)).hidden).toBe(false);
  });

  it.each([
    ['5xx answers', { fail: { status: 503, count: 2 } }],
    ['dropped connections', { drop: { count: 2 } }],
    ['a failure after the platform applied it', { commit_then_fail: { count: 1 } }],
    ['a rate limit', { rate_limit: { retry_after_s: 1, count: 1 } }],
  ])('applies the hide through %s', async (_label, plan) => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const comment = await (await pick(client)).commentOf(1);
    await faults(platform, plan);
    await client.call('message.setHidden', { messageId: comment.id, hidden: true });
    expect(await settled(client, comment.conversationId, comment.id)).toMatchObject({ hidden: true, hideState: null });
    expect(onPlatform(platform, engine.db, comment.id)?.hidden).toBe(true);
  });

  it('shows a refusal with the platform’s reason, and tries again when asked', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const comment = await (await pick(client)).commentOf(2);
    const itemId = engine.db.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(comment.id);
    // The comment was deleted on the platform meanwhile: a 404.
    engine.db.prepare("UPDATE messages SET platform_id = 'gone' WHERE id = ?").run(comment.id);
    await client.call('message.setHidden', { messageId: comment.id, hidden: true });
    await expect.poll(async () => (await messageOf(client, comment.conversationId, comment.id)).hideState, { timeout: 10_000 }).toBe('failed');
    const failed = await messageOf(client, comment.conversationId, comment.id);
    expect(failed).toMatchObject({ hidden: true, hideError: expect.stringMatching(/no such item/i) });
    expect(engine.db.prepare("SELECT attempts FROM outbox WHERE message_id = ?").pluck().get(comment.id)).toBe(1);

    engine.db.prepare('UPDATE messages SET platform_id = ? WHERE id = ?').run(itemId, comment.id);
    expect(await client.call('message.setHidden', { messageId: comment.id, hidden: true })).toMatchObject({ hideState: 'pending' });
    expect(await settled(client, comment.conversationId, comment.id)).toMatchObject({ hidden: true, hideError: null });
    expect(onPlatform(platform, engine.db, comment.id)?.hidden).toBe(true);
  });

  it('takes back a wish the platform refused outright without asking it again; after a retry that may have landed, it asks', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const { commentOf } = await pick(client);
    const refused = await commentOf(7);
    const itemId = engine.db.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(refused.id);
    engine.db.prepare("UPDATE messages SET platform_id = 'gone' WHERE id = ?").run(refused.id);
    await client.call('message.setHidden', { messageId: refused.id, hidden: true });
    await expect.poll(async () => (await messageOf(client, refused.conversationId, refused.id)).hideState, { timeout: 10_000 }).toBe('failed');
    engine.db.prepare('UPDATE messages SET platform_id = ? WHERE id = ?').run(itemId, refused.id);

    // Refused on its only try: the comment was never hidden, so "leave it shown" needs no request.
    expect(await client.call('message.setHidden', { messageId: refused.id, hidden: false })).toMatchObject({ hidden: false, hideState: null, hideError: null });
    expect(engine.db.prepare('SELECT action, state FROM outbox WHERE message_id = ? ORDER BY rowid').all(refused.id)).toEqual([{ action: 'hide', state: 'cancelled' }]);
    expect(engine.db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').pluck().all(refused.id)).toEqual(['message.hidden', 'message.hideTakenBack']);
    expect(platform.moderation()).toEqual([]);

    // A hide that failed, was retried and then refused may have landed on an earlier try: showing it again is asked of the platform.
    const doubtful = await commentOf(8);
    engine.db.prepare("UPDATE messages SET platform_id = 'gone' WHERE id = ?").run(doubtful.id);
    await client.call('message.setHidden', { messageId: doubtful.id, hidden: true });
    await expect.poll(async () => (await messageOf(client, doubtful.conversationId, doubtful.id)).hideState, { timeout: 10_000 }).toBe('failed');
    engine.db.prepare("UPDATE outbox SET attempts = 2 WHERE message_id = ?").run(doubtful.id);
    expect(await client.call('message.setHidden', { messageId: doubtful.id, hidden: false })).toMatchObject({ hidden: false, hideState: 'pending' });
  });

  it('lets the newest wish win: a hide waiting to retry is cancelled by an unhide, and one in flight is followed by it', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url, backoff: { baseMs: 1_500, maxMs: 1_500 } });
    const { commentOf } = await pick(client);
    const waiting = await commentOf(3);
    await faults(platform, { fail: { status: 503, count: 1 } });
    await client.call('message.setHidden', { messageId: waiting.id, hidden: true });
    // The hide failed once and waits out its back-off; the agent changes their mind.
    await expect.poll(() => engine.db.prepare("SELECT attempts FROM outbox WHERE message_id = ? AND action = 'hide' AND state = 'pending'").pluck().get(waiting.id), { timeout: 10_000 }).toBe(1);
    await client.call('message.setHidden', { messageId: waiting.id, hidden: false });
    expect(await settled(client, waiting.conversationId, waiting.id)).toMatchObject({ hidden: false });
    expect(engine.db.prepare('SELECT action, state FROM outbox WHERE message_id = ? ORDER BY rowid').all(waiting.id)).toEqual([
      { action: 'hide', state: 'cancelled' },
      { action: 'unhide', state: 'done' },
    ]);

    const inFlight = await commentOf(4);
    await faults(platform, { latency_ms: 300 });
    await client.call('message.setHidden', { messageId: inFlight.id, hidden: true });
    await expect.poll(() => engine.db.prepare("SELECT state FROM outbox WHERE message_id = ?").pluck().get(inFlight.id), { timeout: 10_000 }).toBe('sending');
    await client.call('message.setHidden', { messageId: inFlight.id, hidden: false });
    expect(await settled(client, inFlight.conversationId, inFlight.id)).toMatchObject({ hidden: false });
    expect(onPlatform(platform, engine.db, inFlight.id)).toMatchObject({ hidden: false, requests: 2 });
    expect(engine.db.prepare('SELECT action, state FROM outbox WHERE message_id = ? ORDER BY rowid').all(inFlight.id)).toEqual([
      { action: 'hide', state: 'done' },
      { action: 'unhide', state: 'done' },
    ]);
  });

  it('cancels an older hide that comes back for another attempt after a newer wish was applied', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url, backoff: { baseMs: 300, maxMs: 300 } });
    const comment = await (await pick(client)).commentOf(6);
    // The hide is in flight and will fail; the unhide is queued behind it and goes out first.
    await faults(platform, { latency_ms: 300, fail: { status: 503, count: 1 } });
    await client.call('message.setHidden', { messageId: comment.id, hidden: true });
    await expect.poll(() => engine.db.prepare('SELECT state FROM outbox WHERE message_id = ?').pluck().get(comment.id), { timeout: 10_000 }).toBe('sending');
    await client.call('message.setHidden', { messageId: comment.id, hidden: false });
    await expect
      .poll(() => engine.db.prepare('SELECT action, state FROM outbox WHERE message_id = ? ORDER BY rowid').all(comment.id), { timeout: 10_000 })
      .toEqual([
        { action: 'hide', state: 'cancelled' },
        { action: 'unhide', state: 'done' },
      ]);
    expect(onPlatform(platform, engine.db, comment.id)).toMatchObject({ hidden: false, requests: 1 });
    expect((await messageOf(client, comment.conversationId, comment.id)).hidden).toBe(false);
  });

  it('finishes a hide interrupted by a crash after restart, leaving the comment’s own state alone', async () => {
    const dataDir = newDataDir();
    const platform = await sandbox();
    const a = startEngine(dataDir, { demoSandboxUrl: platform.url });
    const comment = await (await pick(a.client)).commentOf(5);
    await faults(platform, { latency_ms: 400 });
    await a.client.call('message.setHidden', { messageId: comment.id, hidden: true });
    await expect.poll(() => a.engine.db.prepare('SELECT state FROM outbox WHERE message_id = ?').pluck().get(comment.id), { timeout: 10_000 }).toBe('sending');
    await a.close(); // abandoned mid-flight: the row stays `sending`

    await fetch(`${platform.url}/_sandbox/faults`, { method: 'DELETE' });
    const b = startEngine(dataDir, { demoSandboxUrl: platform.url });
    expect(await settled(b.client, comment.conversationId, comment.id)).toMatchObject({ hidden: true, state: null, error: null });
    expect(onPlatform(platform, b.engine.db, comment.id)?.hidden).toBe(true);
  });
});
