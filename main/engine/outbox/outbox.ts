import { z } from 'zod';
import { DEFAULT_UNDO_WINDOW_MS, UNCONFIRMED_SEND, UndoWindowMs, canHide, defaultVisibility, type Message, type OutboundState, type Visibility } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import type { Db } from '../db/open';
import type { Repos } from '../db/repos';
import type { OutboxRow } from '../db/repos/outbox';
import { previewOf } from '../inbox/ingest';
import { PlatformError, type Connector, type ReplyRequest } from '../platforms/types';
import { backoffDelay, type BackoffPolicy } from '../support/backoff';
import type { EventBus } from '../support/events';
import type { ConnectivityMonitor } from '../sync/connectivity';

const ReplyPayload = z.object({
  threadPlatformId: z.string(),
  text: z.string(),
  visibility: z.enum(['public', 'private']),
  /** Set when an earlier attempt, begun at this time, may have published the reply (OutboxRepo.markUnconfirmed). */
  unconfirmedSince: z.number().optional(),
});

/** Where the comment of a `hide` or `unhide` row lives on the platform. */
const HidePayload = z.object({ threadPlatformId: z.string(), messagePlatformId: z.string() });

export interface OutboxDeps {
  db: Db;
  repos: Repos;
  connectorFor: (accountId: string) => Connector | undefined;
  /** The platform refused the token `connector` holds; until the account has a new one, its rows are not due (OutboxRepo.due). */
  onUnauthorized: (accountId: string, reason: string, connector: Connector) => void;
  events: EventBus;
  connectivity: ConnectivityMonitor;
  newId: () => string;
  now: () => number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** The undo window while the workspace has not set one. */
  defaultUndoWindowMs?: number;
  log: (message: string) => void;
}

const UNDO_WINDOW_KEY = 'composer.undoWindowMs';

export interface HideInput {
  messageId: string;
  hidden: boolean;
  actor: string;
}

export interface ReplyInput {
  conversationId: string;
  clientId: string;
  body: string;
  visibility?: Visibility;
  actor: string;
}

/**
 * Exactly-once publishing (DESIGN.md, "Offline and exactly-once"). A reply is
 * stored together with its outbox row in one transaction and shown at once as
 * queued; the drain loop sends due rows one at a time. The row id is the
 * idempotency key, so resending after an unknown outcome can never publish twice
 * on a platform that deduplicates.
 *
 * An attempt whose outcome is unknown (a timeout, a reset, a 5xx after the
 * request left, or a row found `sending` at start-up) is resent as it is only
 * where the platform deduplicates. Elsewhere the row is marked unconfirmed and
 * the next attempt first asks the platform whether the reply is there
 * (findPublished); where the platform cannot tell, the reply is failed as
 * UNCONFIRMED_SEND and the agent checks — a reply is never published twice.
 *
 * A reply waits out the undo window first (its row's not_before); until the row
 * is claimed for its first attempt it can be withdrawn. Claim and withdrawal
 * both change the row only if it is still pending, on the one connection, so
 * exactly one of them wins.
 *
 * Hiding a comment (or showing it again) sets a state, so resending it can
 * never do harm; what matters is the order. Only a message's newest hide/unhide
 * row is ever sent: queuing one cancels older ones that wait, and an older one
 * coming back for another attempt (after a failure or a crash) is cancelled
 * rather than sent over the newer wish.
 */
export class Outbox {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  /**
   * Kicks before start() are ignored: accounts connect one by one at start-up and each kicks the
   * outbox, and a drain then would put every due reply of an account not connected yet off by a
   * minute as "not connected". start() runs once they all are, and drains then.
   */
  private started = false;
  private readonly abort = new AbortController();

  constructor(private readonly deps: OutboxDeps) {}

  get undoWindowMs(): number {
    return this.deps.repos.settings.get(UNDO_WINDOW_KEY, UndoWindowMs, this.deps.defaultUndoWindowMs ?? DEFAULT_UNDO_WINDOW_MS);
  }

  set undoWindowMs(ms: number) {
    this.deps.repos.settings.set(UNDO_WINDOW_KEY, UndoWindowMs.parse(ms));
  }

