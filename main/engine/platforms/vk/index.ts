import { z } from 'zod';
import { parseAccountConfig } from '../account-config';
import { VkConnector } from './client';

export { VkConnector, type VkConfig, type VkStream } from './client';

/**
 * What a VK account keeps in accounts.config: nothing secret. The community
 * token lives in the SecretStore under the account's id and is passed in separately.
 */
export const VkAccountConfig = z
  .object({
    /** Only where the account row does not carry it: the community id is learnt from the token when the account is added. */
    groupId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    /** Only for the fake; VK's own by default. */
    apiUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** VK holds a long poll for at most 90 s. */
    longPollSeconds: z.number().int().min(1).max(90).optional(),
    backfillDays: z.number().int().min(1).max(365).optional(),
    postsPerScan: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type VkAccountConfig = z.infer<typeof VkAccountConfig>;

/**
 * The connector for a VK account, for the engine's connectorFor: the account's
 * stored config plus the token from the SecretStore. A stored config that does
 * not parse is refused with what is wrong (it names fields, never values); a
 * malformed token is refused without quoting it.
 */
export function vkConnector(accountConfig: unknown, token: string, communityId: string | null = null): VkConnector {
  const config = parseAccountConfig(VkAccountConfig, 'VK', accountConfig);
  const known = communityId === null ? undefined : Number(communityId);
  return new VkConnector({ ...config, groupId: config.groupId ?? known ?? null, token });
}
