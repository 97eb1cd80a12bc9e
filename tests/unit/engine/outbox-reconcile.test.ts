import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UNCONFIRMED_SEND } from '../../../shared/domain';
import { openDatabase, type Db } from '../../../main/engine/db/open';
import { createRepos, type Repos } from '../../../main/engine/db/repos';
import { Ingestor } from '../../../main/engine/inbox/ingest';
import { Outbox } from '../../../main/engine/outbox/outbox';
import { PlatformError, type Connector, type PublishedReply, type ReplyRequest, type UpdatesPage } from '../../../main/engine/platforms/types';
import { EventBus } from '../../../main/engine/support/events';
import { createIdGenerator } from '../../../main/engine/support/ids';
import { ConnectivityMonitor } from '../../../main/engine/sync/connectivity';
import { message } from '../helpers/inbound';
import { tempDir } from '../helpers/temp-dir';

/** What one sendReply call does: publish, fail before publishing, or publish and then lose the answer. */
type SendStep = 'ok' | 'lost-after-commit' | PlatformError;
/** What one findPublished call does: tell the truth, or fail. */
type LookStep = 'answer' | PlatformError;

/**
 * A platform in memory, scripted call by call. It keeps what was really
 * published, so a test can count it, whatever the outbox was told.
 */
class ScriptedPlatform implements Connector {
  readonly streams = ['updates'];
  readonly published: { key: string; text: string; at: number }[] = [];
  readonly sendCalls: ReplyRequest[] = [];
  readonly lookCalls: { request: ReplyRequest; sentAfter: number }[] = [];
  readonly findPublished?: Connector['findPublished'];

  constructor(
    readonly dedupesSends: boolean,
    canLook: boolean,
    private readonly sends: SendStep[] = [],
    private readonly looks: LookStep[] = [],
  ) {
    if (canLook) this.findPublished = (request, sentAfter) => this.look(request, sentAfter);
  }

  verify(): Promise<never> {
    throw new Error('not used');
  }

  fetchUpdates(): Promise<UpdatesPage> {
    throw new Error('not used');
  }

  async sendReply(request: ReplyRequest): Promise<PublishedReply> {
    this.sendCalls.push(request);
    const step = this.sends.shift() ?? 'ok';
    if (step instanceof PlatformError) throw step;
    const existing = this.dedupesSends ? this.published.find((p) => p.key === request.idempotencyKey) : undefined;
    if (!existing) this.published.push({ key: request.idempotencyKey, text: request.text, at: Date.now() });
    if (step === 'lost-after-commit') throw new PlatformError('network', 'The connection dropped while reading the answer');
    return this.receipt(existing ?? this.published.at(-1)!);
  }

  private async look(request: ReplyRequest, sentAfter: number): Promise<PublishedReply | null> {
    this.lookCalls.push({ request, sentAfter });
    const step = this.looks.shift() ?? 'answer';
    if (step instanceof PlatformError) throw step;
    const found = this.published.find((p) => p.text === request.text && p.at >= sentAfter);
    return found ? this.receipt(found) : null;
  }

  private receipt(entry: { at: number }): PublishedReply {
    return { platformId: `p${this.published.indexOf(entry as (typeof this.published)[number]) + 1}`, createdAt: entry.at };
  }
}

const network = () => new PlatformError('network', 'The platform did not answer in time');
const server = () => new PlatformError('server', 'Bad Gateway');

interface Workspace {
  db: Db;
  repos: Repos;
  conversationId: string;
}

const closing: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
});

function workspace(): Workspace {
  const db = openDatabase(join(tempDir('switchboard-outbox-'), 'workspace.sqlite'));
  closing.push(() => void db.close());
  const repos = createRepos(db);
  const newId = createIdGenerator();
  repos.accounts.insert({ id: 'acc', platform: 'telegram', name: 'Northwind', handle: '@northwind', status: 'active', config: {} }, Date.now());
  db.transaction(() => new Ingestor(db, newId, Date.now).ingest('acc', [message('chat-1', 'Where is my parcel?', Date.now() - 60_000)]))();
  const conversationId = db.prepare<[], string>("SELECT id FROM conversations WHERE platform_id = 'chat-1'").pluck().get()!;
  return { db, repos, conversationId };
}

/** A started outbox on the workspace; without a platform it keeps every reply queued ("account is not connected"). */
function outboxOn(ws: Workspace, platform: Connector | undefined, log: string[] = []): Outbox {
  const outbox = unstartedOutbox(ws, () => platform, log);
  outbox.start();
  return outbox;
}

