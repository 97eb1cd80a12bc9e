import { describe, expect, it } from 'vitest';
import { VkConnector } from '../../../../main/engine/platforms/vk/client';
import { guidFor, randomIdFor } from '../../../../main/engine/platforms/vk/ids';
import { vkConnector } from '../../../../main/engine/platforms/vk';
import type { ReplyRequest } from '../../../../main/engine/platforms/types';
import * as reference from '../../../fixtures/vk/api';
import { shape } from '../kit';
import { ANNA, DAY, GROUP, HOUR, PIOTR, failure, setup, signal, type Setup } from './harness';

/** The fake's answer to one raw call, as a client sees it. */
async function raw({ vk }: Setup, method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const body = new URLSearchParams({ ...params, v: '5.199', access_token: vk.token });
  const response = await fetch(`${vk.url}/method/${method}`, { method: 'POST', body });
  return (await response.json()) as Record<string, unknown>;
}

/** Polls the messages stream from `cursor` (a first poll when null). */
async function poll({ connector }: Setup, cursor: string | null) {
  return connector.fetchUpdates('messages', cursor, signal);
}

const dm = (key = 'row-1', text = 'Заказ передан курьеру.'): ReplyRequest => ({ threadPlatformId: `dm:${ANNA}`, text, visibility: 'private', idempotencyKey: key });

describe('the fake VK answers in the shapes of the reference examples', () => {
  it('for groups.getById, getLongPollServer, the long poll, messages.send and errors', async () => {
    const context = await setup();
    const { vk } = context;
    expect(shape(await raw(context, 'groups.getById', {}))).toEqual(shape(reference.groupsGetById));
    const server = (await raw(context, 'groups.getLongPollServer', { group_id: String(GROUP.id) })) as { response: { server: string; key: string; ts: string } };
    expect(shape(server)).toEqual(shape(reference.getLongPollServer));
    vk.community.receive(ANNA, 'Где мой заказ?');
    vk.community.send(ANNA, 7, 'Уже в пути.');
    const answer = (await (await fetch(`${server.response.server}?act=a_check&key=${server.response.key}&ts=${server.response.ts}&wait=0`)).json()) as { updates: unknown[] };
    expect(shape(answer.updates[0])).toEqual(shape(reference.longPollAnswer.updates[0]));
    expect(shape(answer.updates[1])).toEqual(shape(reference.longPollAnswer.updates[2]));
    expect(shape(await raw(context, 'messages.send', { peer_ids: String(ANNA), random_id: '8', message: 'Ещё раз спасибо!' }))).toEqual(shape(reference.messagesSend.response));
    const refused = await raw(context, 'messages.send', { peer_ids: String(ANNA), message: 'no random_id' });
    expect(shape(refused)).toEqual(shape(reference.errors.invalidToken));
    expect(refused).toMatchObject({ error: { error_code: 100 } });
  });

  it('for wall.get, wall.getComments and wall.createComment', async () => {
    const context = await setup();
    const { vk } = context;
    const post = vk.community.addPost('Осенний купаж');
    const top = vk.community.addComment(post, PIOTR, 'А в Гданьске будет?');
    vk.community.addComment(post, -GROUP.id, 'Да', { replyTo: top.id });
    const owner = String(-GROUP.id);
    expect(shape(await raw(context, 'wall.get', { owner_id: owner }))).toEqual(shape(reference.wallGet));
    const comments = (await raw(context, 'wall.getComments', { owner_id: owner, post_id: String(post), thread_items_count: '10' })) as { response: { items: Record<string, unknown>[] } };
    const sample = reference.wallGetComments.response.items[0]!;
    expect(shape({ ...comments.response, items: [] })).toEqual(shape({ ...reference.wallGetComments.response, items: [] }));
    expect(shape(comments.response.items[0])).toEqual(shape({ ...sample, thread: { ...sample.thread, items: [sample.thread.items[0]] } }));
    const created = await raw(context, 'wall.createComment', { owner_id: owner, post_id: String(post), from_group: String(GROUP.id), message: 'Будет!', reply_to_comment: String(top.id), guid: 'g-1' });
    expect(shape(created)).toEqual(shape(reference.wallCreateComment.response));
  });
});

