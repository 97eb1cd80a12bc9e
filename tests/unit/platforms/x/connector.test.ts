import { describe, expect, it } from 'vitest';
import { XConnector } from '../../../../main/engine/platforms/x/client';
import { snowflakeTime } from '../../../../main/engine/platforms/x/ids';
import { xConnector } from '../../../../main/engine/platforms/x';
import { decodeCursor, encodeCursor } from '../../../../main/engine/platforms/x/scan';
import { ANNA, BRAND, MINUTE, PIOTR, TOKEN, bodies, drain, failure, setup, signal } from './harness';

const ANNA_DMS = `${ANNA.id}-${BRAND.id}`;

describe('X identity', () => {
  it('verifies the token through /2/users/me', async () => {
    const { x } = await setup();
    expect(await x.verify(signal)).toEqual({ platformAccountId: BRAND.id, displayName: 'Northwind Coffee (@northwindcoffee)' });
  });

  it('refuses a token of another user, and a revoked one, as unauthorized', async () => {
    const { fake, clock } = await setup();
    const other = new XConnector({ baseUrl: fake.url, accessToken: TOKEN, userId: PIOTR.id }, clock.now);
    expect((await failure(other.verify(signal))).kind).toBe('unauthorized');
    fake.revokeToken();
    const x = new XConnector({ baseUrl: fake.url, accessToken: TOKEN }, clock.now);
    const revoked = await failure(x.fetchUpdates('mentions', null, signal));
    expect(revoked.kind).toBe('unauthorized');
    expect(revoked.message).toContain('Unauthorized');
  });

  it('builds from the stored account config, refusing a corrupt one or a token that cannot go in a header without quoting either', () => {
    expect(xConnector({ userId: BRAND.id, baseUrl: 'http://127.0.0.1:9' }, TOKEN)).toBeInstanceOf(XConnector);
    expect(() => xConnector({ userId: 'not-an-id', secret: 'hunter2' }, TOKEN)).toThrow(/userId: invalid_format; config: unrecognized_keys/);
    expect(() => xConnector({ userId: 'not-an-id' }, TOKEN)).not.toThrow(/not-an-id/);
    expect(() => xConnector({}, 'abc\r\nX-Evil: 1')).toThrow(/not valid/);
    expect(() => xConnector({}, 'abc\r\nX-Evil: 1')).not.toThrow(/Evil/);
  });
});

describe('the mentions stream', () => {
  it('backfills newest first in pages, then reads only what is newer with since_id', async () => {
    const { fake, x, clock } = await setup();
    for (let i = 1; i <= 7; i++) fake.store.mention(i % 2 ? ANNA : PIOTR, `question ${i}`, { at: clock.at - (8 - i) * MINUTE });
    const first = await drain(x, 'mentions');
    expect(first.pages.map((page) => page.hasMore)).toEqual([true, false]);
    expect(bodies(first.pages)).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `@northwindcoffee question ${i}`));
    expect(first.pages[0]!.items[0]).toMatchObject({
      thread: { platformId: expect.stringMatching(/^mention:\d+\/1234567890$/), kind: 'mention' },
      author: { platformId: ANNA.id, name: 'Anna Kowalska', handle: '@anna_k' },
      direction: 'in',
      visibility: 'public',
      createdAt: clock.at - MINUTE,
    });

    clock.advance(MINUTE);
    fake.store.mention(PIOTR, 'question 8');
    const next = await drain(x, 'mentions', first.cursor);
    expect(bodies(next.pages)).toEqual(['@northwindcoffee question 8']);
    const lastRead = fake.requests.filter((request) => request.endpoint === 'GET /2/users/:id/mentions').at(-1)!;
    expect(lastRead.query.get('since_id')).toBe(decodeCursor(first.cursor!).since);
    expect(bodies((await drain(x, 'mentions', next.cursor)).pages)).toEqual([]);
  });

  it('loses nothing that arrives mid-scan, and a page re-read after a crash repeats only itself', async () => {
    const { fake, x, clock } = await setup();
    for (let i = 1; i <= 7; i++) fake.store.mention(ANNA, `m${i}`, { at: clock.at - (8 - i) * MINUTE });
    const first = await x.fetchUpdates('mentions', null, signal);
    fake.store.mention(PIOTR, 'arrived mid-scan');
    // The engine crashed before committing the second page: it asks again with the same cursor.
    const second = await x.fetchUpdates('mentions', first.cursor, signal);
    const again = await x.fetchUpdates('mentions', first.cursor, signal);
    expect(again.items).toEqual(second.items);
    expect(second.hasMore).toBe(false);
    const rest = await drain(x, 'mentions', second.cursor);
    expect([...bodies([first, second]), ...bodies(rest.pages)]).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1', 'arrived mid-scan'].map((t) => `@northwindcoffee ${t}`));
  });

  it('restarts a scan whose pagination token X no longer takes, keeping its position; a cursor it did not write is cursor_invalid', async () => {
    const { fake, x } = await setup();
    fake.store.mention(ANNA, 'old');
    const { cursor } = await drain(x, 'mentions');
    fake.store.mention(PIOTR, 'new');
    const { since } = decodeCursor(cursor!);
    const stale = encodeCursor({ v: 1, since, scan: { top: since, next: 'expired-token', pages: 1 } });
    const page = await x.fetchUpdates('mentions', stale, signal);
    expect(bodies([page])).toEqual(['@northwindcoffee new']);
    expect((await failure(x.fetchUpdates('mentions', 'garbage', signal))).kind).toBe('cursor_invalid');
    expect((await failure(x.fetchUpdates('timeline', null, signal))).kind).toBe('refused');
  });

  it('shows links as written and unescapes &amp;, and skips the account mentioning itself', async () => {
    const { fake, x } = await setup();
    fake.store.mention(ANNA, '@northwindcoffee order https://example.com/o/4471 & receipt <here>');
    fake.store.mention(BRAND, '@northwindcoffee note to self');
    const { pages } = await drain(x, 'mentions');
    expect(bodies(pages)).toEqual(['@northwindcoffee order https://example.com/o/4471 & receipt <here>']);
  });
});

