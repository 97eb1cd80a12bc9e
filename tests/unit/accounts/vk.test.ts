import { describe, expect, it } from 'vitest';
import { startFakeVk } from '../../../main/engine/platforms/vk/fake';
import { ANNA, GROUP } from '../platforms/vk/harness';
import { accountsWorkspace, firstConversation } from './harness';

/** A VK community connected from the accounts screen: which community it is comes from its token (groups.getById). */
describe('a VK community account', () => {
  it('is checked with groups.getById, kept under the community id, and receives its messages by long poll', async () => {
    const vk = await startFakeVk({ group: GROUP });
    try {
      const workspace = accountsWorkspace();
      const run = workspace.start();
      const account = await run.client.call('accounts.add', { platform: 'vk', token: vk.token, config: { apiUrl: vk.url, longPollSeconds: 1 } });
      expect(account).toMatchObject({ platform: 'vk', name: GROUP.name, status: 'active' });
      expect(run.engine.db.prepare('SELECT platform_account_id FROM accounts WHERE id = ?').pluck().get(account.id)).toBe(String(GROUP.id));
      expect(await workspace.secrets.get(account.id)).toBe(vk.token);

      await expect.poll(() => vk.calls('groups.getLongPollServer'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      vk.community.receive(ANNA, 'Где мой заказ?');
      expect((await firstConversation(run.client)).preview).toBe('Где мой заказ?');
      await run.close();
    } finally {
      await vk.close();
    }
  });
});
