import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_FILE } from '../../../main/engine/engine';
import type { HideWish, QueuedReply } from '../../../tests/chaos/agent';
import { replyText } from '../../../tests/chaos/reply-text';
import { defaultConnectorFactory } from '../../../main/engine/accounts/connectors';
import { startFakeGraph, type FakeGraph } from '../../../main/engine/platforms/meta/fake';
import { MemorySecretStore } from '../../../main/engine/secrets/memory-store';
import { inspectReadOnly, metaRecords, readSandboxRecords, verifyWorkspace } from '../../../tests/chaos/verify';
import { fastPaced, newDataDir, sandbox, startEngine, waitForConversations } from '../helpers/engine';
import { closeAfterTest } from '../platforms/kit';
import { ANNA, DAY, HOUR, PAGE, PIOTR } from '../platforms/meta/harness';

/**
 * The chaos test's verdict must be able to fail: a workspace that synced and
 * published everything passes, and each kind of damage the chaos run looks
 * for — a message lost, a reply published twice, a hide not applied, a broken reference — is
 * counted when it is put into that same workspace.
 */
async function settledWorkspace() {
  const platform = await sandbox({ backfill: 30 });
  const dataDir = newDataDir();
  const running = startEngine(dataDir, { demoSandboxUrl: platform.url });
  await waitForConversations(running.client, 10);
  const conversation = (await running.client.call('inbox.list', { view: 'all', offset: 0, limit: 1 })).items[0]!;
  const reply: QueuedReply = { clientId: 'chaos-0', conversationId: conversation.id, text: replyText(0), answered: true };
  await running.client.call('reply.send', { conversationId: reply.conversationId, clientId: reply.clientId, body: reply.text, lang: 'en' });
  const commented = (await running.client.call('inbox.list', { view: 'all', offset: 0, limit: 100 })).items.find((item) => item.kind === 'comment')!;
  const comment = (await running.client.call('conversation.get', { id: commented.id })).messages.find((message) => message.direction === 'in')!;
  const wish: HideWish = { messageId: comment.id, hidden: true, answered: true };
  await running.client.call('message.setHidden', { messageId: wish.messageId, hidden: wish.hidden });
  // Settled: published and hidden, and the reply's echo read back from the feed.
  await expect
    .poll(async () => verifyWorkspace(running.engine.db, [await readSandboxRecords(platform.url)], [reply], [wish], false), { timeout: 10_000 })
    .toMatchObject({ lost: 0, hidesUnapplied: 0 });
  await running.close();
  const threadId = platform.published()[0]!.thread_id;
  return { platform, file: join(dataDir, WORKSPACE_FILE), reply, wish, threadId };
}

async function verdict(file: string, platformUrl: string, replies: QueuedReply[], wishes: HideWish[] = []) {
  const records = await readSandboxRecords(platformUrl);
  return inspectReadOnly(file, (db) => verifyWorkspace(db, [records], replies, wishes, true))!;
}

function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