  enqueueReply(input: ReplyInput): Message {
    const { db, repos, newId, now } = this.deps;
    const message = db.transaction(() => {
      const existing = repos.messages.getByClientId(input.clientId);
      if (existing) {
        if (existing.conversationId !== input.conversationId) throw new RpcError('refused', 'This client id belongs to another conversation');
        return existing; // the same call retried: never a second message
      }
      const conversation = repos.conversations.target(input.conversationId);
      if (!conversation) throw new RpcError('not_found', 'No such conversation');
      const account = repos.accounts.get(conversation.accountId)!;
      const at = now();
      const visibility = input.visibility ?? defaultVisibility(conversation.kind);
      const messageId = newId();
      repos.messages.addOutbound({
        id: messageId,
        conversationId: input.conversationId,
        clientId: input.clientId,
        visibility,
        authorName: account.name,
        body: input.body,
        createdAt: at,
      });
      repos.outbox.enqueue({
        id: newId(),
        accountId: account.id,
        conversationId: input.conversationId,
        messageId,
        action: 'reply',
        payload: { threadPlatformId: conversation.platformId, text: input.body, visibility } satisfies z.infer<typeof ReplyPayload>,
        notBefore: at + this.undoWindowMs,
        now: at,
      });
      // The text now lives in the message; a draft left behind would come back into the composer.
      repos.drafts.delete(input.conversationId);
      repos.conversations.noteOutbound(input.conversationId, at, previewOf(input.body));
      repos.audit.record({ at, actor: input.actor, action: 'reply.queued', entity: 'message', entityId: messageId, data: { conversationId: input.conversationId } });
      return repos.messages.get(messageId)!;
    })();
    this.deps.events.emit('conversation.changed', { conversationId: input.conversationId });
    this.deps.events.emit('inbox.changed', { conversationIds: [input.conversationId] });
    this.kick();
    return message;
  }

  /** Hides a customer's comment from the public or shows it again: the message changes now, the platform when the outbox gets there. */
  setHidden(input: HideInput): Message {
    const { db, repos, newId, now } = this.deps;
    const { message, changed, queued } = db.transaction(() => {
      const target = repos.messages.hideTarget(input.messageId);
      if (!target) throw new RpcError('not_found', 'No such message');
      if (target.direction !== 'in' || target.platformId === null || !canHide(target.platform, target.kind)) {
        throw new RpcError('refused', 'The platform does not let this message be hidden');
      }
      const current = repos.messages.get(target.id)!;
      // The same wish again (a retried call, or a repeated key press): nothing new to carry. After a failure it is tried again.
      if (current.hidden === input.hidden && current.hideState !== 'failed') return { message: current, changed: false, queued: false };
      const at = now();
      // Taking back a wish the platform refused outright: it still shows what is asked for now, so nothing is sent.
      if (current.hideState === 'failed' && current.hidden !== input.hidden && repos.outbox.takeBackRefusedHiding(target.id, at)) {
        repos.messages.setHidden(target.id, input.hidden);
        repos.audit.record({ at, actor: input.actor, action: 'message.hideTakenBack', entity: 'message', entityId: target.id, data: { conversationId: target.conversationId } });
        return { message: repos.messages.get(target.id)!, changed: true, queued: false };
      }
      repos.outbox.supersedeHiding(target.id, at);
      repos.messages.setHidden(target.id, input.hidden);
      repos.outbox.enqueue({
        id: newId(),
        accountId: target.accountId,
        conversationId: target.conversationId,
        messageId: target.id,
        action: input.hidden ? 'hide' : 'unhide',
        payload: { threadPlatformId: target.threadPlatformId, messagePlatformId: target.platformId } satisfies z.infer<typeof HidePayload>,
        notBefore: at,
        now: at,
      });
      const action = input.hidden ? 'message.hidden' : 'message.unhidden';
      repos.audit.record({ at, actor: input.actor, action, entity: 'message', entityId: target.id, data: { conversationId: target.conversationId } });
      return { message: repos.messages.get(target.id)!, changed: true, queued: true };
    })();
    if (changed) this.deps.events.emit('conversation.changed', { conversationId: message.conversationId });
    if (queued) this.kick();
    return message;
  }

