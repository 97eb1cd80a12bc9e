import type { Db } from '../db/open';
import type { Repos } from '../db/repos';
import type { Ingestor } from '../inbox/ingest';
import { PlatformError, type Connector, type UpdatesPage } from '../platforms/types';
import { backoffDelay, type BackoffPolicy } from '../support/backoff';
import type { EventBus } from '../support/events';
import { sleep } from '../support/sleep';
import type { ConnectivityMonitor } from './connectivity';
import { PollPacer, ReadBudget } from './pacing';

/** Without a pace of its own, a stream is read every pollIntervalMs after news and at most this many times less often while quiet. */
const DEFAULT_STRETCH = 4;

export interface SchedulerDeps {
  db: Db;
  repos: Repos;
  ingestor: Ingestor;
  /** The platform refused the token `connector` holds: the account's loops have ended, and it needs a new one. */
  onUnauthorized: (accountId: string, reason: string, connector: Connector) => void;
  events: EventBus;
  connectivity: ConnectivityMonitor;
  now: () => number;
  /** Wait between polls once caught up, for connectors without a pace of their own. */
  pollIntervalMs: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  log: (message: string) => void;
}

/**
 * One polling loop per account stream: catch up page by page, then poll. A
 * page and the cursor after it are committed in one transaction, so a crash
 * re-reads at most one page (and ingest is idempotent). Failures back off with
 * jitter; the next attempt time is stored, so a restart honours it. Caught
 * up, a stream waits by its pace (longer while it stays quiet), and all of an
 * account's reads share its budget, so the app never reads faster than the
 * platform allows.
 */
export class SyncScheduler {
  private readonly running = new Map<string, { abort: AbortController; loops: Promise<void>[] }>();
  /** Kept across a stop and a start (pause, reconnect), so restarting an account's loops never resets what it has read. */
  private readonly budgets = new Map<string, ReadBudget>();
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Starts one loop per stream of the account; an account already running is left as it is. */
  startAccount(accountId: string, connector: Connector): void {
    if (this.stopped || this.running.has(accountId)) return;
    const abort = new AbortController();
    const budget = this.budgetFor(accountId, connector);
    this.running.set(accountId, { abort, loops: connector.streams.map((stream) => this.run(accountId, stream, connector, budget, abort.signal)) });
  }

  /** Ends the account's loops and waits for them: afterwards nothing of this account reads from its connector. */
  async stopAccount(accountId: string): Promise<void> {
    const entry = this.running.get(accountId);
    if (!entry) return;
    this.running.delete(accountId);
    entry.abort.abort();
    await Promise.all(entry.loops);
  }