describe('VK connector: the account', () => {
  it('verifies the token against groups.getById', async () => {
    const { connector } = await setup();
    expect(await connector.verify(signal)).toEqual({ platformAccountId: String(GROUP.id), displayName: GROUP.name });
  });

  it('refuses as unauthorized a token of another community, and a revoked one (error 5)', async () => {
    const { vk, connector } = await setup();
    const other = new VkConnector({ apiUrl: vk.url, groupId: GROUP.id + 1, token: vk.token });
    expect((await failure(other.verify(signal))).message).toMatch(/belongs to community 218000001/);
    vk.revokeToken();
    const revoked = await failure(connector.verify(signal));
    expect(revoked.kind).toBe('unauthorized');
    expect(revoked.message).toMatch(/error 5/);
  });

  it('never sends the token in a URL', async () => {
    const { vk, connector } = await setup();
    await connector.verify(signal);
    await connector.fetchUpdates('messages', null, signal);
    await connector.fetchUpdates('wall_comments', null, signal);
    expect(vk.requests.map((request) => request.method)).toEqual(['groups.getById', 'groups.getLongPollServer', 'wall.get']);
    expect(vk.urls).toHaveLength(4);
    expect(vk.urls.filter((url) => url.includes(vk.token) || url.includes('access_token'))).toEqual([]);
    expect(vk.requests.every((request) => request.params.get('v') === '5.199')).toBe(true);
  });

  it('builds from a stored config, refusing bad settings and tokens without quoting them', async () => {
    const { vk } = await setup();
    expect(vkConnector({ groupId: GROUP.id, apiUrl: vk.url }, vk.token).streams).toEqual(['messages', 'wall_comments']);
    expect(() => vkConnector({ groupId: -5, secret: 'x' }, vk.token)).toThrow(/groupId: too_small; config: unrecognized_keys/);
    expect(() => vkConnector({ groupId: GROUP.id }, 'not a token\n')).toThrow(/^The VK access token is not valid/);
    expect(() => vkConnector({ groupId: GROUP.id }, 'not a token\n')).not.toThrow(/not a token/);
  });
});

describe('VK connector: messages over the Bots Long Poll', () => {
  it('connects at the current ts, then delivers each message once, in order, with the ts as the cursor', async () => {
    const context = await setup();
    const { vk } = context;
    vk.community.receive(ANNA, 'before connecting');
    const first = await poll(context, null);
    expect(first.items).toEqual([]);
    vk.community.receive(ANNA, 'Здравствуйте!');
    vk.community.receive(PIOTR, 'Dzień dobry');
    const second = await poll(context, first.cursor);
    expect(second.items.map((item) => [item.thread.platformId, item.body])).toEqual([
      [`dm:${ANNA}`, 'Здравствуйте!'],
      [`dm:${PIOTR}`, 'Dzień dobry'],
    ]);
    expect(second.hasMore).toBe(false);
    // The same cursor reads the same events again (nothing is acknowledged until the scheduler commits the new one).
    expect((await poll(context, first.cursor)).items).toHaveLength(2);
    expect((await poll(context, second.cursor)).items).toEqual([]);
  });

  it('waits for news in a long poll and returns as soon as a message arrives', async () => {
    const context = await setup({}, { longPollSeconds: 60 });
    const { vk } = context;
    const { cursor } = await poll(context, null);
    const waiting = poll(context, cursor);
    await expect.poll(() => vk.waiting()).toBe(true);
    vk.community.receive(ANNA, 'Есть кто?');
    expect((await waiting).items.map((item) => item.body)).toEqual(['Есть кто?']);
  });

  it('failed 1: goes on from the ts given, at once', async () => {
    const context = await setup();
    const { vk } = context;
    const { cursor } = await poll(context, null);
    vk.community.receive(ANNA, 'lost on VK’s side');
    vk.failNextCheck(1);
    const page = await poll(context, cursor);
    expect(page).toMatchObject({ items: [], hasMore: true });
    expect(page.cursor).toBe(String(vk.community.events.position));
    vk.community.receive(ANNA, 'after');
    expect((await poll(context, page.cursor)).items.map((item) => item.body)).toEqual(['after']);
  });

  it('failed 2: takes a new key and keeps its ts, so nothing is skipped', async () => {
    const context = await setup();
    const { vk } = context;
    const { cursor } = await poll(context, null);
    vk.community.receive(ANNA, 'one');
    vk.failNextCheck(2);
    const page = await poll(context, cursor);
    expect(page.items.map((item) => item.body)).toEqual(['one']);
    expect(vk.calls('groups.getLongPollServer')).toBe(2);
  });

  it('failed 3: takes a new key and ts', async () => {
    const context = await setup();
    const { vk } = context;
    const { cursor } = await poll(context, null);
    vk.failNextCheck(3);
    const page = await poll(context, cursor);
    expect(vk.calls('groups.getLongPollServer')).toBe(2);
    vk.community.receive(ANNA, 'new session');
    expect((await poll(context, page.cursor)).items.map((item) => item.body)).toEqual(['new session']);
  });

  it('after a restart (a new connector) asks for a session and reads on from the stored ts', async () => {
    const context = await setup();
    const { vk } = context;
    const { cursor } = await poll(context, null);
    vk.community.receive(ANNA, 'while the app was closed');
    const restarted = new VkConnector({ apiUrl: vk.url, groupId: GROUP.id, token: vk.token, longPollSeconds: 1 });
    expect((await restarted.fetchUpdates('messages', cursor, signal)).items.map((item) => item.body)).toEqual(['while the app was closed']);
  });

  it('reports a cursor it did not make as invalid, and an unknown stream as refused', async () => {
    const { connector } = await setup();
    expect((await failure(connector.fetchUpdates('messages', 'ts=abc', signal))).kind).toBe('cursor_invalid');
    expect((await failure(connector.fetchUpdates('wall_comments', '-1', signal))).kind).toBe('cursor_invalid');
    expect((await failure(connector.fetchUpdates('stories', null, signal))).kind).toBe('refused');
  });

  it('quarantines a malformed event and still moves past it', async () => {
    const context = await setup();
    const { vk } = context;
    const { cursor } = await poll(context, null);
    vk.community.events.push({ type: 'message_new', group_id: GROUP.id, object: { message: { id: 'x' } } });
    vk.community.receive(ANNA, 'fine');
    const page = await poll(context, cursor);
    expect(page.items.map((item) => item.body)).toEqual(['fine']);
    expect(page.quarantined).toHaveLength(1);
    expect((await poll(context, page.cursor)).quarantined).toEqual([]);
  });
});

