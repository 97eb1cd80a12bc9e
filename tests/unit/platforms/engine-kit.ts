import { expect } from 'vitest';
import type { Account } from '../../../main/engine/db/repos/accounts';
import type { Connector } from '../../../main/engine/platforms/types';
import type { Message } from '../../../shared/domain';
import type { Client } from '../../../shared/rpc';
import { newDataDir, startEngine, type RunningEngine } from '../helpers/engine';

// What the engine-level platform tests share: a real engine on a real SQLite file with one account on a fake, and the hide state of a message seen through the contract.

/**
 * A real engine on a real SQLite file holding one active `account` whose connector is `connector`,
 * on the wall clock as in production. The engine is started twice: accounts are read at start-up.
 */
export async function engineWithAccount(account: Omit<Account, 'status'>, connector: Connector): Promise<RunningEngine> {
  const dataDir = newDataDir();
  const connectorFor = (stored: { id: string }) => (stored.id === account.id ? connector : undefined);
  const first = startEngine(dataDir, { connectorFor });
  first.engine.repos.accounts.insert({ ...account, status: 'active' }, Date.now());
  await first.close();
  return startEngine(dataDir, { connectorFor });
}

/** The local id of the conversation stored under `platformId`, once sync has brought it. */
export async function conversationStored(run: RunningEngine, platformId: string): Promise<string> {
  const find = () => run.engine.db.prepare('SELECT id FROM conversations WHERE platform_id = ?').pluck().get(platformId) as string | undefined;
  await expect.poll(find, { timeout: 10_000 }).toBeDefined();
  return find()!;
}

/** The customer's message of a conversation, as the screen gets it. */
export async function customerMessage(client: Client, conversationId: string): Promise<Message> {
  return (await client.call('conversation.get', { id: conversationId })).messages.find((message) => message.direction === 'in')!;
}

export async function messageOf(client: Client, conversationId: string, id: string): Promise<Message> {
  return (await client.call('conversation.get', { id: conversationId })).messages.find((message) => message.id === id)!;
}

/** Waits until the message's latest hide or unhide has left `pending`, and returns the message then. */
export async function hidingSettled(client: Client, message: Pick<Message, 'conversationId' | 'id'>): Promise<Message> {
  await expect.poll(async () => (await messageOf(client, message.conversationId, message.id)).hideState, { timeout: 15_000 }).not.toBe('pending');
  return messageOf(client, message.conversationId, message.id);
}

/** A message's hide/unhide rows in the outbox, oldest first. */
export function hideRows(run: RunningEngine, messageId: string): { action: string; state: string }[] {
  return run.engine.db.prepare("SELECT action, state FROM outbox WHERE message_id = ? AND action IN ('hide', 'unhide') ORDER BY rowid").all(messageId) as { action: string; state: string }[];
}

/** Waits until the message's newest hide/unhide row is on its way to the platform. */
export async function hidingInFlight(run: RunningEngine, messageId: string): Promise<void> {
  await expect.poll(() => hideRows(run, messageId).at(-1)?.state, { timeout: 10_000 }).toBe('sending');
}