  private budgetFor(accountId: string, connector: Connector): ReadBudget | null {
    if (!connector.readBudget) return null;
    let budget = this.budgets.get(accountId);
    if (!budget) {
      budget = new ReadBudget(connector.readBudget);
      this.budgets.set(accountId, budget);
    }
    return budget;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.running.keys()].map((accountId) => this.stopAccount(accountId)));
  }

  private async run(accountId: string, stream: string, connector: Connector, budget: ReadBudget | null, signal: AbortSignal): Promise<void> {
    const { repos, now, connectivity, pollIntervalMs } = this.deps;
    const source = `account:${accountId}`;
    const pacer = new PollPacer(connector.pacing?.(stream) ?? { minIntervalMs: pollIntervalMs, maxIntervalMs: pollIntervalMs * DEFAULT_STRETCH });
    let catchUp: { fetched: number } | null = repos.syncState.get(accountId, stream).cursor === null ? { fetched: 0 } : null;

    while (!signal.aborted) {
      const state = repos.syncState.get(accountId, stream);
      if (state.backoffUntil !== null && state.backoffUntil > now()) {
        await sleep(state.backoffUntil - now(), signal);
        continue;
      }
      // One time for the read: what the budget charges, and when ingest knows the platform's answer to be from.
      const readAt = now();
      const wait = budget?.take(readAt) ?? 0;
      if (wait > 0) {
        await sleep(wait, signal);
        continue;
      }
      if (catchUp) connectivity.setBackfilling(source, true);
      let page: UpdatesPage;
      try {
        page = await connector.fetchUpdates(stream, state.cursor, signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof PlatformError && error.kind === 'cursor_invalid') {
          this.deps.log(`sync: ${accountId}/${stream} lost its position (${error.message}); reading again from the start`);
          repos.syncState.save(accountId, stream, { ...state, cursor: null });
          catchUp = { fetched: 0 };
          continue;
        }
        this.recordFailure(accountId, stream, error);
        // Polling with a refused token only collects more refusals: the account waits for a new one.
        if (error instanceof PlatformError && error.kind === 'unauthorized') {
          this.deps.onUnauthorized(accountId, error.message, connector);
          break;
        }
        continue;
      }
      connectivity.reached(source);
      this.commit(accountId, stream, page, readAt, gapNotice(connector, state.lastSuccessAt, now()));

      if (page.hasMore && !catchUp) catchUp = { fetched: 0 };
      if (catchUp) {
        catchUp.fetched += page.items.length + page.quarantined.length;
        this.deps.events.emit('sync.progress', {
          accountId,
          fetched: catchUp.fetched,
          total: page.remaining === null ? null : catchUp.fetched + page.remaining,
          done: !page.hasMore,
        });
        if (!page.hasMore) {
          catchUp = null;
          connectivity.setBackfilling(source, false);
        }
      }
      if (!page.hasMore) await sleep(pacer.next(page.items.length + page.quarantined.length), signal);
    }
    connectivity.setBackfilling(source, false);
  }

  /**
   * `notice` is something the account's status should keep saying although the read
   * succeeded (updates lost in a gap): it stays in lastError until a failure replaces it,
   * while a failure's error is cleared by the next success.
   */
  private commit(accountId: string, stream: string, page: UpdatesPage, readAt: number, notice: string | null): void {
    const { db, repos, ingestor, now, events } = this.deps;
    const result = db.transaction(() => {
      const ingested = ingestor.ingest(accountId, page.items, readAt);
      repos.quarantine.add(accountId, stream, page.quarantined, now());
      for (const messageId of ingested.reconciledMessageIds) repos.outbox.completeForMessage(messageId, now());
      const previous = repos.syncState.get(accountId, stream);
      const lastError = notice ?? (previous.failures === 0 ? previous.lastError : null);
      repos.syncState.save(accountId, stream, { cursor: page.cursor, failures: 0, backoffUntil: null, lastSuccessAt: now(), lastError });
      return ingested;
    })();
    if (notice !== null) this.deps.log(`sync: ${accountId}/${stream}: ${notice}`);
    if (page.quarantined.length > 0) this.deps.log(`sync: ${page.quarantined.length} malformed item(s) from ${accountId}/${stream} quarantined`);
    if (result.conversationIds.length > 0) events.emit('inbox.changed', { conversationIds: result.conversationIds });
    for (const conversationId of result.hiddenChanged) events.emit('conversation.changed', { conversationId });
  }

  private recordFailure(accountId: string, stream: string, error: unknown): void {
    const { repos, now, connectivity } = this.deps;
    const state = repos.syncState.get(accountId, stream);
    const failures = state.failures + 1;
    const delay =
      error instanceof PlatformError && error.retryAfterMs !== null ? error.retryAfterMs : backoffDelay(failures, this.deps.backoff, this.deps.random);
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof PlatformError && error.kind === 'network') connectivity.unreachableFrom(`account:${accountId}`);
    if (!(error instanceof PlatformError)) this.deps.log(`sync: unexpected failure on ${accountId}/${stream}: ${reason}`);
    repos.syncState.save(accountId, stream, { ...state, failures, backoffUntil: now() + delay, lastError: reason });
  }
}

/**
 * Some platforms forget updates nobody fetched (Telegram: after 24 h) and offer no history
 * call. Such a connector says how long it keeps them as `updateRetentionMs`; after a longer
 * gap since the last good read, updates may be gone for good.
 */
function gapNotice(connector: Connector, lastSuccessAt: number | null, now: number): string | null {
  const retention = connector.updateRetentionMs;
  if (retention === undefined || lastSuccessAt === null || now - lastSuccessAt <= retention) return null;
  const hours = (ms: number) => Math.floor(ms / 3_600_000);
  return `Messages may be lost: nothing was read for ${hours(now - lastSuccessAt)} h (since ${new Date(lastSuccessAt).toISOString()}) and the platform keeps them for only ${hours(retention)} h`;
}