describe('chaos verdict', () => {
  it('passes a workspace holding every item once, the reply as published and the comment as hidden', async () => {
    const { platform, file, reply, wish } = await settledWorkspace();
    const findings = await verdict(file, platform.url, [reply], [wish]);
    expect(findings).toMatchObject({ queued: 1, published: 1, lost: 0, duplicated: 0, integrityErrors: 0, hides: 1, hidesUnapplied: 0, problems: [] });
    expect(findings.inbound).toBeGreaterThan(0);
  });

  it('counts an inbound message missing from the workspace as lost', async () => {
    const { platform, file, reply } = await settledWorkspace();
    tamper(file, (db) => db.prepare("DELETE FROM messages WHERE seq = (SELECT min(seq) FROM messages WHERE direction = 'in')").run());
    expect(await verdict(file, platform.url, [reply])).toMatchObject({ lost: 1, duplicated: 0, integrityErrors: 0 });
  });

  it('counts a reply the platform never received as lost, and a reply published under a second key as duplicated', async () => {
    const { platform, file, reply, threadId } = await settledWorkspace();
    const neverSent: QueuedReply = { ...reply, clientId: 'chaos-1', text: replyText(1) };
    expect(await verdict(file, platform.url, [reply, neverSent])).toMatchObject({ queued: 2, published: 1, lost: 1, duplicated: 0 });

    const again = await fetch(`${platform.url}/v1/threads/${encodeURIComponent(threadId)}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'another-key' },
      body: JSON.stringify({ text: reply.text, visibility: 'private' }),
    });
    expect(again.status).toBe(201);
    const findings = await verdict(file, platform.url, [reply]);
    expect(findings.duplicated).toBe(1);
    // The second copy is also a feed item the workspace never stored.
    expect(findings.lost).toBe(1);
  });

  it('counts a hide the platform does not show, or the workspace still carries, as unapplied; only the last wish counts', async () => {
    const { platform, file, reply, wish } = await settledWorkspace();
    expect(await verdict(file, platform.url, [reply], [{ ...wish, hidden: false }, wish])).toMatchObject({ hides: 1, hidesUnapplied: 0 });

    tamper(file, (db) => db.prepare("UPDATE outbox SET state = 'pending' WHERE message_id = ?").run(wish.messageId));
    expect(await verdict(file, platform.url, [reply], [wish])).toMatchObject({ hides: 1, hidesUnapplied: 1 });
    tamper(file, (db) => db.prepare("UPDATE outbox SET state = 'done' WHERE message_id = ?").run(wish.messageId));

    const itemId = inspectReadOnly(file, (db) => db.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(wish.messageId) as string)!;
    const shown = await fetch(`${platform.url}/v1/items/${encodeURIComponent(itemId)}/hidden`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hidden: false }) });
    expect(shown.status).toBe(200);
    const findings = await verdict(file, platform.url, [reply], [wish]);
    expect(findings).toMatchObject({ hides: 1, hidesUnapplied: 1, lost: 0 });
    expect(findings.problems).toContainEqual(expect.stringContaining('the platform has hidden=false'));
  });

  it('counts a broken reference as an integrity error', async () => {
    const { platform, file, reply } = await settledWorkspace();
    tamper(file, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare("UPDATE messages SET conversation_id = 'gone' WHERE seq = (SELECT min(seq) FROM messages WHERE direction = 'in')").run();
    });
    const findings = await verdict(file, platform.url, [reply]);
    expect(findings.integrityErrors).toBe(1);
    expect(findings.problems).toContainEqual(expect.stringContaining('foreign key: messages'));
  });
});

/**
 * The same verdict over a Facebook Page on the fake Graph, added through the contract as the chaos
 * child adds it: a DM reply, a public reply under a comment, the comment hidden.
 */
async function settledMetaWorkspace() {
  const graph: FakeGraph = closeAfterTest(await startFakeGraph({ page: PAGE, accessToken: 'token-1' }));
  const now = Date.now();
  graph.store.customerWrites('messenger', ANNA, 'Where is my order?', now - HOUR);
  const post = graph.store.addPost('Autumn blend', now - DAY);
  const commentId = graph.store.addComment(post, PIOTR, 'Open on Sunday?', { at: now - HOUR });
  const connectors = defaultConnectorFactory();
  const dataDir = newDataDir();
  const running = startEngine(dataDir, {
    secrets: new MemorySecretStore(),
    connectorFor: (account, token) => {
      const connector = connectors(account, token);
      return connector?.pacing ? fastPaced(connector) : connector;
    },
  });
  await running.client.call('accounts.add', { platform: 'facebook', token: 'token-1', config: { baseUrl: graph.url } });
  await waitForConversations(running.client, 2);
  const { items } = await running.client.call('inbox.list', { view: 'all', offset: 0, limit: 10 });
  const dm = items.find((item) => item.kind === 'dm')!;
  const thread = items.find((item) => item.kind === 'comment')!;
  const replies: QueuedReply[] = [dm, thread].map((conversation, index) => ({ clientId: `chaos-${index}`, conversationId: conversation.id, text: replyText(index), answered: true }));
  for (const reply of replies) await running.client.call('reply.send', { conversationId: reply.conversationId, clientId: reply.clientId, body: reply.text, lang: 'en' });
  const comment = (await running.client.call('conversation.get', { id: thread.id })).messages.find((message) => message.direction === 'in')!;
  const wish: HideWish = { messageId: comment.id, hidden: true, answered: true };
  await running.client.call('message.setHidden', { messageId: wish.messageId, hidden: true });
  // Settled: both replies published and read back, the comment hidden on the Page.
  await expect.poll(() => verifyWorkspace(running.engine.db, [metaRecords(graph.store)], replies, [wish], false), { timeout: 10_000 }).toMatchObject({ lost: 0, hidesUnapplied: 0 });
  await running.close();
  return { graph, file: join(dataDir, WORKSPACE_FILE), replies, wish, commentId };
}

function metaVerdict(file: string, graph: FakeGraph, replies: QueuedReply[], wishes: HideWish[] = []) {
  return inspectReadOnly(file, (db) => verifyWorkspace(db, [metaRecords(graph.store)], replies, wishes, true))!;
}

describe('chaos verdict on a Facebook Page', () => {
  it('passes a workspace holding every message and comment once, both replies as sent and the comment as hidden', async () => {
    const { graph, file, replies, wish } = await settledMetaWorkspace();
    const findings = metaVerdict(file, graph, replies, [wish]);
    const expected = { queued: 2, published: 2, inbound: 2, lost: 0, duplicated: 0, hides: 1, hidesUnapplied: 0 };
    expect(findings).toMatchObject({ ...expected, integrityErrors: 0, problems: [] });
    expect(findings.byPlatform.facebook).toMatchObject(expected);
  });

  it('counts a reply Meta received twice (it does not deduplicate) as duplicated, and one it never received as lost', async () => {
    const { graph, file, replies, commentId } = await settledMetaWorkspace();
    graph.store.replyToComment(commentId, replies[1]!.text);
    graph.store.sendToPerson(ANNA.id, 'RESPONSE', null, replies[0]!.text);
    const findings = metaVerdict(file, graph, replies);
    // Each second copy is also a message or comment the workspace never stored.
    expect(findings).toMatchObject({ duplicated: 2, lost: 2 });
    expect(findings.problems).toContainEqual(expect.stringContaining('was published 2 times (comment'));

    const neverSent: QueuedReply = { ...replies[0]!, clientId: 'chaos-9', text: replyText(9) };
    expect(metaVerdict(file, graph, [...replies, neverSent]).byPlatform.facebook).toMatchObject({ queued: 3, published: 2 });
  });

  it('counts a reply published by nobody here, and a reply stored under an id Meta never gave, against the run', async () => {
    const { graph, file, replies } = await settledMetaWorkspace();
    graph.store.customerWrites('messenger', ANNA, 'Hello again');
    graph.store.sendToPerson(ANNA.id, 'RESPONSE', null, 'A reply nobody queued');
    expect(metaVerdict(file, graph, replies)).toMatchObject({ duplicated: 1 });

    tamper(file, (db) => db.prepare("UPDATE messages SET platform_id = 'm_999' WHERE client_id = ?").run(replies[0]!.clientId));
    const findings = metaVerdict(file, graph, replies);
    expect(findings.problems).toContainEqual(expect.stringContaining(`reply ${replies[0]!.clientId} is published as`));
  });

  it('counts a customer comment missing from the workspace as lost, and one shown on the Page against the wish as unapplied', async () => {
    const { graph, file, replies, wish, commentId } = await settledMetaWorkspace();
    graph.store.setHidden(commentId, false);
    expect(metaVerdict(file, graph, replies, [wish])).toMatchObject({ hides: 1, hidesUnapplied: 1, lost: 0 });

    tamper(file, (db) => db.prepare("DELETE FROM messages WHERE platform_id = ? AND direction = 'in'").run(commentId));
    expect(metaVerdict(file, graph, replies)).toMatchObject({ lost: 1 });
  });

  it('counts replies and wishes on no platform it was given as lost and unapplied', async () => {
    const { file, replies, wish } = await settledMetaWorkspace();
    const findings = inspectReadOnly(file, (db) => verifyWorkspace(db, [], replies, [wish], true))!;
    expect(findings).toMatchObject({ queued: 2, lost: 2, hides: 1, hidesUnapplied: 1 });
  });
});
