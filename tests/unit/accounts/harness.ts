import { expect } from 'vitest';
import type { EngineOptions } from '../../../main/engine/engine';
import { MemorySecretStore } from '../../../main/engine/secrets/memory-store';
import type { FakeTelegram } from '../../../main/engine/platforms/telegram/fake';
import type { Client } from '../../../shared/rpc';
import { newDataDir, startEngine, type RunningEngine } from '../helpers/engine';
import { tempDir } from '../helpers/temp-dir';

/** An engine on a real SQLite file with a MemorySecretStore standing in for the keychain; both survive a restart of the engine. */
export interface AccountsWorkspace {
  dataDir: string;
  secrets: MemorySecretStore;
  lockDir: string;
  /** Every line the engine logged, across restarts. */
  logs: string[];
  start(options?: Partial<EngineOptions>): RunningEngine;
}

export function accountsWorkspace(): AccountsWorkspace {
  const workspace: AccountsWorkspace = {
    dataDir: newDataDir(),
    secrets: new MemorySecretStore(),
    lockDir: tempDir('switchboard-tg-lock-'),
    logs: [],
    start: (options = {}) => startEngine(workspace.dataDir, { secrets: workspace.secrets, lockDir: workspace.lockDir, log: (line) => workspace.logs.push(line), ...options }),
  };
  return workspace;
}

/** What the accounts screen sends for a Telegram bot on the fake: its address (never offered in the UI) and short polls. */
export const telegramConfig = (fake: FakeTelegram) => ({ baseUrl: fake.url, longPollSeconds: 1 });

export async function accountStatus(client: Client, id: string) {
  return (await client.call('accounts.list', {})).accounts.find((account) => account.id === id)?.status;
}

/** The one conversation the fake's customer started, once synced. */
export async function firstConversation(client: Client) {
  await expect.poll(async () => (await client.call('inbox.list', { view: 'all', offset: 0, limit: 1 })).total, { timeout: 10_000 }).toBeGreaterThan(0);
  return (await client.call('inbox.list', { view: 'all', offset: 0, limit: 1 })).items[0]!;
}

export async function messageState(client: Client, conversationId: string, messageId: string) {
  return (await client.call('conversation.get', { id: conversationId })).messages.find((m) => m.id === messageId);
}
