import { describe, expect, it } from 'vitest';
import { ANNA, HOUR, PAGE, setup } from '../platforms/meta/harness';
import { accountsWorkspace, firstConversation } from './harness';

/** A Facebook Page connected from the accounts screen: the Page's id comes from its token, never from the agent. */
describe('a Facebook Page account', () => {
  it('is checked with /me, named after the Page, kept under its id, and syncs its Messenger inbox', async () => {
    const { graph } = await setup({ now: Date.now });
    graph.store.customerWrites('messenger', ANNA, 'Is the shop open on Sunday?', Date.now() - HOUR);
    const workspace = accountsWorkspace();
    const run = workspace.start();

    const account = await run.client.call('accounts.add', { platform: 'facebook', token: 'token-1', config: { baseUrl: graph.url } });

    expect(account).toMatchObject({ platform: 'facebook', name: PAGE.name, status: 'active' });
    expect(run.engine.db.prepare('SELECT platform_account_id FROM accounts WHERE id = ?').pluck().get(account.id)).toBe(PAGE.id);
    expect(await workspace.secrets.get(account.id)).toBe('token-1');
    expect((await firstConversation(run.client)).preview).toBe('Is the shop open on Sunday?');
    // The Page's own inbox was read by its id: the connector that synced knew whose token it had.
    expect(graph.requests.some((request) => request.path.endsWith(`/${PAGE.id}/conversations`))).toBe(true);
  });

  it('refuses a token Graph does not accept, keeping nothing, and a stored config it does not know', async () => {
    const { graph } = await setup({ now: Date.now });
    const workspace = accountsWorkspace();
    const run = workspace.start();
    await expect(run.client.call('accounts.add', { platform: 'facebook', token: 'token-revoked', config: { baseUrl: graph.url } })).rejects.toMatchObject({ code: 'refused' });
    await expect(run.client.call('accounts.add', { platform: 'facebook', token: 'token-1', config: { baseUrl: graph.url, pageId: '1' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('unrecognized_keys'),
    });
    expect(await workspace.secrets.list()).toEqual([]);
    expect((await run.client.call('accounts.list', {})).accounts.filter((a) => a.platform === 'facebook')).toEqual([]);
  });
});
