import { describe, expect, it } from 'vitest';
import { MetaConnector } from '../../../../main/engine/platforms/meta/client';
import { MessagingWindowClosed } from '../../../../main/engine/platforms/meta/graph-errors';
import { INSTAGRAM_MESSAGE_LIMIT } from '../../../../main/engine/platforms/meta/fake';
import { ANNA, DAY, HOUR, INSTAGRAM, JAN, PAGE, PIOTR, bodies, commentThreads, drain, failure, setup, signal } from './harness';

describe('MetaConnector against the fake Graph: identity and streams', () => {
  it('verifies the Page token with GET /me and names the streams of a Page with Instagram', async () => {
    const { meta } = await setup();
    expect(await meta.verify(signal)).toEqual({ platformAccountId: PAGE.id, displayName: PAGE.name });
    expect(meta.streams).toEqual(['messenger', 'page_comments', 'instagram_comments', 'instagram_messages']);
    expect(meta.dedupesSends).toBe(false);
  });

  it('refuses a token that belongs to another Page', async () => {
    const { graph } = await setup();
    const other = new MetaConnector({ baseUrl: graph.url, pageId: '999', accessToken: 'token-1' });
    expect((await failure(other.verify(signal))).kind).toBe('unauthorized');
    expect(other.streams).toEqual(['messenger', 'page_comments']);
  });

  it('backfills Messenger across list pages, then delivers only what is new', async () => {
    const { graph, meta, clock } = await setup();
    for (let i = 0; i < 5; i++) {
      const customer = { id: `psid-${i}`, name: `Customer ${i}` };
      graph.store.customerWrites('messenger', customer, `hello ${i}`, clock.at - (10 - i) * HOUR);
      graph.store.customerWrites('messenger', customer, `still there? ${i}`, clock.at - (5 - i) * HOUR);
    }
    const backfill = await drain(meta, 'messenger');
    expect(backfill.pages.length).toBeGreaterThanOrEqual(3); // 5 conversations, 2 a page
    expect(new Set(bodies(backfill.pages)).size).toBe(10);
    const first = backfill.pages[0]!.items[0]!;
    expect(first.thread).toMatchObject({ kind: 'dm', title: '' });
    expect(first.thread.platformId).toMatch(/^messenger:t_/);
    expect(backfill.pages.every((page) => page.remaining === null && page.quarantined.length === 0)).toBe(true);

    clock.advance(HOUR);
    const { conversationId } = graph.store.customerWrites('messenger', { id: 'psid-2', name: 'Customer 2' }, 'any news?');
    clock.advance(HOUR);
    const next = await drain(meta, 'messenger', backfill.cursor);
    expect(bodies(next.pages)).toContain('any news?');
    // Only the conversation that changed is read again (plus what falls inside the clock margin).
    expect(new Set(next.pages.flatMap((page) => page.items.map((item) => item.thread.platformId)))).toEqual(new Set([`messenger:${conversationId}`]));

    clock.advance(HOUR);
    const quiet = await drain(meta, 'messenger', next.cursor);
    expect(bodies(quiet.pages)).toEqual([]);
  });

  it('starts its first sync backfillDays back: older conversations and messages stay on the platform', async () => {
    const { graph, meta, clock } = await setup({}, { backfillDays: 30 });
    graph.store.customerWrites('messenger', { id: 'psid-old', name: 'Old' }, 'from last season', clock.at - 40 * DAY);
    graph.store.customerWrites('messenger', ANNA, 'long ago', clock.at - 35 * DAY);
    graph.store.customerWrites('messenger', ANNA, 'recently', clock.at - 10 * DAY);
    expect(bodies((await drain(meta, 'messenger')).pages)).toEqual(['recently']);
  });

  it('reads Instagram conversations, of which Graph shows only the latest 20 messages', async () => {
    const { graph, meta, clock } = await setup();
    for (let i = 0; i < 30; i++) graph.store.customerWrites('instagram', JAN, `ig ${i}`, clock.at - (30 - i) * 60_000);
    const { pages } = await drain(meta, 'instagram_messages');
    const items = pages.flatMap((page) => page.items);
    expect(items).toHaveLength(INSTAGRAM_MESSAGE_LIMIT);
    expect(items.map((item) => item.body)).toContain('ig 29');
    expect(items.map((item) => item.body)).not.toContain('ig 9');
    expect(items[0]).toMatchObject({ author: { name: 'jan.nowak', handle: '@jan.nowak' }, thread: { kind: 'dm' } });
    expect(items[0]!.thread.platformId).toMatch(/^instagram:/);
  });

  it('reads Page comments as threads per top-level comment, with the Page\'s replies outbound, within the horizon', async () => {
    const { graph, meta, clock } = await setup();
    const post = graph.store.addPost('Autumn blend is here', clock.at - 2 * DAY);
    const stale = graph.store.addPost('Summer menu', clock.at - 30 * DAY);
    const top = graph.store.addComment(post, PIOTR, 'Open on Sunday?', { at: clock.at - DAY });
    graph.store.addComment(post, PAGE, 'Yes, 10 to 16!', { replyTo: top, at: clock.at - DAY + HOUR });
    graph.store.addComment(stale, PIOTR, 'Old post comment', { at: clock.at - HOUR });

    const { pages, cursor } = await drain(meta, 'page_comments');
    const items = pages.flatMap((page) => page.items);
    expect(items.map((item) => [item.body, item.direction, item.thread.platformId, item.thread.title])).toEqual([
      ['Yes, 10 to 16!', 'out', `page_comment:${top}`, 'Autumn blend is here'],
      ['Open on Sunday?', 'in', `page_comment:${top}`, 'Autumn blend is here'],
    ]);

    clock.advance(HOUR);
    graph.store.addComment(post, PIOTR, 'Thanks!', { replyTo: top });
    clock.advance(HOUR);
    expect(bodies((await drain(meta, 'page_comments', cursor)).pages)).toEqual(['Thanks!']);
  });

  it('reads a post\'s comments inline with the post, paging the comments edge only for a busy post', async () => {
    const { graph, meta, clock } = await setup({}, { pageSize: 25 });
    const quiet = graph.store.addPost('Quiet post', clock.at - 2 * DAY);
    graph.store.addComment(quiet, PIOTR, 'Nice', { at: clock.at - DAY });
    const busy = graph.store.addPost('Busy post', clock.at - DAY);
    for (let i = 0; i < 60; i++) graph.store.addComment(busy, { id: `fan-${i}`, name: `Fan ${i}` }, `comment ${i}`, { at: clock.at - 3 * HOUR + i * 60_000 });

    const before = graph.requests.length;
    const first = await drain(meta, 'page_comments');
    expect(new Set(bodies(first.pages)).size).toBe(61);
    // One feed request carries both posts with their 25 latest comments; the busy post's other 35 take one more page.
    expect(graph.requests.slice(before).map((request) => request.path.split('/').slice(2).join('/'))).toEqual([`${PAGE.id}/feed`, `${busy}/comments`]);

    clock.advance(HOUR);
    const polled = graph.requests.length;
    expect(bodies((await drain(meta, 'page_comments', first.cursor)).pages)).toEqual([]);
    expect(graph.requests.length - polled).toBe(1);
  });

  it('reads Instagram comments with their replies, even a new reply under an old comment', async () => {
    const { graph, meta, clock } = await setup();
    const media = graph.store.addMedia('Latte art', clock.at - DAY);
    const top = graph.store.addComment(media, JAN, 'This is awesome!', { at: clock.at - 20 * HOUR });
    for (let i = 0; i < 3; i++) graph.store.addComment(media, { id: `ig-${i}`, name: '', username: `fan${i}` }, `newer ${i}`, { at: clock.at - (10 - i) * HOUR });
    const first = await drain(meta, 'instagram_comments');
    expect(bodies(first.pages).sort()).toEqual(['This is awesome!', 'newer 0', 'newer 1', 'newer 2']);

    clock.advance(HOUR);
    graph.store.addComment(media, INSTAGRAM, '*sniff*', { replyTo: top });
    clock.advance(HOUR);
    const polled = graph.requests.length;
    const next = (await drain(meta, 'instagram_comments', first.cursor)).pages.flatMap((page) => page.items);
    expect(next.map((item) => [item.body, item.direction, item.thread.platformId])).toEqual([['*sniff*', 'out', `ig_comment:${top}`]]);
    // Comments and their replies come inline with the media list: one request for the whole poll.
    expect(graph.requests.length - polled).toBe(1);
  });

  it('quarantines a malformed message with its error and delivers the rest of the conversation', async () => {
    const { graph, meta, clock } = await setup();
    const { conversationId } = graph.store.customerWrites('messenger', ANNA, 'first', clock.at - 2 * HOUR);
    graph.store.rawMessage(conversationId, { id: 'm_broken', created_time: 'soon', from: null }, clock.at - HOUR);
    graph.store.customerWrites('messenger', ANNA, 'third', clock.at - 30 * 60_000);
    const { pages } = await drain(meta, 'messenger');
    expect(bodies(pages).sort()).toEqual(['first', 'third']);
    const quarantined = pages.flatMap((page) => page.quarantined);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.payload).toContain('m_broken');
    expect(quarantined[0]!.error).toMatch(/created_time/);
  });

  it('refuses a stream it does not have', async () => {
    const { meta } = await setup();
    expect((await failure(meta.fetchUpdates('stories', null, signal))).kind).toBe('refused');
  });
});

