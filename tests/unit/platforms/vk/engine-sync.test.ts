import { describe, expect, it } from 'vitest';
import { VkConnector } from '../../../../main/engine/platforms/vk/client';
import { fastPaced, newDataDir, startEngine } from '../../helpers/engine';
import { ANNA, GROUP, HOUR, PIOTR, setup } from './harness';

/**
 * The real engine (SQLite file, scheduler, ingest, outbox) syncing from and
 * replying through the fake VK, on the wall clock as in production.
 */
describe('VK in the engine', () => {
  it('publishes a reply whose send timed out after VK committed it exactly once, for a message and a wall comment', async () => {
    // Without message_reply events the long poll never shows the DM reply back, so only the resend can confirm it.
    const { vk } = await setup({ now: Date.now, replyEvents: false });
    const post = vk.community.addPost('Осенний купаж', Math.floor((Date.now() - HOUR) / 1000));
    vk.community.addComment(post, PIOTR, 'А в Гданьске будет?');
    // Short enough that the hung send gives up soon; long enough for any loopback answer on a busy machine.
    const connector = fastPaced(new VkConnector({ apiUrl: vk.url, groupId: GROUP.id, token: vk.token, longPollSeconds: 1, requestTimeoutMs: 1_500 }));
    const run = startEngine(newDataDir(), { demoSandboxUrl: 'http://127.0.0.1:9', connectorFor: () => connector });
    const db = run.engine.db;
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
    const localId = (platformId: string) => db.prepare('SELECT id FROM conversations WHERE platform_id = ?').pluck().get(platformId) as string | undefined;

    // The long poll delivers what arrives after it connected.
    await expect.poll(() => vk.calls('groups.getLongPollServer'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    vk.community.receive(ANNA, 'Где мой заказ?');
    await expect.poll(() => count('SELECT count(*) FROM messages'), { timeout: 10_000 }).toBe(2);
    const dm = localId(`dm:${ANNA}`)!;
    const wall = db.prepare("SELECT id FROM conversations WHERE platform_id LIKE 'wall:%'").pluck().get() as string;

    vk.faults.add({ kind: 'commit_then_fail', then: 'hang' }, { route: 'write', count: 2 });
    const replies = [
      { conversationId: dm, reply: await run.client.call('reply.send', { conversationId: dm, clientId: 'c-1', body: 'Заказ уже в пути.' }) },
      { conversationId: wall, reply: await run.client.call('reply.send', { conversationId: wall, clientId: 'c-2', body: 'Будет с понедельника!' }) },
    ];
    const stateOf = async (conversationId: string, id: string) => (await run.client.call('conversation.get', { id: conversationId })).messages.find((m) => m.id === id)?.state;
    for (const { conversationId, reply } of replies) await expect.poll(() => stateOf(conversationId, reply.id), { timeout: 15_000 }).toBe('sent');

    // The DM was sent twice — the hung attempt, then the resend with the same random_id — and is on VK once. The
    // comment is confirmed by the resend with its guid or, when a wall scan finds it first, by ingest: once either way.
    expect(vk.calls('messages.send')).toBe(2);
    expect(vk.calls('wall.createComment')).toBeGreaterThanOrEqual(1);
    expect(vk.community.sent.map((sent) => sent.text)).toEqual(['Заказ уже в пути.']);
    expect(vk.community.comments.filter((comment) => comment.raw.from_id === -GROUP.id).map((comment) => comment.raw.text)).toEqual(['Будет с понедельника!']);

    // The next wall scans bring the comment back; it is recognised, not stored twice.
    const scansAfter = vk.calls('wall.get');
    await expect.poll(() => vk.calls('wall.get') - scansAfter, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(count("SELECT count(*) FROM messages WHERE body = 'Заказ уже в пути.'")).toBe(1);
    expect(count("SELECT count(*) FROM messages WHERE body = 'Будет с понедельника!'")).toBe(1);
    expect(count('SELECT count(*) FROM messages')).toBe(4);
    expect(count("SELECT count(*) FROM outbox WHERE state != 'done'")).toBe(0);
  });

  it('recognises the long poll’s message_reply echo of a sent reply instead of storing it twice', async () => {
    const { vk } = await setup({ now: Date.now });
    const connector = fastPaced(new VkConnector({ apiUrl: vk.url, groupId: GROUP.id, token: vk.token, longPollSeconds: 1 }));
    const run = startEngine(newDataDir(), { demoSandboxUrl: 'http://127.0.0.1:9', connectorFor: () => connector });
    const count = (sql: string) => run.engine.db.prepare(sql).pluck().get() as number;
    await expect.poll(() => vk.calls('groups.getLongPollServer'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    vk.community.receive(ANNA, 'Здравствуйте!');
    await expect.poll(() => count('SELECT count(*) FROM messages'), { timeout: 10_000 }).toBe(1);
    const dm = run.engine.db.prepare('SELECT id FROM conversations').pluck().get() as string;
    const reply = await run.client.call('reply.send', { conversationId: dm, clientId: 'c-1', body: 'Добрый день!' });
    await expect.poll(async () => (await run.client.call('conversation.get', { id: dm })).messages.find((m) => m.id === reply.id)?.state, { timeout: 10_000 }).toBe('sent');
    // Two long polls after the send: the one that carried message_reply has been committed.
    const afterSend = vk.calls('a_check');
    await expect.poll(() => vk.calls('a_check') - afterSend, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(vk.community.sent).toHaveLength(1);
    expect(count("SELECT count(*) FROM messages WHERE body = 'Добрый день!'")).toBe(1);
    expect(count('SELECT count(*) FROM messages')).toBe(2);
  });
});
