import { describe, expect, it } from 'vitest';
import { MetaConnector } from '../../../../main/engine/platforms/meta/client';
import { formatGraphTime } from '../../../../main/engine/platforms/meta/wire';
import { fastPaced, newDataDir, startEngine } from '../../helpers/engine';
import { ANNA, DAY, HOUR, INSTAGRAM, PAGE, setup } from './harness';

/**
 * The real engine (SQLite file, scheduler, ingest, outbox) syncing from and
 * replying through the fake Graph, on the wall clock as in production.
 */
describe('Meta in the engine', () => {
  it('syncs all four streams through a failing first poll, quarantines the malformed item once, and replies inside the window', async () => {
    const { graph } = await setup({ now: Date.now });
    const now = Date.now();
    const { conversationId } = graph.store.customerWrites('messenger', ANNA, 'Where is my order?', now - 2 * HOUR);
    graph.store.rawMessage(conversationId, { id: 'm_broken', created_time: formatGraphTime(now - HOUR), message: 42 }, now - HOUR);
    const stale = graph.store.customerWrites('messenger', { id: 'psid-old', name: 'Old Customer' }, 'Hello?', now - 8 * DAY);
    const post = graph.store.addPost('Autumn blend', now - DAY);
    graph.store.addComment(post, { id: '7012345678901234', name: 'Piotr' }, 'Open on Sunday?', { at: now - HOUR });
    const media = graph.store.addMedia('Latte art', now - DAY);
    graph.store.addComment(media, { id: '6789', name: '', username: 'jan.nowak' }, 'Awesome!', { at: now - HOUR });
    graph.store.customerWrites('instagram', { id: '6789', name: '', username: 'jan.nowak' }, 'Do you ship?', now - HOUR);
    graph.faults.add({ kind: 'status', status: 503 }, { route: 'read' });

    const meta = fastPaced(new MetaConnector({ baseUrl: graph.url, pageId: PAGE.id, accessToken: 'token-1', instagramAccountId: INSTAGRAM.id }));
    const run = startEngine(newDataDir(), { demoSandboxUrl: 'http://127.0.0.1:9', connectorFor: () => meta });
    const db = run.engine.db;
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

    await expect.poll(() => count('SELECT count(*) FROM messages'), { timeout: 10_000 }).toBe(5);
    expect(count('SELECT count(*) FROM quarantine')).toBe(1);
    expect(db.prepare('SELECT platform_id FROM conversations ORDER BY platform_id').pluck().all()).toEqual([
      expect.stringMatching(/^ig_comment:/),
      expect.stringMatching(/^instagram:/),
      `messenger:${conversationId}`,
      `messenger:${stale.conversationId}`,
      expect.stringMatching(/^page_comment:/),
    ]);
    const localId = (platformId: string) => db.prepare('SELECT id FROM conversations WHERE platform_id = ?').pluck().get(platformId) as string;

    const reply = await run.client.call('reply.send', { conversationId: localId(`messenger:${conversationId}`), clientId: 'c-1', body: 'It ships today.' });
    const stateOf = async (conversation: string, id: string) => (await run.client.call('conversation.get', { id: conversation })).messages.find((m) => m.id === id);
    await expect.poll(async () => (await stateOf(localId(`messenger:${conversationId}`), reply.id))?.state, { timeout: 10_000 }).toBe('sent');
    expect(graph.store.sent.map((sent) => [sent.text, sent.messagingType])).toEqual([['It ships today.', 'RESPONSE']]);
    // Two Messenger list requests after the send: the scan that re-read the conversation has been committed.
    const sentAt = graph.requests.findIndex((request) => request.method === 'POST');
    const messengerPolls = () => graph.requests.slice(sentAt).filter((request) => request.path.endsWith('/conversations') && request.query.get('platform') === 'messenger').length;
    await expect.poll(messengerPolls, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // The published reply came back in that poll and was recognised, not stored twice.
    expect(count('SELECT count(*) FROM messages')).toBe(6);
    expect(count("SELECT count(*) FROM messages WHERE body = 'It ships today.'")).toBe(1);
    // Re-reading that conversation did not quarantine its malformed message again.
    expect(count('SELECT count(*) FROM quarantine')).toBe(1);

    const late = await run.client.call('reply.send', { conversationId: localId(`messenger:${stale.conversationId}`), clientId: 'c-2', body: 'Sorry for the wait!' });
    await expect.poll(async () => (await stateOf(localId(`messenger:${stale.conversationId}`), late.id))?.state, { timeout: 10_000 }).toBe('failed');
    expect((await stateOf(localId(`messenger:${stale.conversationId}`), late.id))?.error).toMatch(/window has closed/);
    expect(graph.store.sent).toHaveLength(1);
  });
});