function unstartedOutbox(ws: Workspace, connectorFor: (accountId: string) => Connector | undefined, log: string[] = []): Outbox {
  const outbox = new Outbox({
    db: ws.db,
    repos: ws.repos,
    connectorFor,
    onUnauthorized: (accountId, reason) => log.push(`${accountId} unauthorized: ${reason}`),
    events: new EventBus(),
    connectivity: new ConnectivityMonitor(() => {}),
    newId: createIdGenerator(),
    now: Date.now,
    backoff: { baseMs: 5, maxMs: 20 },
    defaultUndoWindowMs: 0,
    log: (line) => log.push(line),
  });
  closing.push(() => outbox.stop());
  return outbox;
}

async function settled(ws: Workspace, messageId: string) {
  await expect.poll(() => ws.repos.messages.get(messageId)?.state, { timeout: 10_000 }).toMatch(/^(sent|failed)$/);
  return ws.repos.messages.get(messageId)!;
}

function reply(outbox: Outbox, ws: Workspace, body: string) {
  return outbox.enqueueReply({ conversationId: ws.conversationId, clientId: `client-${body}`, body, actor: 'me' });
}

function outboxRow(ws: Workspace, messageId: string) {
  return ws.db.prepare<[string], { state: string; attempts: number; payload: string }>('SELECT state, attempts, payload FROM outbox WHERE message_id = ?').get(messageId)!;
}

describe('outbox at start-up', () => {
  it('ignores kicks until started: an account connecting before the others does not put their replies off as "not connected"', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(true, false, []);
    let connected = false;
    const outbox = unstartedOutbox(ws, () => (connected ? platform : undefined));
    const sent = reply(outbox, ws, 'Queued before a restart');
    // Another account connects first and kicks the outbox; this one's connector is not there yet.
    outbox.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outboxRow(ws, sent.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(ws.db.prepare('SELECT last_error FROM outbox WHERE message_id = ?').pluck().get(sent.id)).toBeNull();

    connected = true;
    outbox.start();
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'sent' });
    expect(platform.published).toHaveLength(1);
  });
});

describe('outbox after an ambiguous send', () => {
  it('resends with the same key where the platform deduplicates: published once', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(true, false, ['lost-after-commit']);
    const sent = reply(outboxOn(ws, platform), ws, 'Dedupe me');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'sent' });
    expect(platform.sendCalls.map((call) => call.idempotencyKey)).toEqual([platform.sendCalls[0]!.idempotencyKey, platform.sendCalls[0]!.idempotencyKey]);
    expect(platform.published).toHaveLength(1);
    expect(platform.lookCalls).toEqual([]);
  });

  it('finds the reply on the platform and records it, without sending again', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(false, true, ['lost-after-commit']);
    const sent = reply(outboxOn(ws, platform), ws, 'Find me');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'sent', error: null });
    expect(platform.sendCalls).toHaveLength(1);
    expect(platform.published).toHaveLength(1);
    expect(platform.lookCalls).toEqual([{ request: expect.objectContaining({ text: 'Find me' }), sentAfter: expect.any(Number) }]);
    expect(platform.lookCalls[0]!.sentAfter).toBeLessThanOrEqual(platform.published[0]!.at);
    expect(ws.db.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(sent.id)).toBe('p1');
  });

  it('sends again when the platform certainly does not have the reply', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(false, true, [server()]);
    const sent = reply(outboxOn(ws, platform), ws, 'Not there yet');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'sent' });
    expect(platform.lookCalls).toHaveLength(1);
    expect(platform.sendCalls).toHaveLength(2);
    expect(platform.published).toHaveLength(1);
  });

  it('keeps looking while the lookup itself fails, and looks from the first attempt’s time', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(false, true, [network(), 'lost-after-commit'], [network(), 'answer']);
    const sent = reply(outboxOn(ws, platform), ws, 'Flaky');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'sent' });
    // first send lost → look fails → look: absent → send (committed, answer lost) → look: found
    expect(platform.lookCalls).toHaveLength(3);
    expect(platform.sendCalls).toHaveLength(2);
    expect(platform.published).toHaveLength(1);
    const since = new Set(platform.lookCalls.map((call) => call.sentAfter));
    expect(since.size).toBe(1);
  });

  it('gives the reply to the agent where the platform can neither deduplicate nor look: never resent', async () => {
    const ws = workspace();
    const log: string[] = [];
    const platform = new ScriptedPlatform(false, false, ['lost-after-commit']);
    const sent = reply(outboxOn(ws, platform, log), ws, 'Maybe sent');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'failed', error: UNCONFIRMED_SEND });
    expect(platform.sendCalls).toHaveLength(1);
    expect(platform.published).toHaveLength(1);
    expect(outboxRow(ws, sent.id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(log.join('\n')).toMatch(/may have been published/);
  });

  it('gives the reply to the agent when the platform refuses to look', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(false, true, [server()], [new PlatformError('refused', 'history is closed')]);
    const sent = reply(outboxOn(ws, platform), ws, 'Cannot look');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'failed', error: UNCONFIRMED_SEND });
    expect(platform.sendCalls).toHaveLength(1);
  });

  it('treats a failure it did not expect as ambiguous too', async () => {
    const ws = workspace();
    const log: string[] = [];
    const platform = new ScriptedPlatform(false, false, []);
    platform.sendReply = async () => {
      throw new TypeError('cannot read the receipt');
    };
    const sent = reply(outboxOn(ws, platform, log), ws, 'Odd');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'failed', error: UNCONFIRMED_SEND });
    expect(log.join('\n')).toContain('cannot read the receipt');
  });
});

