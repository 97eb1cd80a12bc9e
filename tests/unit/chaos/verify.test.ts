import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_FILE } from '../../../main/engine/engine';
import type { HideWish, QueuedReply } from '../../../tests/chaos/agent';
import { replyText } from '../../../tests/chaos/reply-text';
import { inspectReadOnly, readPlatformRecords, verifyWorkspace } from '../../../tests/chaos/verify';
import { newDataDir, sandbox, startEngine, waitForConversations } from '../helpers/engine';

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
    .poll(async () => verifyWorkspace(running.engine.db, await readPlatformRecords(platform.url), [reply], [wish], false), { timeout: 10_000 })
    .toMatchObject({ lost: 0, hidesUnapplied: 0 });
  await running.close();
  const threadId = platform.published()[0]!.thread_id;
  return { platform, file: join(dataDir, WORKSPACE_FILE), reply, wish, threadId };
}

async function verdict(file: string, platformUrl: string, replies: QueuedReply[], wishes: HideWish[] = []) {
  const records = await readPlatformRecords(platformUrl);
  return inspectReadOnly(file, (db) => verifyWorkspace(db, records, replies, wishes, true))!;
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
