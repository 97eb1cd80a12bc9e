import { describe, expect, it } from 'vitest';
import { messageOf } from '../engine-kit';
import { xEngine } from './engine-harness';
import { ANNA, HOUR, PIOTR, setup } from './harness';

describe('X in the engine', () => {
  it('syncs mentions and DMs, quarantines the malformed mention once, and publishes replies whose send timed out after X committed it exactly once', async () => {
    // The test engine polls every 40 ms; X's real 15 DM reads per 15 minutes would stop it after 15 (see connector.test.ts).
    const { fake } = await setup({ now: Date.now, limits: { 'GET /2/dm_events': 100_000 } });
    const now = Date.now();
    fake.store.mention(ANNA, 'Where is my order?', { at: now - 2 * HOUR });
    fake.store.rawMention({ id: '1', text: 42, author_id: ANNA.id }, now - HOUR);
    fake.store.customerDm(PIOTR, 'Can I change my address?', now - HOUR);

    const running = await xEngine(fake);
    const db = running.engine.db;
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
    await expect.poll(() => count('SELECT count(*) FROM messages'), { timeout: 10_000 }).toBe(2);
    expect(count('SELECT count(*) FROM quarantine')).toBe(1);
    const conversation = (prefix: string) => db.prepare('SELECT id FROM conversations WHERE platform_id LIKE ?').pluck().get(`${prefix}%`) as string;
    const mention = conversation('mention:');
    const dm = conversation('dm:');
    expect(db.prepare('SELECT kind FROM conversations ORDER BY kind').pluck().all()).toEqual(['dm', 'mention']);

    // The tweet is committed, then X never answers: the connector times out, and the outbox finds it on X.
    fake.faults({ route: 'replies', commit_then_fail: { count: 1 }, after_commit: 'hang' });
    const reply = await running.client.call('reply.send', { conversationId: mention, clientId: 'c-1', body: 'Sorry! It ships today & tracking follows.' });
    await expect.poll(async () => (await messageOf(running.client, mention, reply.id)).state, { timeout: 15_000 }).toBe('sent');
    expect(fake.store.published.map((entry) => [entry.kind, entry.text])).toEqual([['tweet', 'Sorry! It ships today & tracking follows.']]);
    const tweetId = fake.store.published[0]!.id;
    expect(await messageOf(running.client, mention, reply.id)).toMatchObject({ state: 'sent' });
    expect(db.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(reply.id)).toBe(tweetId);

    // The same for a DM, whose outcome the DM stream may also see first: either way it is stored once.
    fake.faults({ route: 'replies', commit_then_fail: { count: 1 }, after_commit: 'hang' });
    const direct = await running.client.call('reply.send', { conversationId: dm, clientId: 'c-2', body: 'Yes, send it here.' });
    await expect.poll(async () => (await messageOf(running.client, dm, direct.id)).state, { timeout: 15_000 }).toBe('sent');
    const dmPolls = () => fake.requests.filter((request) => request.endpoint === 'GET /2/dm_events').length;
    const polled = dmPolls();
    await expect.poll(dmPolls, { timeout: 10_000 }).toBeGreaterThanOrEqual(polled + 2);
    expect(fake.store.published).toHaveLength(2);
    expect(count("SELECT count(*) FROM messages WHERE body = 'Yes, send it here.'")).toBe(1);
    expect(count('SELECT count(*) FROM messages')).toBe(4);
    expect(count('SELECT count(*) FROM quarantine')).toBe(1);
  });
});