  /**
   * Takes a reply back before its first attempt. The message is deleted rather than kept as
   * `cancelled`: nothing was published, and a kept row would still be found by search and could be
   * matched by sync reconciliation against a later reply with the same text. The audit log keeps the
   * record. The conversation's status and clock stay as the send left them.
   */
  undo(messageId: string, actor: string): { conversationId: string; body: string; visibility: Visibility } {
    const { db, repos, now } = this.deps;
    const message = db.transaction(() => {
      const found = repos.messages.get(messageId);
      if (!found || found.direction !== 'out') throw new RpcError('not_found', 'No such reply');
      if (!repos.outbox.withdraw(messageId)) throw new RpcError('refused', 'This reply is already sent or being sent');
      repos.messages.delete(messageId);
      repos.audit.record({ at: now(), actor, action: 'reply.undone', entity: 'message', entityId: messageId, data: { conversationId: found.conversationId } });
      return found;
    })();
    this.deps.events.emit('conversation.changed', { conversationId: message.conversationId });
    return { conversationId: message.conversationId, body: message.body, visibility: message.visibility };
  }

  /** Picks up rows interrupted by a crash or shutdown, then drains. */
  start(): void {
    this.started = true;
    const { repos, now, log } = this.deps;
    const interrupted = this.deps.db.transaction(() => {
      const rows = repos.outbox.recoverInterrupted(now());
      for (const row of rows) this.markReply(row, 'queued', 'Interrupted while sending; checking again');
      return rows;
    })();
    if (interrupted.length > 0) log(`outbox: ${interrupted.length} interrupted send(s) will be checked, then retried where that cannot publish twice`);
    this.kick();
  }

