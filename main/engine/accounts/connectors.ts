import type { Platform } from '../../../shared/domain';
import type { Account } from '../db/repos/accounts';
import { SandboxConnector } from '../platforms/sandbox/client';
import { metaConnector } from '../platforms/meta';
import { telegramConnector } from '../platforms/telegram';
import { vkConnector } from '../platforms/vk';
import { xConnector } from '../platforms/x';
import type { Connector } from '../platforms/types';

/**
 * Builds an account's connector from its stored (non-secret) config and its
 * token from the SecretStore: null where the platform needs none or none could
 * be read. Undefined when this build cannot connect the account; throws when
 * the config or the token is malformed (the message never quotes the token).
 */
export type ConnectorFactory = (account: Account, token: string | null) => Connector | undefined;

/** Platforms an agent connects by pasting a token. The sandbox needs none: it is the demo's own. */
export const TOKEN_PLATFORMS: readonly Platform[] = ['telegram', 'facebook', 'x', 'vk'];

export const needsToken = (platform: Platform): boolean => TOKEN_PLATFORMS.includes(platform);

export interface DefaultConnectorOptions {
  /** Where Telegram's poller locks live; the OS temp folder (shared by every Switchboard on the machine) by default. */
  lockDir?: string;
}

export function defaultConnectorFactory(options: DefaultConnectorOptions = {}): ConnectorFactory {
  return (account, token) => {
    switch (account.platform) {
      case 'sandbox':
        return typeof account.config.baseUrl === 'string' ? new SandboxConnector({ baseUrl: account.config.baseUrl }) : undefined;
      case 'telegram':
        return token === null ? undefined : telegramConnector(account.config, token, { lockDir: options.lockDir });
      case 'facebook':
        return token === null ? undefined : metaConnector(account.config, account.platformAccountId ?? null, token);
      case 'vk':
        // The community's id comes from its token (groups.getById) when the account is added.
        return token === null ? undefined : vkConnector(account.config, token, account.platformAccountId ?? null);
      case 'x':
        // The X user id comes from the token (/2/users/me) when the account is added.
        return token === null ? undefined : xConnector({ ...account.config, ...(account.platformAccountId && { userId: account.platformAccountId }) }, token);
      default:
        return undefined;
    }
  };
}

/** Lets go of what a connector holds beyond its requests: Telegram's poller lock, so another instance may read the bot's updates. */
export function releaseConnector(connector: Connector): void {
  connector.close?.();
}
