import { describe, expect, it } from 'vitest';
import { UNCONFIRMED_SEND } from '../../../../shared/domain';
import type { Client } from '../../../../shared/rpc';
import type { EngineOptions } from '../../../../main/engine/engine';
import { TelegramConnector } from '../../../../main/engine/platforms/telegram/client';
import type { FakeTelegram } from '../../../../main/engine/platforms/telegram/fake';
import { newDataDir, startEngine, waitForConversations } from '../../helpers/engine';
import { tempDir } from '../../helpers/temp-dir';
import { ANNA, ANNA_CHAT, GROUP, fakeTelegram } from './harness';

const ACCOUNT = 'tg-account';

/**
 * A real engine on a real SQLite file with one Telegram account on the fake.
 * The engine does not release connectors yet, so this one does, after the engine closes.
 */
function telegramEngine(fake: FakeTelegram, dataDir: string, lockDir: string, options: Partial<EngineOptions> = {}) {
  const connectors: TelegramConnector[] = [];
  const running = startEngine(dataDir, {
    ...options,
    connectorFor: (account) => {
      const connector = new TelegramConnector({ baseUrl: fake.url, token: fake.token, longPollSeconds: 1, requestTimeoutMs: 2_000, lockDir });
      connectors.push(connector);
      return account.platform === 'telegram' ? connector : undefined;
    },
  });
  const close = running.close;
  running.close = async () => {
    await close();
    for (const connector of connectors) connector.close();
  };
  return running;
}

/** Adds the account and restarts the engine so its scheduler picks it up; returns the running engine. */
async function withAccount(fake: FakeTelegram, options: Partial<EngineOptions> = {}) {
  const dataDir = newDataDir();
  const lockDir = tempDir('switchboard-tg-lock-');
  const first = telegramEngine(fake, dataDir, lockDir, options);
  first.engine.repos.accounts.insert({ id: ACCOUNT, platform: 'telegram', name: 'Northwind Support', handle: '@northwind_support_bot', status: 'active', config: {} }, Date.now());
  await first.close();
  return { dataDir, lockDir, running: telegramEngine(fake, dataDir, lockDir, options) };
}

async function conversationWith(client: Client, kind: 'dm' | 'comment') {
  await expect.poll(async () => (await client.call('inbox.list', { view: 'all', offset: 0, limit: 50 })).items.find((c) => c.kind === kind), { timeout: 10_000 }).toBeTruthy();
  return (await client.call('inbox.list', { view: 'all', offset: 0, limit: 50 })).items.find((c) => c.kind === kind)!;
}

async function stateOf(client: Client, conversationId: string, messageId: string) {
  return (await client.call('conversation.get', { id: conversationId })).messages.find((m) => m.id === messageId);
}

