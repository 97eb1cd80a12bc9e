import { describe, expect, it } from 'vitest';
import { DesktopSettings } from '../../../shared/desktop-settings';
import type { Notice } from '../../../main/electron/notification-policy';
import { QueueWatch } from '../../../main/electron/queue-watch';
import { RpcError, type EngineEndpoint } from '../../../shared/rpc';
import { newDataDir, sandbox, startEngine, waitForConversations } from '../helpers/engine';

const notifications = DesktopSettings.parse({}).notifications;

function watch(engine: EngineEndpoint, overrides: Partial<DesktopSettings['notifications']> = {}) {
  const counts: number[] = [];
  const notices: Notice[] = [];
  const logs: string[] = [];
  const queueWatch = new QueueWatch({
    engine,
    notificationSettings: () => ({ ...notifications, ...overrides }),
    onCount: (count) => counts.push(count),
    onNotices: (batch) => notices.push(...batch),
    log: (message) => logs.push(message),
    debounceMs: 10,
    pollMs: 3_600_000,
  });
  return { queueWatch, counts, notices, logs };
}

describe('QueueWatch on a real engine', () => {
  it('keeps the tray count equal to Needs reply and notifies about what arrives after start, not before', async () => {
    const platform = await sandbox({ backfill: 12 });
    const { engine, client, eventsNamed } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    // The backfill is in before the watch starts: only what the platform sends later is news.
    await expect.poll(() => eventsNamed('sync.progress').some((progress) => progress.done), { timeout: 10_000 }).toBe(true);
    await waitForConversations(client, 1);
    const needsReply = async () => (await client.call('inbox.counts', {})).total.needs_reply;

    const { queueWatch, counts, notices } = watch(engine);
    queueWatch.start();
    try {
      await queueWatch.look();
      expect(counts.at(-1)).toBe(await needsReply());
      expect(notices).toEqual([]);

      const [arrived] = platform.emit(1);
      await expect.poll(() => notices.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const { items } = await client.call('inbox.list', { view: 'needs_reply', offset: 0, limit: 200 });
      const conversation = items.find((item) => item.id === notices[0]!.conversationId);
      expect(conversation).toBeDefined();
      expect(notices[0]).toEqual({ kind: 'new', conversationId: conversation!.id, contactName: conversation!.contactName, platform: 'sandbox' });
      expect(arrived).toBeDefined();
      await expect.poll(() => counts.at(-1), { timeout: 10_000 }).toBe(await needsReply());
    } finally {
      queueWatch.stop();
    }
  });

  it('stays quiet for a muted account', async () => {
    const platform = await sandbox({ backfill: 3 });
    const { engine, client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    await waitForConversations(client, 1);
    const accountId = (await client.call('app.status', {})).accounts[0]!.id;
    const { queueWatch, notices, counts } = watch(engine, { mutedAccounts: [accountId] });
    queueWatch.start();
    try {
      await queueWatch.look();
      const before = counts.length;
      platform.emit(2);
      await expect.poll(() => counts.length, { timeout: 10_000 }).toBeGreaterThan(before);
      await queueWatch.look();
      expect(notices).toEqual([]);
    } finally {
      queueWatch.stop();
    }
  });
});

describe('QueueWatch when the engine is away', () => {
  it('logs the failure and keeps going', async () => {
    const engine: EngineEndpoint = {
      dispatch: async (frame) => ({ t: 'result', id: (frame as { id: number }).id, ok: false, error: new RpcError('unavailable', 'The engine is restarting').toBody() }),
      subscribe: () => () => undefined,
    };
    const { queueWatch, counts, logs } = watch(engine);
    await queueWatch.look();
    expect(counts).toEqual([]);
    expect(logs).toEqual(['queue watch: The engine is restarting']);
    queueWatch.stop();
  });
});