describe('MetaConnector against the fake Graph: replying', () => {
  it('answers a DM with RESPONSE inside 24 hours, with the HUMAN_AGENT tag up to 7 days, and refuses after with "window closed"', async () => {
    const { graph, meta, clock } = await setup();
    const { conversationId } = graph.store.customerWrites('messenger', ANNA, 'Where is my order?', clock.at - HOUR);
    const thread = `messenger:${conversationId}`;
    const request = (text: string) => ({ threadPlatformId: thread, text, visibility: 'private' as const, idempotencyKey: text });

    const sent = await meta.sendReply(request('It ships today.'), signal);
    expect(sent.platformId).toMatch(/^m_/);
    expect(await meta.messagingWindow(thread, signal)).toMatchObject({ state: 'open', customerId: ANNA.id });

    clock.advance(2 * DAY);
    await meta.sendReply(request('Following up on your order.'), signal);
    expect(graph.store.sent.map((s) => [s.text, s.messagingType, s.tag])).toEqual([
      ['It ships today.', 'RESPONSE', null],
      ['Following up on your order.', 'MESSAGE_TAG', 'HUMAN_AGENT'],
    ]);

    clock.advance(6 * DAY);
    const posts = graph.requests.filter((r) => r.method === 'POST').length;
    const closed = await failure(meta.sendReply(request('Too late?'), signal));
    expect(closed).toBeInstanceOf(MessagingWindowClosed);
    expect(closed.kind).toBe('refused');
    expect((closed as MessagingWindowClosed).lastCustomerMessageAt).toBe(clock.at - 8 * DAY - HOUR);
    expect(graph.requests.filter((r) => r.method === 'POST')).toHaveLength(posts);
    expect((await meta.messagingWindow(thread, signal)).state).toBe('closed');
  });

  it('maps the platform\'s own "outside of allowed window" refusal to the same window-closed error', async () => {
    const { graph, meta, clock } = await setup();
    const { conversationId } = graph.store.customerWrites('messenger', ANNA, 'Hi', clock.at - 23 * HOUR);
    graph.faults.add({ kind: 'graph_error', status: 400, code: 10, subcode: 2018278, message: 'This message is sent outside of allowed window.' }, { route: 'write' });
    const error = await failure(meta.sendReply({ threadPlatformId: `messenger:${conversationId}`, text: 'Hello', visibility: 'private', idempotencyKey: 'k' }, signal));
    expect(error).toBeInstanceOf(MessagingWindowClosed);
  });

  it('replies publicly under Page and Instagram comments, and the replies come back outbound in the same thread', async () => {
    const context = await setup();
    const { graph, meta } = context;
    const { comment, igComment } = commentThreads(context, { page: 'Dishwasher safe?', instagram: 'Want one!' });

    const fb = await meta.sendReply({ threadPlatformId: `page_comment:${comment}`, text: 'Yes, they are.', visibility: 'public', idempotencyKey: 'a' }, signal);
    const ig = await meta.sendReply({ threadPlatformId: `ig_comment:${igComment}`, text: 'In shop now!', visibility: 'public', idempotencyKey: 'b' }, signal);
    expect(graph.store.comments.get(fb.platformId)).toMatchObject({ replyTo: comment, from: PAGE, text: 'Yes, they are.' });
    expect(graph.store.comments.get(ig.platformId)).toMatchObject({ replyTo: igComment, from: INSTAGRAM });

    const fbItems = (await drain(meta, 'page_comments')).pages.flatMap((page) => page.items);
    expect(fbItems.find((item) => item.platformId === fb.platformId)).toMatchObject({ direction: 'out', thread: { platformId: `page_comment:${comment}` } });
    const igItems = (await drain(meta, 'instagram_comments')).pages.flatMap((page) => page.items);
    expect(igItems.find((item) => item.platformId === ig.platformId)).toMatchObject({ direction: 'out', thread: { platformId: `ig_comment:${igComment}` } });
  });

  it('sends one private reply to a comment and refuses a second', async () => {
    const { graph, meta, clock } = await setup();
    const post = graph.store.addPost('Giveaway', clock.at - DAY);
    const comment = graph.store.addComment(post, PIOTR, 'My email is PIOTR@example.com', { at: clock.at - HOUR });
    const request = { threadPlatformId: `page_comment:${comment}`, text: 'We will write to you here.', visibility: 'private' as const, idempotencyKey: 'p' };
    const sent = await meta.sendReply(request, signal);
    expect(graph.store.sent).toEqual([expect.objectContaining({ messageId: sent.platformId, recipient: `comment:${comment}` })]);
    expect(graph.store.comments.get(comment)!.privateReply).toBe(sent.platformId);
    const second = await failure(meta.sendReply(request, signal));
    expect(second.kind).toBe('refused');
    expect(second.message).toContain('10900');
  });

  it('hides and unhides Page and Instagram comments', async () => {
    const context = await setup();
    const { graph, meta } = context;
    const { comment, igComment } = commentThreads(context, { page: 'spam spam', instagram: 'spam' });

    await meta.setHidden({ threadPlatformId: `page_comment:${comment}`, messagePlatformId: comment, hidden: true }, signal);
    await meta.setHidden({ threadPlatformId: `ig_comment:${igComment}`, messagePlatformId: igComment, hidden: true }, signal);
    expect([graph.store.comments.get(comment)!.hidden, graph.store.comments.get(igComment)!.hidden]).toEqual([true, true]);
    // Instagram does not take replies under a hidden comment.
    expect((await failure(meta.sendReply({ threadPlatformId: `ig_comment:${igComment}`, text: 'Hi', visibility: 'public', idempotencyKey: 'x' }, signal))).kind).toBe('refused');
    await meta.setHidden({ threadPlatformId: `page_comment:${comment}`, messagePlatformId: comment, hidden: false }, signal);
    expect(graph.store.comments.get(comment)!.hidden).toBe(false);
    expect((await failure(meta.setHidden({ threadPlatformId: 'messenger:t_1', messagePlatformId: 't_1', hidden: true }, signal))).kind).toBe('refused');
    expect((await failure(meta.setHidden({ threadPlatformId: `page_comment:${comment}`, messagePlatformId: '../me', hidden: true }, signal))).kind).toBe('refused');
  });

  it('refuses thread ids it did not produce, and Instagram threads on a Page without Instagram', async () => {
    const { graph, meta } = await setup();
    const pageOnly = new MetaConnector({ baseUrl: graph.url, pageId: PAGE.id, accessToken: 'token-1' });
    for (const [connector, thread] of [
      [meta, 't_123'],
      [meta, 'telegram:5'],
      [meta, 'messenger:../me'],
      [pageOnly, 'instagram:aWdf1'],
    ] as const) {
      expect((await failure(connector.sendReply({ threadPlatformId: thread, text: 'Hi', visibility: 'private', idempotencyKey: 'k' }, signal))).kind).toBe('refused');
    }
    expect(graph.requests).toEqual([]);
  });
});