describe('the DM stream', () => {
  it('reads both directions, then only events above the last delivered one (dm_events has no since_id)', async () => {
    const { fake, x, clock } = await setup();
    for (let i = 1; i <= 6; i++) fake.store.customerDm(i % 2 ? ANNA : PIOTR, `dm ${i}`, clock.at - (7 - i) * MINUTE);
    await x.sendReply({ threadPlatformId: `dm:${ANNA_DMS}`, text: 'Hello Anna', visibility: 'private', idempotencyKey: 'k' }, signal);
    const first = await drain(x, 'dms');
    expect(first.pages).toHaveLength(2);
    expect(first.pages[0]!.items[0]).toMatchObject({ body: 'Hello Anna', direction: 'out', thread: { platformId: `dm:${ANNA_DMS}`, kind: 'dm' }, visibility: 'private' });
    expect(bodies(first.pages)).toEqual(['Hello Anna', 'dm 6', 'dm 5', 'dm 4', 'dm 3', 'dm 2', 'dm 1']);

    clock.advance(MINUTE);
    fake.store.customerDm(ANNA, 'dm 7');
    const next = await drain(x, 'dms', first.cursor);
    expect(bodies(next.pages)).toEqual(['dm 7']);
    expect(next.pages[0]!.items[0]!.author).toEqual({ platformId: ANNA.id, name: 'Anna Kowalska', handle: '@anna_k' });
  });
});