describe('VK connector: replies to messages', () => {
  it('sends with peer_ids and a random_id derived from the outbox key, and the reply comes back as outbound', async () => {
    const context = await setup();
    const { vk, connector } = context;
    const { cursor } = await poll(context, null);
    vk.community.receive(ANNA, 'Где заказ?');
    const published = await connector.sendReply(dm(), signal);
    expect(vk.community.sent).toEqual([expect.objectContaining({ peer_id: ANNA, random_id: randomIdFor('row-1'), text: 'Заказ передан курьеру.' })]);
    const page = await poll(context, cursor);
    expect(page.items.map((item) => [item.platformId, item.direction])).toEqual([
      [`msg:${ANNA}_1`, 'in'],
      [published.platformId, 'out'],
    ]);
  });

  it('sending the same key again returns the same message and publishes nothing more (VK random_id dedupe)', async () => {
    const { vk, connector } = await setup();
    vk.community.receive(ANNA, 'Где заказ?');
    const first = await connector.sendReply(dm(), signal);
    expect(await connector.sendReply(dm(), signal)).toEqual(first);
    expect(vk.community.sent).toHaveLength(1);
    await connector.sendReply(dm('row-2', 'Ещё вопрос?'), signal);
    expect(vk.community.sent).toHaveLength(2);
  });

  it('the fake dedupes a random_id over the community’s whole history, to any peer, as VK documents', async () => {
    const { vk, clock } = await setup();
    vk.community.receive(ANNA, 'a');
    vk.community.receive(PIOTR, 'b');
    const first = vk.community.send(ANNA, 42, 'one');
    expect(vk.community.send(PIOTR, 42, 'one')).toEqual(first);
    vk.community.send(ANNA, 0, 'zero is never deduplicated');
    vk.community.send(ANNA, 0, 'zero is never deduplicated');
    clock.advance(30 * 24 * HOUR);
    expect(vk.community.send(ANNA, 42, 'one')).toEqual(first);
    expect(vk.community.sent).toHaveLength(3);
    vk.community.send(ANNA, 43, 'one');
    expect(vk.community.sent).toHaveLength(4);
  });

  it('refuses, definitely, a send VK refuses for one peer (901), a private reply on the wall and a thread it did not make', async () => {
    const { vk, connector } = await setup();
    vk.community.receive(ANNA, 'a');
    vk.community.block(ANNA);
    const blocked = await failure(connector.sendReply(dm(), signal));
    expect([blocked.kind, blocked.ambiguous]).toEqual(['refused', false]);
    expect(blocked.message).toMatch(/901/);
    expect((await failure(connector.sendReply({ ...dm(), threadPlatformId: `wall:${-GROUP.id}_1_2` }, signal))).message).toMatch(/private reply/);
    expect((await failure(connector.sendReply({ ...dm(), threadPlatformId: 'messenger:t_1' }, signal))).kind).toBe('refused');
    expect(vk.community.sent).toEqual([]);
  });
});

