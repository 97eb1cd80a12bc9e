import { readFileSync } from 'node:fs';
import { TelegramConnector, type TelegramConfig } from '../../../../main/engine/platforms/telegram/client';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from '../../../../main/engine/platforms/telegram/fake';
import { tempDir } from '../../helpers/temp-dir';
import { closeAfterTest } from '../kit';

/** Payloads shaped after the Bot API reference; the file cites the pages. */
export const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/telegram/bot-api.json', import.meta.url), 'utf8')) as {
  getMe: { response: { result: Record<string, unknown> } };
  getUpdates: { response: { result: Record<string, unknown>[] } };
  sendMessage: { request: Record<string, unknown>; response: { result: Record<string, unknown> } };
  errors: Record<string, { ok: false; error_code: number; description: string; parameters?: Record<string, number> }>;
};

/** A fake Bot API, closed after the test. */
export async function fakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  return closeAfterTest(await startFakeTelegram(options));
}

/** A connector on the fake, with its poller lock in a folder of its own and short polls; released after the test. */
export function connectorFor(fake: FakeTelegram, config: Partial<TelegramConfig> = {}): TelegramConnector {
  return closeAfterTest(new TelegramConnector({ baseUrl: fake.url, token: fake.token, longPollSeconds: 1, lockDir: tempDir('switchboard-tg-lock-'), ...config }));
}

export const never = new AbortController().signal;

export const ANNA = { id: 311245678, is_bot: false, first_name: 'Anna', username: 'anna_k' } as const;
export const ANNA_CHAT = { id: 311245678, type: 'private', first_name: 'Anna', username: 'anna_k' } as const;
export const GROUP = { id: -1001987654321, type: 'supergroup', title: 'Northwind Customers' } as const;