describe('Telegram in the engine', () => {
  it('syncs private and group messages, and acknowledges them once stored', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Where is my parcel?' });
    fake.receive({ chat: GROUP, from: ANNA, text: '@northwind_support_bot the shop is closed today?' });
    const { running } = await withAccount(fake);
    await waitForConversations(running.client, 2);
    expect((await conversationWith(running.client, 'dm')).preview).toBe('Where is my parcel?');
    expect((await conversationWith(running.client, 'comment')).title).toBe('Northwind Customers');
    await expect.poll(() => fake.pending(), { timeout: 10_000 }).toBe(0);
    expect(running.engine.db.prepare('SELECT cursor FROM sync_state WHERE account_id = ?').pluck().get(ACCOUNT)).toMatch(/^\d+$/);
  });

  it('publishes a reply once, quoting the group message it answers', async () => {
    const fake = await fakeTelegram();
    const update = fake.receive({ chat: GROUP, from: ANNA, text: '@northwind_support_bot is delivery free?' });
    const { running } = await withAccount(fake);
    const conversation = await conversationWith(running.client, 'comment');
    const message = await running.client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body: 'Yes, delivery is free.' });
    await expect.poll(async () => (await stateOf(running.client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(fake.published()).toEqual([expect.objectContaining({ chat_id: GROUP.id, text: 'Yes, delivery is free.', reply_to_message_id: (update.message as { message_id: number }).message_id })]);
  });

  it('never publishes twice when the connection drops after Telegram committed the reply, across a restart', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Refund please' });
    const { dataDir, lockDir, running } = await withAccount(fake);
    const conversation = await conversationWith(running.client, 'dm');
    fake.faults({ route: 'replies', commit_then_fail: { count: 1 } });
    const message = await running.client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body: 'Refund sent.' });
    await expect.poll(async () => (await stateOf(running.client, conversation.id, message.id))?.state, { timeout: 10_000 }).toBe('failed');
    expect((await stateOf(running.client, conversation.id, message.id))?.error).toBe(UNCONFIRMED_SEND);
    expect(fake.published().map((p) => p.text)).toEqual(['Refund sent.']);
    await running.close();

    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Did it work?' });
    const again = telegramEngine(fake, dataDir, lockDir);
    // Running, synced, and its outbox started: the reply is still the agent's to check.
    await expect.poll(async () => (await again.client.call('conversation.get', { id: conversation.id })).messages.length, { timeout: 10_000 }).toBe(3);
    expect(await stateOf(again.client, conversation.id, message.id)).toMatchObject({ state: 'failed', error: UNCONFIRMED_SEND });
    expect(again.engine.db.prepare('SELECT state FROM outbox WHERE message_id = ?').pluck().get(message.id)).toBe('failed');
    expect(fake.published()).toHaveLength(1);
    expect(fake.calls('sendMessage')).toBe(1);
  });

  it('never resends a reply interrupted mid-flight by a shutdown', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Hello?' });
    const { dataDir, lockDir, running } = await withAccount(fake);
    const conversation = await conversationWith(running.client, 'dm');
    fake.faults({ route: 'replies', latency_ms: 500 });
    const message = await running.client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body: 'Sent right before quitting.' });
    await expect.poll(() => fake.calls('sendMessage'), { timeout: 10_000 }).toBe(1);
    await running.close(); // the request is abandoned while Telegram works on it; it still publishes it

    const again = telegramEngine(fake, dataDir, lockDir);
    await expect.poll(async () => (await stateOf(again.client, conversation.id, message.id))?.error, { timeout: 10_000 }).toBe(UNCONFIRMED_SEND);
    await expect.poll(() => fake.published().length, { timeout: 10_000 }).toBe(1);
    expect(again.engine.db.prepare('SELECT state, attempts FROM outbox WHERE message_id = ?').get(message.id)).toEqual({ state: 'failed', attempts: 2 });
    expect(fake.calls('sendMessage')).toBe(1);
  });

  it('says in the account’s sync status that messages may be lost after more than 24 hours away', async () => {
    const fake = await fakeTelegram();
    const { dataDir, lockDir, running } = await withAccount(fake);
    await expect.poll(() => fake.waiting(), { timeout: 10_000 }).toBe(true);
    await running.close();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Anyone?' });

    // The app comes back 26 hours later.
    const later = telegramEngine(fake, dataDir, lockDir, { now: () => Date.now() + 26 * 3_600_000 });
    const status = () => later.engine.db.prepare('SELECT last_error FROM sync_state WHERE account_id = ?').pluck().get(ACCOUNT);
    await expect.poll(status, { timeout: 10_000 }).toMatch(/^Messages may be lost: nothing was read for 26 h \(since .+\) and the platform keeps them for only 24 h$/);
    // It stays through the next good reads: it is news for the agent, not a passing error.
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Still there?' });
    await expect.poll(() => fake.pending(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => later.engine.db.prepare('SELECT count(*) FROM messages').pluck().get(), { timeout: 10_000 }).toBe(2);
    expect(status()).toMatch(/^Messages may be lost/);
  });

  it('says nothing of the kind after a short break', async () => {
    const fake = await fakeTelegram();
    const { dataDir, lockDir, running } = await withAccount(fake);
    await expect.poll(() => fake.waiting(), { timeout: 10_000 }).toBe(true);
    await running.close();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Anyone?' });
    const later = telegramEngine(fake, dataDir, lockDir, { now: () => Date.now() + 23 * 3_600_000 });
    await waitForConversations(later.client, 1);
    expect(later.engine.db.prepare('SELECT last_error FROM sync_state WHERE account_id = ?').pluck().get(ACCOUNT)).toBeNull();
  });
});