describe('MetaConnector against the fake Graph: usage and tokens', () => {
  it('tracks the usage headers and stops calling at 90% until the wait has passed', async () => {
    const { graph, meta, clock } = await setup({ callsPerHour: 10 });
    expect(meta.usage()).toBeNull();
    for (let i = 0; i < 9; i++) await meta.verify(signal);
    expect(meta.usage()).toEqual({ usedPercent: 90, regainAccessMs: null });
    const calls = graph.requests.length;
    const throttled = await failure(meta.verify(signal));
    expect(throttled.kind).toBe('rate_limited');
    expect(throttled.retryAfterMs).toBeGreaterThan(0);
    expect(graph.requests).toHaveLength(calls);

    clock.advance(throttled.retryAfterMs!);
    await meta.verify(signal);
    expect(graph.requests).toHaveLength(calls + 1);
  });

  it('waits as long as Graph says once the allowance is spent, and Graph itself refuses with code 32', async () => {
    const { graph, meta, clock } = await setup({ callsPerHour: 3 });
    for (let i = 0; i < 2; i++) await meta.verify(signal);
    clock.advance(10 * 60_000);
    await meta.verify(signal);
    // Three calls of three: the first leaves the hour window in 50 minutes.
    expect(meta.usage()).toEqual({ usedPercent: 100, regainAccessMs: 50 * 60_000 });
    clock.advance(10 * 60_000);
    const calls = graph.requests.length;
    const early = await failure(meta.verify(signal));
    expect([early.kind, early.retryAfterMs]).toEqual(['rate_limited', 40 * 60_000]);
    expect(graph.requests).toHaveLength(calls);

    // A connector that has seen no usage yet calls, and Graph refuses.
    const fresh = new MetaConnector({ baseUrl: graph.url, pageId: PAGE.id, accessToken: 'token-1' }, clock.now);
    const limited = await failure(fresh.verify(signal));
    expect(limited.kind).toBe('rate_limited');
    expect(limited.message).toContain('Graph code 32');
    expect(limited.retryAfterMs).toBe(40 * 60_000);
  });

  it('reports an invalid token (code 190) as unauthorized, for reads and writes alike', async () => {
    const { graph, meta, clock } = await setup();
    const { conversationId } = graph.store.customerWrites('messenger', ANNA, 'Hi', clock.at);
    graph.revokeToken();
    expect((await failure(meta.verify(signal))).kind).toBe('unauthorized');
    expect((await failure(meta.fetchUpdates('messenger', null, signal))).kind).toBe('unauthorized');
    expect((await failure(meta.sendReply({ threadPlatformId: `messenger:${conversationId}`, text: 'Hi', visibility: 'private', idempotencyKey: 'k' }, signal))).kind).toBe('unauthorized');
  });
});
