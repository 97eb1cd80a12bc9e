import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/rpc';
import type { Sandbox } from '../../../main/engine/platforms/sandbox/fake';
import { newDataDir, sandbox, startEngine, waitForConversations } from '../helpers/engine';

const UNREACHABLE = 'http://127.0.0.1:9'; // discard port: nothing listens

async function firstConversation(client: Client) {
  await waitForConversations(client, 20);
  return (await client.call('inbox.list', { view: 'all', offset: 0, limit: 1 })).items[0]!;
}

async function messageState(client: Client, conversationId: string, messageId: string) {
  const conversation = await client.call('conversation.get', { id: conversationId });
  return conversation.messages.find((m) => m.id === messageId);
}

function publishedWith(platform: Sandbox, text: string) {
  return platform.published().filter((reply) => reply.text === text);
}

async function sendAndSettle(client: Client, conversationId: string, body: string, clientId = `client-${body.length}-${Math.random()}`) {
  const message = await client.call('reply.send', { conversationId, clientId, body });
  await expect.poll(async () => (await messageState(client, conversationId, message.id))?.state, { timeout: 10_000 }).toBe('sent');
  return message;
}

describe('outbox', () => {
  it('stores the reply at once as queued, then publishes it exactly once', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);

    const body = 'Thank you for writing — we are on it.';
    const message = await client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body });
    expect(message).toMatchObject({ direction: 'out', state: 'queued', body });
    // the message and its outbox row were written together
    expect(engine.db.prepare('SELECT count(*) FROM outbox WHERE message_id = ?').pluck().get(message.id)).toBe(1);

    await expect.poll(async () => (await messageState(client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(platform, body)).toEqual([expect.objectContaining({ attempts: 1 })]);
    expect((await client.call('conversation.get', { id: conversation.id })).status).toBe('pending');
  });

  it('treats a repeated call with the same client id as the same reply', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    const body = 'Only once, please.';
    const [a, b] = await Promise.all([
      client.call('reply.send', { conversationId: conversation.id, clientId: 'same', body }),
      client.call('reply.send', { conversationId: conversation.id, clientId: 'same', body }),
    ]);
    expect(a.id).toBe(b.id);
    await expect.poll(async () => (await messageState(client, conversation.id, a.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(platform, body)).toHaveLength(1);
  });

  it.each([
    ['5xx answers', { fail: { status: 503, count: 2 } }],
    ['dropped connections', { drop: { count: 2 } }],
    ['a failure after the platform committed the reply', { commit_then_fail: { count: 1 } }],
    ['a rate limit with Retry-After', { rate_limit: { retry_after_s: 1, count: 1 } }],
  ])('survives %s and still publishes exactly once', async (_label, faults) => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    await fetch(`${platform.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: 'replies', ...faults }) });
    const body = `Retry me: ${JSON.stringify(faults)}`;
    await sendAndSettle(client, conversation.id, body);
    expect(publishedWith(platform, body)).toHaveLength(1);
  });

  it('waits as long as Retry-After asks before trying again', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    await fetch(`${platform.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ route: 'replies', rate_limit: { retry_after_s: 30, count: 1 } }),
    });
    const before = Date.now();
    const message = await client.call('reply.send', { conversationId: conversation.id, clientId: 'slow', body: 'Patience.' });
    await expect.poll(() => engine.db.prepare('SELECT attempts FROM outbox WHERE message_id = ?').pluck().get(message.id), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => engine.db.prepare("SELECT not_before FROM outbox WHERE message_id = ? AND state = 'pending'").pluck().get(message.id) as number | undefined)
      .toBeGreaterThanOrEqual(before + 30_000);
    expect((await messageState(client, conversation.id, message.id))?.state).toBe('queued');
    expect(publishedWith(platform, 'Patience.')).toHaveLength(0);
  });

  it('marks a definite refusal as failed with the platform’s reason, and does not retry it', async () => {
    const platform = await sandbox();
    const { client, engine } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    // point the conversation at a thread the platform does not know: a 404
    engine.db.prepare("UPDATE conversations SET platform_id = 'no-such-thread' WHERE id = ?").run(conversation.id);
    const message = await client.call('reply.send', { conversationId: conversation.id, clientId: 'nope', body: 'Into the void' });
    await expect.poll(async () => (await messageState(client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('failed');
    expect((await messageState(client, conversation.id, message.id))?.error).toBeTruthy();
    expect(engine.db.prepare('SELECT state, attempts FROM outbox WHERE message_id = ?').get(message.id)).toEqual({ state: 'failed', attempts: 1 });
  });

  it('keeps a queued reply across a restart and publishes it once when the platform is back', async () => {
    const dataDir = newDataDir();
    const first = await sandbox({ seed: 11 });
    const a = startEngine(dataDir, { demoSandboxUrl: first.url });
    const conversation = await firstConversation(a.client);
    await a.close();
    await first.close();

    // offline: the reply is accepted and queued
    const b = startEngine(dataDir, { demoSandboxUrl: UNREACHABLE });
    const body = 'Written on a train without signal.';
    const message = await b.client.call('reply.send', { conversationId: conversation.id, clientId: 'train', body });
    expect(message.state).toBe('queued');
    await expect.poll(() => b.eventsNamed('connectivity.changed').at(-1)?.connectivity, { timeout: 10_000 }).toBe('offline');
    await b.close();

    // back online, after a restart
    const second = await sandbox({ seed: 11 });
    const c = startEngine(dataDir, { demoSandboxUrl: second.url });
    await expect.poll(async () => (await messageState(c.client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(second, body)).toHaveLength(1);
  });

  it('resends a send interrupted mid-flight with the same idempotency key: published once', async () => {
    const dataDir = newDataDir();
    const platform = await sandbox();
    const a = startEngine(dataDir, { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(a.client);
    await fetch(`${platform.url}/_sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: 'replies', latency_ms: 400 }) });
    const body = 'Sent right before the crash.';
    const message = await a.client.call('reply.send', { conversationId: conversation.id, clientId: 'crash', body });
    await expect.poll(async () => (await messageState(a.client, conversation.id, message.id))?.state).toBe('sending');
    await a.close(); // the request is abandoned mid-flight; the row stays `sending`
    expect(a.engine.db.open).toBe(false);

    await fetch(`${platform.url}/_sandbox/faults`, { method: 'DELETE' });
    const b = startEngine(dataDir, { demoSandboxUrl: platform.url });
    await expect.poll(async () => (await messageState(b.client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    await new Promise((resolve) => setTimeout(resolve, 600)); // let the abandoned request land, if it was going to
    expect(publishedWith(platform, body)).toHaveLength(1);
  });
});