describe('outbox after a definite answer', () => {
  it('retries a rate limit without looking: nothing can have been published', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(false, false, [new PlatformError('rate_limited', 'slow down', 10)]);
    const sent = reply(outboxOn(ws, platform), ws, 'Patience');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'sent' });
    expect(platform.sendCalls).toHaveLength(2);
    expect(JSON.parse(outboxRow(ws, sent.id).payload)).not.toHaveProperty('unconfirmedSince');
  });

  it('fails a refusal with the platform’s reason', async () => {
    const ws = workspace();
    const platform = new ScriptedPlatform(false, false, [new PlatformError('refused', 'Forbidden: bot was blocked by the user')]);
    const sent = reply(outboxOn(ws, platform), ws, 'Blocked');
    expect(await settled(ws, sent.id)).toMatchObject({ state: 'failed', error: 'Forbidden: bot was blocked by the user' });
    expect(platform.sendCalls).toHaveLength(1);
  });
});

describe('outbox at start-up with a row left `sending`', () => {
  /** A reply claimed at `claimedAt` whose process died before the answer came. */
  async function interrupted(ws: Workspace, body: string, claimedAt: number): Promise<string> {
    const before = outboxOn(ws, undefined);
    const sent = reply(before, ws, body);
    await before.stop();
    ws.db.prepare("UPDATE outbox SET state = 'sending', attempts = 1, not_before = 0, updated_at = ? WHERE message_id = ?").run(claimedAt, sent.id);
    ws.repos.messages.setState(sent.id, 'sending');
    return sent.id;
  }

  it('looks first, from the interrupted attempt’s start, where the platform can', async () => {
    const ws = workspace();
    const claimedAt = Date.now() - 5_000;
    const messageId = await interrupted(ws, 'Half-sent', claimedAt);
    const platform = new ScriptedPlatform(false, true);
    platform.published.push({ key: 'earlier', text: 'Half-sent', at: claimedAt + 100 });
    outboxOn(ws, platform).start();
    expect(await settled(ws, messageId)).toMatchObject({ state: 'sent' });
    expect(platform.lookCalls).toEqual([{ request: expect.objectContaining({ text: 'Half-sent' }), sentAfter: claimedAt }]);
    expect(platform.sendCalls).toEqual([]);
  });

  it('gives it to the agent where the platform cannot look', async () => {
    const ws = workspace();
    const messageId = await interrupted(ws, 'Crashed mid-send', Date.now() - 5_000);
    const platform = new ScriptedPlatform(false, false);
    outboxOn(ws, platform).start();
    expect(await settled(ws, messageId)).toMatchObject({ state: 'failed', error: UNCONFIRMED_SEND });
    expect(platform.sendCalls).toEqual([]);
  });

  it('resends with the same key where the platform deduplicates', async () => {
    const ws = workspace();
    const messageId = await interrupted(ws, 'Dedupe after crash', Date.now() - 5_000);
    const platform = new ScriptedPlatform(true, false);
    outboxOn(ws, platform).start();
    expect(await settled(ws, messageId)).toMatchObject({ state: 'sent' });
    expect(platform.sendCalls).toHaveLength(1);
    expect(platform.lookCalls).toEqual([]);
  });
});
