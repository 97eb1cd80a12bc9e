import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../main/engine/platforms/sandbox/fake';
import type { Client } from '../../../shared/rpc';
import { RpcError } from '../../../shared/rpc';
import { newDataDir, sandbox, startEngine, waitForConversations, type RunningEngine } from '../helpers/engine';

const LONG = 60_000; // the longest window the setting allows: nothing in a test waits it out on the wall clock

async function firstConversation(client: Client) {
  await waitForConversations(client, 20);
  return (await client.call('inbox.list', { view: 'all', offset: 0, limit: 1 })).items[0]!;
}

async function messageOf(client: Client, conversationId: string, messageId: string) {
  return (await client.call('conversation.get', { id: conversationId })).messages.find((m) => m.id === messageId);
}

const publishedWith = (platform: Sandbox, text: string) => platform.published().filter((reply) => reply.text === text);

async function setWindow(client: Client, undoWindowMs: number) {
  expect((await client.call('settings.update', { undoWindowMs })).undoWindowMs).toBe(undoWindowMs);
}

/** Sends with no window and waits until it is published: proof the outbox has drained everything that was due. */
async function sendThrough(client: Client, conversationId: string, body: string) {
  await setWindow(client, 0);
  const message = await client.call('reply.send', { conversationId, clientId: `through-${body}`, body });
  await expect.poll(async () => (await messageOf(client, conversationId, message.id))?.state, { timeout: 10_000 }).toBe('sent');
}

/** A clock the test can move: the engine's `now`, ahead of the wall clock by `skew`. */
function skewedClock() {
  const clock = { skew: 0, now: () => Date.now() + clock.skew };
  return clock;
}

/** An engine on a fresh workspace, its clock in the test's hands, with `body` sent into the longest undo window. */
async function holdReply(clientId: string, body: string) {
  const dataDir = newDataDir();
  const platform = await sandbox();
  const clock = skewedClock();
  const a = startEngine(dataDir, { demoSandboxUrl: platform.url, now: clock.now });
  const conversation = await firstConversation(a.client);
  await setWindow(a.client, LONG);
  const message = await a.client.call('reply.send', { conversationId: conversation.id, clientId, body });
  return { dataDir, platform, clock, a, conversation, message };
}

