import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/engine/db/open';
import { WORKSPACE_FILE } from '../../../main/engine/engine';
import type { Sandbox } from '../../../main/engine/platforms/sandbox/fake';
import { hidingSettled, messageOf } from '../platforms/engine-kit';
import { newDataDir, sandbox, startEngine, waitForConversations, type RunningEngine } from '../helpers/engine';

/**
 * A comment hidden or shown again on the sandbox platform itself (another moderator, in the
 * platform's own app) reaches the workspace when sync reads the comment again. The sandbox feed is
 * append-only, so that is a read from the start: here, after the stored cursor was reset.
 */

/** Two customers' comments of the synced workspace, with their sandbox item ids. */
async function twoComments(run: RunningEngine) {
  await waitForConversations(run.client, 30);
  const rows = run.engine.db
    .prepare(
      `SELECT m.id, m.conversation_id AS conversationId, m.platform_id AS itemId FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.kind = 'comment' AND m.direction = 'in' ORDER BY m.seq LIMIT 2`,
    )
    .all() as { id: string; conversationId: string; itemId: string }[];
  expect(rows).toHaveLength(2);
  return rows as [(typeof rows)[0], (typeof rows)[0]];
}

/** Another moderator sets the comment's state on the platform, not through Switchboard. */
async function moderateOnPlatform(platform: Sandbox, itemId: string, hidden: boolean) {
  const response = await fetch(`${platform.url}/v1/items/${encodeURIComponent(itemId)}/hidden`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hidden }),
  });
  expect(response.status).toBe(200);
}

describe('hidden state from the sandbox platform', () => {
  it('takes comments hidden and shown again on the platform on the next full read, naming their conversations in conversation.changed', async () => {
    const platform = await sandbox();
    const dataDir = newDataDir();
    const first = startEngine(dataDir, { demoSandboxUrl: platform.url });
    const [spam, appeal] = await twoComments(first);
    // The agent hides one here; the platform has it before the other moderator changes anything.
    await first.client.call('message.setHidden', { messageId: appeal.id, hidden: true });
    expect(await hidingSettled(first.client, appeal)).toMatchObject({ hidden: true, hideState: null });
    await first.close();

    await moderateOnPlatform(platform, spam.itemId, true);
    await moderateOnPlatform(platform, appeal.itemId, false);
    // As after the platform refused the stored cursor: everything is read again from the start.
    const db = openDatabase(join(dataDir, WORKSPACE_FILE));
    expect(db.prepare('UPDATE sync_state SET cursor = NULL').run().changes).toBe(1);
    db.close();

    const second = startEngine(dataDir, { demoSandboxUrl: platform.url });
    await expect.poll(async () => (await messageOf(second.client, spam.conversationId, spam.id)).hidden, { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await messageOf(second.client, appeal.conversationId, appeal.id)).hidden, { timeout: 10_000 }).toBe(false);
    expect(await messageOf(second.client, appeal.conversationId, appeal.id)).toMatchObject({ hideState: null, hideError: null });
    const named = second.eventsNamed('conversation.changed').map((event) => event.conversationId);
    expect(named).toEqual(expect.arrayContaining([spam.conversationId, appeal.conversationId]));
    // Nothing was asked of the platform for it: the agent's one hide is the only moderation request.
    expect(second.engine.db.prepare("SELECT action, state FROM outbox WHERE action != 'reply'").all()).toEqual([{ action: 'hide', state: 'done' }]);
    expect(platform.moderation().map((record) => [record.id, record.hidden, record.requests])).toEqual([
      [appeal.itemId, false, 2],
      [spam.itemId, true, 1],
    ]);
  });
});
