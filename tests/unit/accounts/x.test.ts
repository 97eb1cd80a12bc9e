import { describe, expect, it } from 'vitest';
import { BRAND, HOUR, ANNA, TOKEN } from '../platforms/x/harness';
import { startFakeX } from '../../../main/engine/platforms/x/fake';
import { accountsWorkspace, firstConversation } from './harness';

/** An X account connected from the accounts screen: whose token it is comes from /2/users/me. */
describe('an X account', () => {
  it('is checked with /2/users/me, kept under the user id, and syncs its mentions', async () => {
    const fake = await startFakeX({ me: BRAND, accessToken: TOKEN });
    try {
      fake.store.mention(ANNA, 'Where is my order?', { at: Date.now() - HOUR });
      const workspace = accountsWorkspace();
      const run = workspace.start();
      const account = await run.client.call('accounts.add', { platform: 'x', token: TOKEN, config: { baseUrl: fake.url } });
      expect(account).toMatchObject({ platform: 'x', status: 'active' });
      expect(run.engine.db.prepare('SELECT platform_account_id FROM accounts WHERE id = ?').pluck().get(account.id)).toBe(BRAND.id);
      expect(await workspace.secrets.get(account.id)).toBe(TOKEN);
      expect((await firstConversation(run.client)).preview).toContain('Where is my order?');
      await expect(run.client.call('accounts.add', { platform: 'x', token: 'not-the-token', config: { baseUrl: fake.url } })).rejects.toMatchObject({ code: 'refused' });
      expect(await workspace.secrets.list()).toEqual([account.id]);
      await run.close();
    } finally {
      await fake.close();
    }
  });
});