  /** Run the drain now (coalesced with one already running). */
  kick(): void {
    if (!this.started || this.abort.signal.aborted) return;
    clearTimeout(this.timer);
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.scheduleNext();
      }
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    await this.draining;
  }

  private scheduleNext(): void {
    if (this.abort.signal.aborted) return;
    const next = this.deps.repos.outbox.nextDueAt();
    if (next === null) return;
    // Cap the wait so a clock change cannot park the queue for long.
    this.timer = setTimeout(() => this.kick(), Math.min(Math.max(0, next - this.deps.now()), 60_000));
    this.timer.unref?.();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = this.deps.repos.outbox.due(this.deps.now(), 20);
      if (due.length === 0 || this.abort.signal.aborted) return;
      for (const row of due) {
        if (this.abort.signal.aborted) return;
        await this.send(row);
      }
    }
  }

  private async send(row: OutboxRow): Promise<void> {
    const { db, repos, now, events } = this.deps;
    const connector = this.deps.connectorFor(row.accountId);
    if (!connector) {
      this.settle(row, () => repos.outbox.retry(row.id, now() + 60_000, 'account is not connected', now()));
      return;
    }
    if (row.action !== 'reply' && repos.outbox.superseded(row.id)) {
      this.settle(row, () => repos.outbox.cancel(row.id, 'superseded', now()));
      return;
    }
    const attemptAt = now();
    const claimed = db.transaction(() => {
      if (!repos.outbox.claim(row.id, attemptAt)) return false;
      this.markReply(row, 'sending');
      return true;
    })();
    if (!claimed) return;
    events.emit('conversation.changed', { conversationId: row.conversationId });
    if (row.action === 'reply') await this.publishReply(row, connector, attemptAt);
    else await this.applyHiding(row, connector, attemptAt);
  }

  private async publishReply(row: OutboxRow, connector: Connector, attemptAt: number): Promise<void> {
    const { repos, now, connectivity } = this.deps;
    const { unconfirmedSince, ...reply } = ReplyPayload.parse(JSON.parse(row.payload));
    const request: ReplyRequest = { ...reply, idempotencyKey: row.id };
    const mustLook = unconfirmedSince !== undefined && !connector.dedupesSends;
    if (mustLook && !connector.findPublished) {
      this.failUnconfirmed(row);
      return;
    }
    let looking = mustLook;
    try {
      const found = mustLook ? await connector.findPublished!(request, unconfirmedSince, this.abort.signal) : null;
      looking = false;
      const published = found ?? (await connector.sendReply(request, this.abort.signal));
      connectivity.reached(`account:${row.accountId}`);
      this.settle(row, () => {
        if (row.messageId) repos.messages.markSent(row.messageId, published.platformId, published.createdAt);
        repos.outbox.complete(row.id, now());
      });
    } catch (error) {
      // Shutting down mid-request: the row stays `sending`, which the next start treats as an unknown outcome.
      if (this.abort.signal.aborted) return;
      // The platform refusing to look is no answer about the reply itself.
      if (looking && error instanceof PlatformError && error.kind === 'refused') {
        this.failUnconfirmed(row);
        return;
      }
      this.settleFailure(row, connector, error, unconfirmedSince ?? attemptAt);
    }
  }

  private async applyHiding(row: OutboxRow, connector: Connector, attemptAt: number): Promise<void> {
    const { repos, now, connectivity } = this.deps;
    const target = HidePayload.parse(JSON.parse(row.payload));
    if (!connector.setHidden) {
      this.settle(row, () => repos.outbox.fail(row.id, 'the platform cannot hide messages', now()));
      return;
    }
    try {
      await connector.setHidden({ ...target, hidden: row.action === 'hide' }, this.abort.signal);
      connectivity.reached(`account:${row.accountId}`);
      this.settle(row, () => repos.outbox.complete(row.id, now()));
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.settleFailure(row, connector, error, attemptAt);
    }
  }

  /** A reply's message follows its row's state; a hide row's message is the customer's comment, whose state is not the outbox's. */
  private markReply(row: Pick<OutboxRow, 'action' | 'messageId'>, state: OutboundState, error: string | null = null): void {
    if (row.action === 'reply' && row.messageId) this.deps.repos.messages.setState(row.messageId, state, error);
  }

  /**
   * After a failed attempt begun at `attemptAt` (or, when an earlier one is still unconfirmed, at
   * that one's start): a refusal fails the action; a failure that may have published it is resent
   * as it is only where the platform deduplicates, is looked for first where the platform can
   * tell, and otherwise goes to the agent. Everything else waits and tries again.
   */
  private settleFailure(row: OutboxRow, connector: Connector, error: unknown, attemptAt: number): void {
    const { repos, now, connectivity } = this.deps;
    const attempt = row.attempts + 1;
    if (error instanceof PlatformError && error.kind === 'unauthorized') {
      // Refused at the door, so nothing was published. The account is marked first, which takes its
      // rows out of the due ones; the reply keeps its place and goes out as soon as a new token comes.
      this.deps.onUnauthorized(row.accountId, error.message, connector);
      this.settle(row, () => {
        repos.outbox.retry(row.id, now(), error.message, now());
        this.markReply(row, 'queued', error.message);
      });
      return;
    }
    if (error instanceof PlatformError && error.kind === 'refused') {
      this.settle(row, () => {
        repos.outbox.fail(row.id, error.message, now());
        this.markReply(row, 'failed', error.message);
      });
      return;
    }
    // A failure we did not expect may have come after the request left: as unknown as a timeout.
    const ambiguous = !(error instanceof PlatformError) || error.ambiguous;
    // Setting a hidden state twice is setting it once: only a reply can be published twice.
    const unconfirmed = ambiguous && row.action === 'reply' && !connector.dedupesSends;
    if (unconfirmed && !connector.findPublished) {
      this.failUnconfirmed(row, error);
      return;
    }
    if (error instanceof PlatformError && error.kind === 'network') connectivity.unreachableFrom(`account:${row.accountId}`);
    const delay =
      error instanceof PlatformError && error.retryAfterMs !== null
        ? error.retryAfterMs
        : backoffDelay(attempt, this.deps.backoff, this.deps.random);
    const reason = error instanceof Error ? error.message : String(error);
    if (!(error instanceof PlatformError)) this.deps.log(`outbox: unexpected failure sending ${row.id}: ${reason}`);
    this.settle(row, () => {
      if (unconfirmed) repos.outbox.markUnconfirmed(row.id, attemptAt);
      repos.outbox.retry(row.id, now() + delay, reason, now());
      this.markReply(row, 'queued', reason);
    });
  }

  /** The reply may be on the platform and there is no asking: the agent looks, and sends again only if it is not. */
  private failUnconfirmed(row: OutboxRow, error?: unknown): void {
    const { repos, now, connectivity } = this.deps;
    if (error instanceof PlatformError && error.kind === 'network') connectivity.unreachableFrom(`account:${row.accountId}`);
    const detail = error instanceof Error ? `: ${error.message}` : '';
    this.deps.log(`outbox: ${row.id} may have been published and its platform cannot say; left to the agent${detail}`);
    this.settle(row, () => {
      repos.outbox.fail(row.id, `not confirmed; check the platform before sending again${detail}`, now());
      this.markReply(row, 'failed', UNCONFIRMED_SEND);
    });
  }

  private settle(row: OutboxRow, change: () => void): void {
    this.deps.db.transaction(change)();
    this.deps.events.emit('conversation.changed', { conversationId: row.conversationId });
  }
}
