import { z } from 'zod';
import { parseAccountConfig } from '../account-config';
import { TelegramConnector } from './client';

export { TelegramConnector, UPDATE_RETENTION_MS, type TelegramConfig } from './client';

/**
 * What a Telegram account keeps in accounts.config: nothing secret. The token
 * lives in the SecretStore under the account's id and is passed in separately.
 */
export const TelegramAccountConfig = z
  .object({
    /** Only for a self-hosted Bot API server or the fake; Telegram's own by default. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Telegram holds a connection open for at most 50 s without news. */
    longPollSeconds: z.number().int().min(1).max(50).optional(),
  })
  .strict();
export type TelegramAccountConfig = z.infer<typeof TelegramAccountConfig>;

/**
 * The connector for a Telegram account, for the engine's connectorFor: the
 * account's stored config plus the bot token from the SecretStore. A stored
 * config that does not parse is refused with what is wrong (it names fields,
 * never values); a malformed token is refused without quoting it.
 */
export function telegramConnector(accountConfig: unknown, token: string, options: { lockDir?: string } = {}): TelegramConnector {
  const config = parseAccountConfig(TelegramAccountConfig, 'Telegram', accountConfig);
  return new TelegramConnector({ ...config, token, lockDir: options.lockDir });
}