describe('undo send', () => {
  it('has a 5 s window by default, changeable through settings', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url, undoWindowMs: undefined });
    expect((await client.call('settings.get', {})).undoWindowMs).toBe(5_000);
    await setWindow(client, 1_500);
    expect((await client.call('settings.get', {})).undoWindowMs).toBe(1_500);
    await expect(client.call('settings.update', { undoWindowMs: 60_001 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('holds a reply for its window, shows when it goes, then publishes it once', async () => {
    const platform = await sandbox();
    const clock = skewedClock();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url, now: clock.now });
    const conversation = await firstConversation(client);
    await setWindow(client, LONG);
    const body = 'Held for the undo window.';
    const message = await client.call('reply.send', { conversationId: conversation.id, clientId: 'held', body });
    expect(message).toMatchObject({ state: 'queued', sendAt: message.createdAt + LONG });

    await sendThrough(client, conversation.id, 'A later reply without a window.');
    expect(publishedWith(platform, body)).toEqual([]);
    expect((await messageOf(client, conversation.id, message.id))?.state).toBe('queued');

    clock.skew = LONG; // the window is over; the next pass (kicked by another send) takes it
    await sendThrough(client, conversation.id, 'Another reply.');
    await expect.poll(async () => (await messageOf(client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(platform, body)).toHaveLength(1);
    expect((await messageOf(client, conversation.id, message.id))?.sendAt).toBeNull();
  });

  it('wakes up by itself when a short window ends', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    await setWindow(client, 200);
    const body = 'Out after a short window.';
    const message = await client.call('reply.send', { conversationId: conversation.id, clientId: 'short', body });
    await expect.poll(async () => (await messageOf(client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(platform, body)).toHaveLength(1);
  });

  it('sends at once with a window of 0', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    await setWindow(client, 0);
    const message = await client.call('reply.send', { conversationId: conversation.id, clientId: 'now', body: 'No waiting.' });
    expect(message.sendAt).toBe(message.createdAt);
    await expect.poll(async () => (await messageOf(client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(platform, 'No waiting.')).toHaveLength(1);
  });

  it('takes a reply back inside its window: the text returns, the message goes, nothing is ever published', async () => {
    const body = 'Oops, wrong customer.';
    const { dataDir, platform, clock, a, conversation, message } = await holdReply('oops', body);
    const changesBefore = a.eventsNamed('conversation.changed').length;

    expect(await a.client.call('reply.undo', { messageId: message.id })).toEqual({ body, visibility: message.visibility });
    expect(await messageOf(a.client, conversation.id, message.id)).toBeUndefined();
    expect(a.eventsNamed('conversation.changed').slice(changesBefore)).toContainEqual({ conversationId: conversation.id });
    await expect(a.client.call('reply.undo', { messageId: message.id })).rejects.toMatchObject({ code: 'not_found' });
    await a.close();

    // Long after the window, after a restart: still nothing of it reaches the platform.
    clock.skew = 2 * LONG;
    const b = startEngine(dataDir, { demoSandboxUrl: platform.url, now: clock.now });
    await sendThrough(b.client, conversation.id, 'The right reply.');
    expect(publishedWith(platform, body)).toEqual([]);
  });

  it('puts the conversation back in Needs reply with its clock and preview when a reply is taken back', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    await waitForConversations(client, 20);
    await setWindow(client, LONG);
    const before = (await client.call('inbox.list', { view: 'needs_reply', offset: 0, limit: 1 })).items[0]!;
    expect(before.slaDueAt).not.toBeNull();
    const message = await client.call('reply.send', { conversationId: before.id, clientId: 'taken-back', body: 'On second thought…' });
    expect((await client.call('conversation.get', { id: before.id })).status).toBe('pending');

    await client.call('reply.undo', { messageId: message.id });
    expect(await client.call('conversation.get', { id: before.id })).toMatchObject({
      status: 'open',
      slaDueAt: before.slaDueAt,
      preview: before.preview,
      lastMessageAt: before.lastMessageAt,
    });
  });

  it('refuses to undo a reply already sent, which stays published once', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    await sendThrough(client, conversation.id, 'Too late to take back.');
    const sent = (await client.call('conversation.get', { id: conversation.id })).messages.find((m) => m.body === 'Too late to take back.')!;

    const refusal = await client.call('reply.undo', { messageId: sent.id }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RpcError);
    expect(refusal).toMatchObject({ code: 'refused' });
    expect((await messageOf(client, conversation.id, sent.id))?.state).toBe('sent');
    expect(publishedWith(platform, 'Too late to take back.')).toHaveLength(1);
  });

  it('keeps a reply waiting in its window across a restart and publishes it once afterwards', async () => {
    const body = 'Written right before the app closed.';
    const { dataDir, platform, clock, a, conversation, message } = await holdReply('restart', body);
    await a.close();

    const b = startEngine(dataDir, { demoSandboxUrl: platform.url, now: clock.now });
    expect(await messageOf(b.client, conversation.id, message.id)).toMatchObject({ state: 'queued', sendAt: message.sendAt });
    await b.close();

    clock.skew = LONG;
    const c = startEngine(dataDir, { demoSandboxUrl: platform.url, now: clock.now });
    await expect.poll(async () => (await messageOf(c.client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(publishedWith(platform, body)).toHaveLength(1);
  });
});

describe('drafts', () => {
  const draftEvents = (running: RunningEngine, conversationId: string) =>
    running.eventsNamed('inbox.changed').filter((e) => e.conversationIds.includes(conversationId)).length;

  it('survive a restart and mark the conversation in the list', async () => {
    const dataDir = newDataDir();
    const platform = await sandbox();
    const a = startEngine(dataDir, { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(a.client);
    expect(conversation.hasDraft).toBe(false);
    expect(await a.client.call('draft.get', { conversationId: conversation.id })).toBeNull();
    const { savedAt } = await a.client.call('draft.save', { conversationId: conversation.id, body: 'Half a thought' });
    await a.close();

    const b = startEngine(dataDir, { demoSandboxUrl: platform.url });
    expect(await b.client.call('draft.get', { conversationId: conversation.id })).toEqual({ body: 'Half a thought', updatedAt: savedAt });
    expect((await b.client.call('conversation.get', { id: conversation.id })).hasDraft).toBe(true);
  });

  it('tell the inbox only when the draft marker flips', async () => {
    const platform = await sandbox();
    const running = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const { client } = running;
    const conversation = await firstConversation(client);
    const before = draftEvents(running, conversation.id);

    await client.call('draft.save', { conversationId: conversation.id, body: 'H' });
    expect(draftEvents(running, conversation.id)).toBe(before + 1);
    await client.call('draft.save', { conversationId: conversation.id, body: 'He' });
    await client.call('draft.save', { conversationId: conversation.id, body: 'Hel' });
    expect(draftEvents(running, conversation.id)).toBe(before + 1);

    await client.call('draft.save', { conversationId: conversation.id, body: '   ' });
    expect(draftEvents(running, conversation.id)).toBe(before + 2);
    expect(await client.call('draft.get', { conversationId: conversation.id })).toBeNull();
    expect((await client.call('conversation.get', { id: conversation.id })).hasDraft).toBe(false);
    await expect(client.call('draft.save', { conversationId: 'no-such', body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('go away when the reply is sent', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const conversation = await firstConversation(client);
    await client.call('draft.save', { conversationId: conversation.id, body: 'Ready to go' });
    await client.call('reply.send', { conversationId: conversation.id, clientId: 'go', body: 'Ready to go' });
    expect(await client.call('draft.get', { conversationId: conversation.id })).toBeNull();
    expect((await client.call('conversation.get', { id: conversation.id })).hasDraft).toBe(false);
  });
});