describe('replies', () => {
  it('answers a mention with a tweet in reply to it, dated by its snowflake', async () => {
    const { fake, x, clock } = await setup();
    const mention = fake.store.mention(ANNA, 'where is my order?');
    clock.advance(MINUTE);
    const sent = await x.sendReply({ threadPlatformId: `mention:${mention.id}/${ANNA.id}`, text: 'Checking now!', visibility: 'public', idempotencyKey: 'k' }, signal);
    expect(fake.store.published).toEqual([{ kind: 'tweet', id: sent.platformId, text: 'Checking now!', target: mention.id, at: clock.at }]);
    expect(fake.store.tweet(sent.platformId)!.text).toBe('@anna_k Checking now!');
    expect(sent.createdAt).toBe(snowflakeTime(sent.platformId));
    expect(sent.createdAt).toBe(clock.at);
  });

  it('answers a mention privately by DM to its author, and a DM in its conversation', async () => {
    const { fake, x } = await setup();
    const mention = fake.store.mention(ANNA, 'my address is wrong');
    fake.store.customerDm(ANNA, 'hi');
    const privately = await x.sendReply({ threadPlatformId: `mention:${mention.id}/${ANNA.id}`, text: 'Send it here, please.', visibility: 'private', idempotencyKey: 'a' }, signal);
    const inDm = await x.sendReply({ threadPlatformId: `dm:${ANNA_DMS}`, text: 'Got it.', visibility: 'private', idempotencyKey: 'b' }, signal);
    expect(fake.store.published.map((entry) => [entry.kind, entry.id, entry.target])).toEqual([
      ['dm', privately.platformId, ANNA_DMS],
      ['dm', inDm.platformId, ANNA_DMS],
    ]);
  });

  it('is refused with X\'s reason: a DM to someone who never wrote, a duplicate tweet, a reply to a deleted tweet, a thread that is not X\'s', async () => {
    const { fake, x } = await setup();
    const mention = fake.store.mention(PIOTR, 'hello');
    const noDm = await failure(x.sendReply({ threadPlatformId: `mention:${mention.id}/${PIOTR.id}`, text: 'hi', visibility: 'private', idempotencyKey: 'a' }, signal));
    expect([noDm.kind, noDm.message]).toEqual(['refused', expect.stringContaining('You cannot send messages to this user.')]);
    const request = { threadPlatformId: `mention:${mention.id}/${PIOTR.id}`, text: 'Thanks!', visibility: 'public' as const, idempotencyKey: 'b' };
    await x.sendReply(request, signal);
    const twice = await failure(x.sendReply(request, signal));
    expect([twice.kind, twice.ambiguous, twice.message]).toEqual(['refused', false, expect.stringContaining('duplicate content')]);
    const gone = await failure(x.sendReply({ ...request, threadPlatformId: `mention:2123779188061110273/${PIOTR.id}` }, signal));
    expect([gone.kind, gone.message]).toEqual(['refused', expect.stringContaining('does not exist or has been deleted')]);
    for (const thread of ['messenger:t_1', 'mention:12/x', 'dm:../../2/tweets']) {
      expect((await failure(x.sendReply({ ...request, threadPlatformId: thread }, signal))).kind).toBe('refused');
    }
    expect(fake.store.published).toHaveLength(1);
  });

  it('refuses a tweet over 280 weighted characters without calling X (links count 23, CJK 2)', async () => {
    const { fake, x } = await setup();
    const mention = fake.store.mention(ANNA, 'hi');
    const thread = `mention:${mention.id}/${ANNA.id}`;
    const calls = fake.requests.length;
    const long = await failure(x.sendReply({ threadPlatformId: thread, text: '字'.repeat(141), visibility: 'public', idempotencyKey: 'a' }, signal));
    expect([long.kind, long.message]).toEqual(['refused', 'X takes at most 280 characters here; this reply counts 282']);
    expect(fake.requests.length).toBe(calls);
    const fits = `${'a'.repeat(256)} https://example.com/${'x'.repeat(100)}`;
    await x.sendReply({ threadPlatformId: thread, text: fits, visibility: 'public', idempotencyKey: 'b' }, signal);
    expect(fake.store.published).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('refuses calls without making them once a window is spent, until its reset', async () => {
    const { fake, x, clock } = await setup({ limits: { 'GET /2/dm_events': 2 } });
    fake.store.customerDm(ANNA, 'hi');
    await x.fetchUpdates('dms', null, signal);
    const { cursor } = await x.fetchUpdates('dms', null, signal);
    const reads = () => fake.requests.filter((request) => request.endpoint === 'GET /2/dm_events').length;
    expect(reads()).toBe(2);
    clock.advance(5 * MINUTE);
    const refused = await failure(x.fetchUpdates('dms', cursor, signal));
    expect([refused.kind, refused.retryAfterMs]).toEqual(['rate_limited', 10 * MINUTE]);
    expect(reads()).toBe(2);
    // Other endpoints have windows of their own.
    await x.fetchUpdates('mentions', null, signal);
    clock.advance(10 * MINUTE);
    await x.fetchUpdates('dms', cursor, signal);
    expect(reads()).toBe(3);
  });

  it('turns a 429 into rate_limited with the wait until x-rate-limit-reset', async () => {
    const { fake, x } = await setup();
    fake.faults({ route: 'updates', rate_limit: { retry_after_s: 120, count: 1 } });
    const limited = await failure(x.fetchUpdates('mentions', null, signal));
    expect([limited.kind, limited.retryAfterMs]).toEqual(['rate_limited', 120_000]);
    expect(limited.message).toContain('Too Many Requests');
    expect((await failure(x.fetchUpdates('mentions', null, signal))).kind).toBe('rate_limited');
    const reads = fake.requests.filter((request) => request.endpoint === 'GET /2/users/:id/mentions').length;
    expect(reads).toBe(1);
  });
});
