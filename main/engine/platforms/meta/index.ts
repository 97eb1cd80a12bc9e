import { z } from 'zod';
import { parseAccountConfig } from '../account-config';
import { MetaConnector } from './client';

export { MetaConnector, type MetaConfig } from './client';

/** Graph's versioned base; a Page keeps working on one version until Meta retires it. */
export const GRAPH_BASE_URL = 'https://graph.facebook.com/v21.0';

/**
 * What a Facebook Page account keeps in accounts.config: nothing secret. The
 * Page access token lives in the SecretStore; the Page's id is the account's
 * platformAccountId, learnt from the token when the account is added.
 */
export const MetaAccountConfig = z
  .object({
    /** Only for the fake Graph server in tests. */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** The Instagram professional account linked to the Page, when its comments and messages are synced too. */
    instagramAccountId: z.string().regex(/^\d{1,32}$/u).optional(),
    backfillDays: z.number().int().min(1).max(365).optional(),
  })
  .strict();

/**
 * The connector for a Facebook Page account, for the engine: its stored
 * config, the Page id once known (null while a new token is checked) and the
 * token from the SecretStore. A stored config that does not parse is refused
 * naming fields, never values.
 */
export function metaConnector(accountConfig: unknown, pageId: string | null, token: string): MetaConnector {
  const config = parseAccountConfig(MetaAccountConfig, 'Facebook', accountConfig);
  return new MetaConnector({ baseUrl: GRAPH_BASE_URL, ...config, pageId, accessToken: token });
}
