import { describe, expect, it } from 'vitest';
import { PollerLock } from '../../../main/engine/platforms/telegram/poller-lock';
import { RpcError } from '../../../shared/rpc';
import { startEngine, newDataDir, type RunningEngine } from '../helpers/engine';
import { ANNA, ANNA_CHAT, fakeTelegram } from '../platforms/telegram/harness';
import { accountStatus, accountsWorkspace, firstConversation, messageState, telegramConfig } from './harness';

const rejection = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the call should have been refused'), (error: unknown) => error as RpcError);

const auditOf = (run: RunningEngine, id: string) =>
  run.engine.db.prepare<[string], { actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE entity = 'account' AND entity_id = ? ORDER BY id").all(id);

describe('accounts', () => {
  it('adds a Telegram bot: the token is checked with getMe, kept in the secret store under the account, and the bot syncs', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Where is my parcel?' });
    const workspace = accountsWorkspace();
    const run = workspace.start();

    const account = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });

    expect(account).toMatchObject({ platform: 'telegram', name: 'Northwind Support (@northwind_support_bot)', status: 'active' });
    expect(fake.calls('getMe')).toBe(1);
    expect(await workspace.secrets.list()).toEqual([account.id]);
    expect(await workspace.secrets.get(account.id)).toBe(fake.token);
    expect((await firstConversation(run.client)).preview).toBe('Where is my parcel?');
    await expect.poll(async () => (await run.client.call('accounts.list', {})).accounts[0]?.conversations, { timeout: 10_000 }).toBe(1);
    expect((await run.client.call('app.status', {})).accounts).toEqual([{ id: account.id, platform: 'telegram', name: account.name, handle: '', status: 'active' }]);
    expect(auditOf(run, account.id)).toEqual([{ actor: 'me', action: 'account.added' }]);
    expect(run.eventsNamed('accounts.changed').length).toBeGreaterThan(0);
  });

  it('refuses a token the platform does not accept, and keeps nothing', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const wrong = `${fake.bot.id}:AAWrongWrongWrongWrongWrongWrongWrong`;

    const error = await rejection(run.client.call('accounts.add', { platform: 'telegram', token: wrong, config: telegramConfig(fake) }));

    expect(error).toMatchObject({ code: 'refused', message: expect.stringContaining('does not accept this bot token') });
    expect(error.message).not.toContain(wrong);
    expect(await workspace.secrets.list()).toEqual([]);
    expect((await run.client.call('accounts.list', {})).accounts).toEqual([]);
    expect(run.engine.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('refuses a malformed token or config before asking the platform, without quoting the token', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const malformed = 'not-a-bot-token-at-all';

    const badToken = await rejection(run.client.call('accounts.add', { platform: 'telegram', token: malformed, config: telegramConfig(fake) }));
    expect(badToken).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('token is not valid') });
    expect(badToken.message).not.toContain(malformed);
    const badConfig = await rejection(run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: { baseUrl: 'ftp://x', extra: 1 } }));
    expect(badConfig).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/settings are not valid: .*baseUrl/) });
    expect(await rejection(run.client.call('accounts.add', { platform: 'reviews', token: fake.token, config: {} }))).toMatchObject({ code: 'refused' });
    expect(fake.calls('getMe')).toBe(0);
    expect(await workspace.secrets.list()).toEqual([]);
  });

  it('without a keychain says why on the accounts screen and refuses to add, before the token leaves', async () => {
    const fake = await fakeTelegram();
    const run = startEngine(newDataDir(), { secrets: Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')) });

    expect((await run.client.call('accounts.list', {})).keychain).toEqual({ available: false, problem: 'Cannot autolaunch D-Bus without X11 $DISPLAY' });
    const error = await rejection(run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) }));
    expect(error).toMatchObject({ code: 'refused', message: expect.stringContaining('Cannot autolaunch D-Bus') });
    expect(fake.calls('getMe')).toBe(0);
  });

  it('marks a revoked token needs_reconnect and keeps the queued reply; a new token for the same bot sends it once', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Refund please' });
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const { id } = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    const conversation = await firstConversation(run.client);

    fake.revokeToken();
    const reply = await run.client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body: 'Refund sent.' });
    await expect.poll(() => accountStatus(run.client, id), { timeout: 10_000 }).toBe('needs_reconnect');
    await expect.poll(async () => (await messageState(run.client, conversation.id, reply.id))?.state, { timeout: 10_000 }).toBe('queued');
    expect(run.engine.db.prepare('SELECT state FROM outbox WHERE message_id = ?').pluck().get(reply.id)).toBe('pending');
    expect(fake.published()).toEqual([]);
    expect((await run.client.call('accounts.list', {})).accounts[0]).toMatchObject({ queued: 1 });
    expect(await rejection(run.client.call('accounts.resume', { id }))).toMatchObject({ code: 'refused' });

    const updated = await run.client.call('accounts.reconnect', { id, token: fake.token });

    expect(updated.status).toBe('active');
    expect(await workspace.secrets.get(id)).toBe(fake.token);
    await expect.poll(async () => (await messageState(run.client, conversation.id, reply.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(fake.published().map((p) => p.text)).toEqual(['Refund sent.']);
    expect(auditOf(run, id)).toEqual([
      { actor: 'me', action: 'account.added' },
      { actor: 'system', action: 'account.needs_reconnect' },
      { actor: 'me', action: 'account.reconnected' },
    ]);
  });

  it('refuses a reconnect token the platform does not accept, and keeps the old one', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const { id } = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    const original = fake.token;

    expect(await rejection(run.client.call('accounts.reconnect', { id, token: `${fake.bot.id}:AAStillWrongStillWrongStillWrong` }))).toMatchObject({ code: 'refused' });
    expect(await workspace.secrets.get(id)).toBe(original);
    expect(await accountStatus(run.client, id)).toBe('active');
  });

  it('test asks the platform now and marks a refused token needs_reconnect', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const { id } = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    await run.client.call('accounts.pause', { id });

    expect(await run.client.call('accounts.test', { id })).toMatchObject({ ok: true, problem: null, account: { status: 'paused' } });
    fake.revokeToken();
    expect(await run.client.call('accounts.test', { id })).toMatchObject({ ok: false, problem: expect.stringContaining('does not accept'), account: { status: 'needs_reconnect' } });
    expect(auditOf(run, id).map((entry) => entry.action)).toEqual(['account.added', 'account.paused', 'account.tested', 'account.needs_reconnect', 'account.tested']);
  });

  it('pause stops polling and sending and keeps replies queued; resume sends them once', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Hello?' });
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const { id } = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    const conversation = await firstConversation(run.client);

    expect((await run.client.call('accounts.pause', { id })).status).toBe('paused');
    const polls = fake.calls('getUpdates');
    const reply = await run.client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body: 'Back soon.' });
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Still there?' });
    // A restart while paused does not start it either.
    await run.close();
    const again = workspace.start();
    await again.client.call('accounts.list', {});
    expect(await messageState(again.client, conversation.id, reply.id)).toMatchObject({ state: 'queued' });
    expect(fake.calls('getUpdates')).toBe(polls);
    expect(fake.published()).toEqual([]);

    expect((await again.client.call('accounts.resume', { id })).status).toBe('active');
    await expect.poll(async () => (await messageState(again.client, conversation.id, reply.id))?.state, { timeout: 10_000 }).toBe('sent');
    await expect.poll(async () => (await again.client.call('conversation.get', { id: conversation.id })).messages.length, { timeout: 10_000 }).toBe(3);
    expect(fake.published().map((p) => p.text)).toEqual(['Back soon.']);
    expect(auditOf(again, id).map((entry) => entry.action)).toEqual(['account.added', 'account.paused', 'account.resumed']);
  });

  it('remove deletes the token, the account and what it held here, and lets go of the bot', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Hi' });
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const { id } = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    const conversation = await firstConversation(run.client);
    await run.client.call('accounts.pause', { id });
    await run.client.call('reply.send', { conversationId: conversation.id, clientId: 'c-1', body: 'Queued, then discarded.' });

    await run.client.call('accounts.remove', { id });

    expect(await workspace.secrets.list()).toEqual([]);
    expect((await run.client.call('accounts.list', {})).accounts).toEqual([]);
    expect((await run.client.call('inbox.list', { view: 'all', offset: 0, limit: 10 })).total).toBe(0);
    expect(run.engine.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(run.engine.db.prepare("SELECT data FROM audit_log WHERE action = 'account.removed'").pluck().get()).toBe(
      JSON.stringify({ platform: 'telegram', name: 'Northwind Support (@northwind_support_bot)', conversations: 1, queued: 1 }),
    );
    // Another Switchboard may now read this bot's updates.
    const other = new PollerLock(fake.token, workspace.lockDir);
    expect(other.acquire()).toEqual({ held: true });
    other.release();
    expect(await rejection(run.client.call('accounts.remove', { id }))).toMatchObject({ code: 'not_found' });
  });

  it('lists the last good read and the streams’ last problem, such as Telegram’s lost-updates notice', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    const { id } = await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    await expect.poll(async () => (await run.client.call('accounts.list', {})).accounts[0]?.lastSyncAt, { timeout: 10_000 }).toBeTypeOf('number');
    await run.client.call('accounts.pause', { id });
    const notice = 'Messages may be lost: nothing was read for 26 h (since 2026-11-28T10:00:00.000Z) and the platform keeps them for only 24 h';
    run.engine.repos.syncState.save(id, 'updates', { ...run.engine.repos.syncState.get(id, 'updates'), lastError: notice });

    expect((await run.client.call('accounts.list', {})).accounts).toEqual([
      expect.objectContaining({ id, status: 'paused', lastError: notice, lastSyncAt: run.engine.repos.syncState.get(id, 'updates').lastSuccessAt }),
    ]);
  });

  it('refuses the same bot twice', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    await run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });

    expect(await rejection(run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) }))).toMatchObject({
      code: 'refused',
      message: expect.stringContaining('already connected'),
    });
    expect(await workspace.secrets.list()).toHaveLength(1);
  });
});

