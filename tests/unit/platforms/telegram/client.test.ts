import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFLICT_RETRY_MS, TelegramConnector } from '../../../../main/engine/platforms/telegram/client';
import { telegramConnector } from '../../../../main/engine/platforms/telegram';
import { PlatformError, type Connector, type UpdatesPage } from '../../../../main/engine/platforms/types';
import { tempDir } from '../../helpers/temp-dir';
import { damaged } from './hostile';
import { ANNA, ANNA_CHAT, GROUP, connectorFor, fakeTelegram, fixture, never } from './harness';

async function failureOf(work: Promise<unknown>): Promise<PlatformError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

/** Everything a log line, a crash report or the UI could ever show of an error. */
function everythingShown(error: unknown): string {
  return `${String(error)}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
}

describe('TelegramConnector against the fake Bot API', () => {
  it('verifies the token with getMe', async () => {
    const fake = await fakeTelegram();
    await expect(connectorFor(fake).verify(never)).resolves.toEqual({ platformAccountId: String(fake.bot.id), displayName: 'Northwind Support (@northwind_support_bot)' });
  });

  it('reads the reference-shaped updates, and acknowledges them only with the next poll', async () => {
    const fake = await fakeTelegram();
    for (const update of fixture.getUpdates.response.result) fake.pushUpdate(update);
    const connector = connectorFor(fake, { pageSize: 5 });

    const first = await connector.fetchUpdates('updates', null, never);
    expect(first.items.map((item) => item.platformId)).toEqual(['311245678/52', '311245678/53', '-1001987654321/1204', '-1001987654321/1210', '-1001987654321/1211']);
    expect(first).toMatchObject({ cursor: '871234006', hasMore: true, remaining: null, quarantined: [] });
    expect(fake.pending()).toBe(8); // nothing confirmed yet: the page may not be committed

    // A crash before the commit: the same cursor reads the same page again.
    expect((await connector.fetchUpdates('updates', null, never)).cursor).toBe('871234006');
    const second = await connector.fetchUpdates('updates', first.cursor, never);
    expect(fake.pending()).toBe(3);
    expect(second).toMatchObject({ items: [], cursor: '871234009', hasMore: false });
    await connector.fetchUpdates('updates', second.cursor, never);
    expect(fake.pending()).toBe(0);
  });

  it('asks only for messages, and steps over other types queued before it asked', async () => {
    const fake = await fakeTelegram();
    fake.pushUpdate({ callback_query: { id: '1', from: ANNA, chat_instance: '42', data: 'x' } });
    const text = fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Hello' });
    const connector = connectorFor(fake);
    const page = await connector.fetchUpdates('updates', null, never);
    expect(page.items.map((item) => item.body)).toEqual(['Hello']);
    expect(page.cursor).toBe(String((text.update_id as number) + 1));

    fake.pushUpdate({ edited_message: { message_id: 1, chat: ANNA_CHAT, date: 1764400000, text: 'Hello!' } });
    await connector.fetchUpdates('updates', page.cursor, never);
    expect(fake.pending()).toBe(0);
  });

  it('long-polls: a poll that waits returns as soon as a message arrives', async () => {
    const fake = await fakeTelegram();
    const connector = connectorFor(fake, { longPollSeconds: 30 });
    const empty = await connector.fetchUpdates('updates', null, never);
    const polling = connector.fetchUpdates('updates', empty.cursor, never);
    await expect.poll(() => fake.waiting()).toBe(true);
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Are you there?' });
    expect((await polling).items.map((item) => item.body)).toEqual(['Are you there?']);
  });

  it('sends to a private chat without quoting, and quotes the anchor in a group', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'Where is my order?' });
    const mention = fake.receive({ chat: GROUP, from: ANNA, text: '@northwind_support_bot hi' });
    const connector = connectorFor(fake);
    const anchor = (mention.message as { message_id: number }).message_id;

    const dm = await connector.sendReply({ threadPlatformId: String(ANNA_CHAT.id), text: 'On its way.', visibility: 'private', idempotencyKey: 'k1' }, never);
    const inGroup = await connector.sendReply({ threadPlatformId: `${GROUP.id}/${anchor}`, text: 'Hello!', visibility: 'public', idempotencyKey: 'k2' }, never);

    expect(fake.published()).toEqual([
      expect.objectContaining({ chat_id: ANNA_CHAT.id, text: 'On its way.', reply_to_message_id: null }),
      expect.objectContaining({ chat_id: GROUP.id, text: 'Hello!', reply_to_message_id: anchor }),
    ]);
    expect(dm.platformId).toBe(`${ANNA_CHAT.id}/${fake.published()[0]!.message_id}`);
    expect(inGroup.platformId).toBe(`${GROUP.id}/${fake.published()[1]!.message_id}`);
    expect(inGroup.createdAt).toBe(fake.published()[1]!.date * 1000);
  });

  it('still answers when the quoted message is gone', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: GROUP, from: ANNA, text: 'first' });
    await connectorFor(fake).sendReply({ threadPlatformId: `${GROUP.id}/999`, text: 'Still here', visibility: 'public', idempotencyKey: 'k' }, never);
    expect(fake.published()).toEqual([expect.objectContaining({ text: 'Still here', reply_to_message_id: null })]);
  });

  it('refuses a conversation id that is not a Telegram chat, without calling Telegram', async () => {
    const fake = await fakeTelegram();
    const error = await failureOf(connectorFor(fake).sendReply({ threadPlatformId: 'thread-7', text: 'x', visibility: 'public', idempotencyKey: 'k' }, never));
    expect(error.kind).toBe('refused');
    expect(fake.published()).toEqual([]);
  });

  it('refuses a malformed token before it reaches a URL, without quoting it', () => {
    expect(() => new TelegramConnector({ token: 'not a token sk-SECRET' })).toThrow(/not valid/);
    expect(() => new TelegramConnector({ token: 'not a token sk-SECRET' })).not.toThrow(/SECRET/);
  });

  it('treats a corrupt stored offset as a lost position', async () => {
    const fake = await fakeTelegram();
    expect((await failureOf(connectorFor(fake).fetchUpdates('updates', 'abc', never))).kind).toBe('cursor_invalid');
  });

  it('quarantines a malformed update and still moves past it', async () => {
    const fake = await fakeTelegram();
    const bad = fake.pushUpdate({ message: { message_id: 'one', chat: ANNA_CHAT, date: 'today' } });
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'after the bad one' });
    const connector = connectorFor(fake);
    const page = await connector.fetchUpdates('updates', null, never);
    expect(page.items.map((item) => item.body)).toEqual(['after the bad one']);
    expect(page.quarantined).toEqual([{ payload: JSON.stringify(bad), error: expect.stringContaining('message.message_id') }]);
    await connector.fetchUpdates('updates', page.cursor, never);
    expect(fake.pending()).toBe(0);
  });

  it('ends a poll with a page or a PlatformError, whatever the updates say', async () => {
    const fake = await fakeTelegram();
    const connector = connectorFor(fake, { longPollSeconds: 0 });
    let cursor: string | null = null;
    await fc.assert(
      fc.asyncProperty(fc.array(damaged, { minLength: 1, maxLength: 4 }), async (updates) => {
        for (const update of updates) fake.pushUpdate(update);
        const queued = fake.pending();
        const outcome = await connector.fetchUpdates('updates', cursor, never).catch((error: unknown) => error);
        if (outcome instanceof PlatformError) {
          cursor = String(fake.lastUpdateId() + 1); // step over what cannot be acknowledged, as an operator would
          return;
        }
        expect(outcome).not.toBeInstanceOf(Error);
        const page = outcome as UpdatesPage;
        expect(page.items.length + page.quarantined.length).toBeLessThanOrEqual(queued);
        cursor = page.cursor;
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a page whose updates carry no readable update_id, rather than quarantine it at every poll', async () => {
    const fake = await fakeTelegram();
    fake.pushUpdate({ update_id: 'x', message: {} });
    const error = await failureOf(connectorFor(fake).fetchUpdates('updates', null, never));
    expect(error.kind).toBe('server');
  });
});

describe('TelegramConnector error mapping', () => {
  it('speaks the reference error envelope', async () => {
    const fake = await fakeTelegram();
    const answer = async (path: string, body: object) => (await fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    expect(await answer('/bot123:wrong/getMe', {})).toEqual(fixture.errors.unauthorized);
    expect(await answer('/nothing', {})).toEqual(fixture.errors.notFound);
    expect(await answer(`/bot${fake.token}/sendMessage`, { chat_id: 1, text: 'x' })).toEqual(fixture.errors.chatNotFound);
    fake.faults({ route: 'updates', rate_limit: { retry_after_s: 17, count: 1 } });
    expect(await answer(`/bot${fake.token}/getUpdates`, {})).toEqual(fixture.errors.tooManyRequests);
    fake.faults({ route: 'updates', fail: { status: 502, count: 1 } });
    expect(await answer(`/bot${fake.token}/getUpdates`, {})).toEqual(fixture.errors.badGateway);
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'hi' });
    fake.block(ANNA_CHAT.id);
    expect(await answer(`/bot${fake.token}/sendMessage`, { chat_id: ANNA_CHAT.id, text: 'x' })).toEqual(fixture.errors.blocked);
    fake.receive({ chat: GROUP, from: ANNA, text: 'hi' });
    fake.migrate(GROUP.id, -1001987654399);
    expect(await answer(`/bot${fake.token}/sendMessage`, { chat_id: GROUP.id, text: 'x' })).toEqual(fixture.errors.migrated);
  });

  it('maps 429 to rate_limited with retry_after', async () => {
    const fake = await fakeTelegram();
    fake.faults({ route: 'updates', rate_limit: { retry_after_s: 17, count: 1 } });
    const error = await failureOf(connectorFor(fake).fetchUpdates('updates', null, never));
    expect([error.kind, error.retryAfterMs]).toEqual(['rate_limited', 17_000]);
  });

  it('maps a revoked token to unauthorized', async () => {
    const fake = await fakeTelegram();
    const connector = connectorFor(fake);
    fake.revokeToken();
    expect((await failureOf(connector.verify(never))).kind).toBe('unauthorized');
    expect((await failureOf(connector.fetchUpdates('updates', null, never))).kind).toBe('unauthorized');
  });

  it.each([
    ['blocked by the user', (fake: Awaited<ReturnType<typeof fakeTelegram>>) => fake.block(ANNA_CHAT.id), /blocked by the user/],
    ['an empty text', () => undefined, /text is empty/],
  ])('maps a definite no (%s) to refused with Telegram’s reason', async (_label, arrange, reason) => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'hi' });
    arrange(fake);
    const text = reason.source.includes('empty') ? '   ' : 'Sorry!';
    const error = await failureOf(connectorFor(fake).sendReply({ threadPlatformId: String(ANNA_CHAT.id), text, visibility: 'private', idempotencyKey: 'k' }, never));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(reason);
    expect(error.ambiguous).toBe(false);
  });

  it('says where a group went when it became a supergroup', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: GROUP, from: ANNA, text: 'hi' });
    fake.migrate(GROUP.id, -1001987654399);
    const error = await failureOf(connectorFor(fake).sendReply({ threadPlatformId: `${GROUP.id}/1`, text: 'x', visibility: 'public', idempotencyKey: 'k' }, never));
    expect([error.kind, error.message]).toEqual(['refused', expect.stringContaining('-1001987654399')]);
  });

  it('backs off, without hammering, when another poller overtakes this one (409)', async () => {
    const fake = await fakeTelegram();
    const ours = connectorFor(fake, { longPollSeconds: 30 });
    const cursor = (await ours.fetchUpdates('updates', null, never)).cursor;
    const polling = failureOf(ours.fetchUpdates('updates', cursor, never));
    await expect.poll(() => fake.waiting()).toBe(true);
    // Another machine polls the same bot.
    await fetch(`${fake.url}/bot${fake.token}/getUpdates`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"timeout":0}' });
    const error = await polling;
    expect([error.kind, error.retryAfterMs]).toEqual(['refused', CONFLICT_RETRY_MS]);
    expect(error.message).toMatch(/Another app is reading this bot/);
  });

  it('refuses to poll while another connector on this machine holds the bot', async () => {
    const fake = await fakeTelegram();
    const lockDir = tempDir('switchboard-tg-lock-');
    const first = connectorFor(fake, { lockDir });
    await first.fetchUpdates('updates', null, never);
    const second = connectorFor(fake, { lockDir });
    const error = await failureOf(second.fetchUpdates('updates', null, never));
    expect([error.kind, error.retryAfterMs]).toEqual(['refused', CONFLICT_RETRY_MS]);
    expect(error.message).toContain(`process ${process.pid}`);
    first.close();
    await expect(second.fetchUpdates('updates', null, never)).resolves.toMatchObject({ items: [] });
  });
});

describe('TelegramConnector under faults, never showing the token', () => {
  const faults = [
    ['a 5xx', { fail: { status: 502, count: 1 } }, 'server'],
    ['a 429', { rate_limit: { retry_after_s: 3, count: 1 } }, 'rate_limited'],
    ['a reset connection', { drop: { count: 1 } }, 'network'],
    ['malformed JSON', { malformed_json: { count: 1 } }, 'server'],
  ] as const;

  it.each(faults)('getUpdates survives %s', async (_label, fault, kind) => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'one' });
    const connector = connectorFor(fake);
    fake.faults({ route: 'updates', ...fault });
    const error = await failureOf(connector.fetchUpdates('updates', null, never));
    expect(error.kind).toBe(kind);
    expect(everythingShown(error)).not.toContain(fake.token);
    // The fault was one request: the next poll gets the message, which was never acknowledged.
    expect((await connector.fetchUpdates('updates', null, never)).items.map((item) => item.body)).toEqual(['one']);
  });

  it.each([...faults, ['a failure after Telegram committed the message', { commit_then_fail: { count: 1 } }, 'network'] as const])(
    'sendMessage under %s: an ambiguous failure only where the message may have gone out',
    async (_label, fault, kind) => {
      const fake = await fakeTelegram();
      fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'hi' });
      fake.faults({ route: 'replies', ...fault });
      const error = await failureOf(connectorFor(fake).sendReply({ threadPlatformId: String(ANNA_CHAT.id), text: 'Reply', visibility: 'private', idempotencyKey: 'k' }, never));
      expect(error.kind).toBe(kind);
      expect(everythingShown(error)).not.toContain(fake.token);
      const committed = 'commit_then_fail' in fault || 'malformed_json' in fault;
      expect(fake.published()).toHaveLength(committed ? 1 : 0);
      if (committed) expect(error.ambiguous).toBe(true);
    },
  );

  it('times out a call that takes too long, as a network failure', async () => {
    const fake = await fakeTelegram();
    fake.receive({ chat: ANNA_CHAT, from: ANNA, text: 'hi' });
    fake.faults({ route: 'replies', latency_ms: 2_000 });
    const connector = connectorFor(fake, { requestTimeoutMs: 200 });
    const error = await failureOf(connector.sendReply({ threadPlatformId: String(ANNA_CHAT.id), text: 'Reply', visibility: 'private', idempotencyKey: 'k' }, never));
    expect([error.kind, error.message]).toEqual(['network', 'The platform did not answer in time']);
    expect(everythingShown(error)).not.toContain(fake.token);
  });

  it('keeps the token out of an unreachable address’s error and its causes', async () => {
    const fake = await fakeTelegram();
    const connector = connectorFor(fake, { baseUrl: 'http://127.0.0.1:9' });
    const error = await failureOf(connector.verify(never));
    expect(error.kind).toBe('network');
    expect(String(error.cause)).toMatch(/ECONNREFUSED|fetch failed/);
    expect(everythingShown(error)).not.toContain(fake.token);
  });

  it('keeps the token out of an unparsable address’s error', async () => {
    const fake = await fakeTelegram();
    const error = await failureOf(connectorFor(fake, { baseUrl: 'http://exa mple:99999' }).verify(never));
    expect(error.kind).toBe('network');
    expect(String(error.cause)).toContain('<token>');
    expect(everythingShown(error)).not.toContain(fake.token);
  });
});

describe('telegramConnector, the factory for the engine', () => {
  it('builds a working connector from the stored config and the token', async () => {
    const fake = await fakeTelegram();
    const connector = telegramConnector({ baseUrl: fake.url, longPollSeconds: 1 }, fake.token, { lockDir: tempDir('switchboard-tg-lock-') });
    try {
      await expect(connector.verify(never)).resolves.toMatchObject({ platformAccountId: String(fake.bot.id) });
      expect(connector.dedupesSends).toBe(false);
      expect((connector as Connector).findPublished).toBeUndefined();
    } finally {
      connector.close();
    }
  });

  it.each([
    ['a wrong type', { longPollSeconds: 'soon' }],
    ['an out-of-range poll', { longPollSeconds: 3600 }],
    ['a non-http address', { baseUrl: 'file:///etc/passwd' }],
    ['an unknown field', { token: '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' }],
    ['not an object', 'https://api.telegram.org'],
  ])('refuses a stored config with %s, naming the field but not the value', (_label, config) => {
    expect(() => telegramConnector(config, '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw')).toThrow(/settings are not valid/);
    expect(() => telegramConnector(config, '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw')).not.toThrow(/AAHdqTcv|passwd|soon/);
  });
});
