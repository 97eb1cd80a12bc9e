import { z } from 'zod';
import { parseAccountConfig } from '../account-config';
import { XConnector } from './client';
import { Snowflake } from './wire';

export { XConnector, type XConfig, type XStream } from './client';

/**
 * What an X account keeps in accounts.config: nothing secret. The access token
 * lives in the SecretStore under the account's id and is passed in separately.
 */
export const XAccountConfig = z
  .object({
    /** The account's X user id, as /2/users/me gave it when it was connected. */
    userId: Snowflake.optional(),
    /** Only for the fake; X's own by default. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    pageSize: z.number().int().min(5).max(100).optional(),
  })
  .strict();
export type XAccountConfig = z.infer<typeof XAccountConfig>;

/**
 * The connector for an X account, for the engine's connectorFor: the account's
 * stored config plus the access token from the SecretStore. A stored config
 * that does not parse is refused with what is wrong (it names fields, never
 * values); an empty or multi-line token is refused without quoting it.
 */
export function xConnector(accountConfig: unknown, token: string, now: () => number = Date.now): XConnector {
  const config = parseAccountConfig(XAccountConfig, 'X', accountConfig);
  // A header value cannot carry control characters; fetch would throw with the value in the message.
  if (!/^[\x21-\x7e]{1,4096}$/.test(token)) throw new RangeError('The X access token is not valid: expected printable characters without spaces');
  return new XConnector({ ...config, accessToken: token }, now);
}