describe('accounts across a crash', () => {
  it('a token saved by an add that never wrote its row is deleted at the next start', async () => {
    const workspace = accountsWorkspace();
    await workspace.secrets.set('01ORPHANFROMACRASH', '7000000001:AAOrphanOrphanOrphanOrphanOrphan');
    const run = workspace.start();
    await expect.poll(() => workspace.secrets.list(), { timeout: 10_000 }).toEqual([]);
    expect(workspace.logs).toContain('accounts: deleted 1 token(s) no account uses (left by an interrupted add or remove)');
    expect(run.engine.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
  });

  it('an account whose token is gone from the keychain is marked needs_reconnect at start', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const first = workspace.start();
    const { id } = await first.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    await first.close();
    await workspace.secrets.delete(id);

    const again = workspace.start();
    await expect.poll(() => accountStatus(again.client, id), { timeout: 10_000 }).toBe('needs_reconnect');
  });

  it('takes the token back when the row cannot be written', async () => {
    const fake = await fakeTelegram();
    const workspace = accountsWorkspace();
    const run = workspace.start();
    run.engine.db.exec("CREATE TEMP TRIGGER refuse_accounts BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");

    expect(await rejection(run.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) }))).toMatchObject({ code: 'internal' });
    expect(await workspace.secrets.list()).toEqual([]);
    expect(run.engine.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
    expect(workspace.logs.join('\n')).not.toContain(fake.token);
  });
});