describe('VK connector: wall comments', () => {
  async function wallWithComments(context: Setup) {
    const { vk, clock } = context;
    const post = vk.community.addPost('Осенний купаж', Math.floor((clock.at - DAY) / 1000));
    const top = vk.community.addComment(post, PIOTR, 'А в Гданьске будет?', { date: Math.floor((clock.at - HOUR) / 1000) });
    return { post, top };
  }

  it('reads comments of the latest posts since the backfill floor, then only newer ones, replies joining their thread', async () => {
    const context = await setup();
    const { vk, connector, clock } = context;
    const { post, top } = await wallWithComments(context);
    const old = vk.community.addPost('Старый пост', Math.floor((clock.at - 30 * DAY) / 1000));
    vk.community.addComment(old, PIOTR, 'too old', { date: Math.floor((clock.at - 30 * DAY) / 1000) });
    const first = await connector.fetchUpdates('wall_comments', null, signal);
    expect(first.items.map((item) => [item.thread.platformId, item.body])).toEqual([[`wall:${-GROUP.id}_${post}_${top.id}`, 'А в Гданьске будет?']]);
    clock.advance(60_000);
    vk.community.addComment(post, ANNA, 'И в Варшаве?', { replyTo: top.id });
    const second = await connector.fetchUpdates('wall_comments', first.cursor, signal);
    // The watermark's own second is read again (ingest ignores the repeat), so nothing posted in it is skipped.
    expect(second.items.map((item) => [item.thread.platformId, item.body])).toEqual([
      [`wall:${-GROUP.id}_${post}_${top.id}`, 'А в Гданьске будет?'],
      [`wall:${-GROUP.id}_${post}_${top.id}`, 'И в Варшаве?'],
    ]);
    expect(Number(second.cursor)).toBeGreaterThan(Number(first.cursor));
  });

  it('reads a thread longer than what comes inline with its top-level comment', async () => {
    const context = await setup();
    const { vk, connector, clock } = context;
    const { top, post } = await wallWithComments(context);
    for (let n = 1; n <= 14; n++) vk.community.addComment(post, ANNA, `reply ${n}`, { replyTo: top.id, date: Math.floor(clock.at / 1000) - 100 + n });
    const page = await connector.fetchUpdates('wall_comments', null, signal);
    expect(page.items).toHaveLength(15);
    expect(new Set(page.items.map((item) => item.platformId)).size).toBe(15);
  });

  it('replies under the top-level comment with a guid from the outbox key; a resend is the same comment', async () => {
    const context = await setup();
    const { vk, connector } = context;
    const { top, post } = await wallWithComments(context);
    const request: ReplyRequest = { threadPlatformId: `wall:${-GROUP.id}_${post}_${top.id}`, text: 'Будет!', visibility: 'public', idempotencyKey: 'row-9' };
    const first = await connector.sendReply(request, signal);
    expect(await connector.sendReply(request, signal)).toEqual({ ...first, createdAt: expect.any(Number) });
    const ours = vk.community.comments.filter((comment) => comment.raw.from_id === -GROUP.id);
    expect(ours).toEqual([expect.objectContaining({ top: top.id, guid: guidFor('row-9') })]);
    const page = await connector.fetchUpdates('wall_comments', null, signal);
    expect(page.items.find((item) => item.platformId === first.platformId)).toMatchObject({ direction: 'out', body: 'Будет!' });
  });

  it('quarantines a malformed comment once, and goes on', async () => {
    const context = await setup();
    const { vk, connector, clock } = context;
    const { post } = await wallWithComments(context);
    vk.community.rawComment(post, { id: 999, from_id: 'nobody', date: Math.floor(clock.at / 1000), text: 'x' }, { date: Math.floor(clock.at / 1000) });
    const first = await connector.fetchUpdates('wall_comments', null, signal);
    expect(first.items).toHaveLength(1);
    expect(first.quarantined).toHaveLength(1);
    expect(first.quarantined[0]!.error).toMatch(/from_id/);
    const again = await connector.fetchUpdates('wall_comments', first.cursor, signal);
    expect(again.quarantined).toEqual([]);
  });

  it('quarantines a malformed post once, even when it is newer than every comment', async () => {
    const context = await setup();
    const { vk, connector, clock } = context;
    await wallWithComments(context);
    clock.advance(60_000);
    vk.community.rawPost({ id: 'pinned', date: Math.floor(clock.at / 1000), comments: { count: 1 } });
    const first = await connector.fetchUpdates('wall_comments', null, signal);
    expect(first.items.map((item) => item.body)).toEqual(['А в Гданьске будет?']);
    expect(first.quarantined.map((entry) => entry.error)).toEqual([expect.stringMatching(/^id: /)]);
    expect((await connector.fetchUpdates('wall_comments', first.cursor, signal)).quarantined).toEqual([]);
  });
});
