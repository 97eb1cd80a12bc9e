import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { handle, type EngineEndpoint, type EventFrame, type ResultFrame } from '../../shared/rpc';
import { EngineChecks } from './checks/engine-checks';
import { openDatabase, type Db } from './db/open';
import { createRepos, type Repos } from './db/repos';
import type { Account } from './db/repos/accounts';
import { createHandlers, type CallContext } from './handlers';
import { ConversationActions } from './triage/actions';
import { TriagePolicy } from './triage/policy';
import { SnoozeWaker } from './triage/snooze-waker';
import { localTimeZone } from './support/time-zone';
import { Ingestor } from './inbox/ingest';
import { Outbox } from './outbox/outbox';
import { SandboxConnector } from './platforms/sandbox/client';
import type { Connector } from './platforms/types';
import { MessageSearch } from './search/message-search';
import { EventBus } from './support/events';
import { createIdGenerator } from './support/ids';
import type { BackoffPolicy } from './support/backoff';
import { ConnectivityMonitor } from './sync/connectivity';
import { SyncScheduler } from './sync/scheduler';

export const WORKSPACE_FILE = 'workspace.sqlite';

export interface EngineOptions {
  /** Folder of the workspace; the database is `workspace.sqlite` inside it. */
  dataDir: string;
  /** Connect (or reconnect) the demo account to a sandbox platform at this URL. */
  demoSandboxUrl?: string;
  pollIntervalMs?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  /** The zone a new account's SLA clock starts in; the machine's by default. */
  timeZone?: string;
  /** Builds the connector for an account; the default knows the platforms this build supports. */
  connectorFor?: (account: Account) => Connector | undefined;
  /** The undo window for replies while the workspace has not set one; 5 s by default. */
  undoWindowMs?: number;
  log?: (message: string) => void;
}

const LOCAL_AGENT: CallContext = { actor: 'me' };

/**
 * The core, in one object: database, sync, outbox and the contract handlers.
 * Pure Node — it runs inside a worker thread under both hosts and in-process
 * in unit tests.
 */
export class Engine implements EngineEndpoint {
  readonly db: Db;
  readonly repos: Repos;
  private readonly events = new EventBus();
  private readonly connectors = new Map<string, Connector>();
  private readonly outbox: Outbox;
  private readonly checks: EngineChecks;
  private readonly scheduler: SyncScheduler;
  private readonly snoozeWaker: SnoozeWaker;
  private readonly dispatchCall: (frame: unknown, ctx: CallContext) => Promise<ResultFrame>;
  private started = false;

  constructor(private readonly options: EngineOptions) {
    const now = options.now ?? Date.now;
    const log = options.log ?? ((message: string) => console.error(`[engine] ${message}`));
    const newId = createIdGenerator(now);
    mkdirSync(options.dataDir, { recursive: true });
    this.db = openDatabase(join(options.dataDir, WORKSPACE_FILE));
    this.repos = createRepos(this.db, (key, problem) => log(`settings: ignoring invalid value of ${key}: ${problem}`));
    if (options.demoSandboxUrl) ensureDemoAccount(this.repos, options.demoSandboxUrl, newId, now);

    const connectivity = new ConnectivityMonitor((state) => this.events.emit('connectivity.changed', { connectivity: state }));
    const connectorFor = (accountId: string) => this.connectorFor(accountId);
    const common = { db: this.db, repos: this.repos, events: this.events, connectivity, connectorFor, now, log, backoff: options.backoff };
    this.outbox = new Outbox({ ...common, newId, defaultUndoWindowMs: options.undoWindowMs });
    const policy = new TriagePolicy(this.repos.settings, options.timeZone ?? localTimeZone());
    this.scheduler = new SyncScheduler({ ...common, ingestor: new Ingestor(this.db, newId, now, policy), pollIntervalMs: options.pollIntervalMs ?? 5_000 });
    this.snoozeWaker = new SnoozeWaker(this.db, now, (conversationIds) => this.events.emit('inbox.changed', { conversationIds }));
    this.checks = new EngineChecks({ db: this.db, repos: this.repos, now, log });
    const actions = new ConversationActions({ db: this.db, repos: this.repos, policy, newId, now });
    this.dispatchCall = handle(
      createHandlers({
        repos: this.repos,
        outbox: this.outbox,
        checks: this.checks,
        search: new MessageSearch(this.db),
        connectivity,
        actions,
        policy,
        snoozeWaker: this.snoozeWaker,
        events: this.events,
        workspace: options.dataDir,
        newId,
        now,
      }),
      { onInternalError: (name, error) => log(`call ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`) },
    );
  }

  /** Starts syncing and sending. Separate from construction so tests can inspect a freshly opened workspace. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.outbox.start();
    this.snoozeWaker.start();
    this.scheduler.start(this.repos.accounts.list());
  }

  dispatch(frame: unknown): Promise<ResultFrame> {
    return this.dispatchCall(frame, LOCAL_AGENT);
  }

  subscribe(listener: (frame: EventFrame) => void): () => void {
    return this.events.subscribe(listener);
  }

  async close(): Promise<void> {
    this.snoozeWaker.stop();
    await Promise.all([this.scheduler.stop(), this.outbox.stop(), this.checks.close()]);
    this.db.close();
  }

  private connectorFor(accountId: string): Connector | undefined {
    let connector = this.connectors.get(accountId);
    if (connector) return connector;
    const account = this.repos.accounts.get(accountId);
    if (!account) return undefined;
    connector = (this.options.connectorFor ?? defaultConnector)(account);
    if (connector) this.connectors.set(accountId, connector);
    return connector;
  }
}

function defaultConnector(account: Account): Connector | undefined {
  if (account.platform === 'sandbox' && typeof account.config.baseUrl === 'string') return new SandboxConnector({ baseUrl: account.config.baseUrl });
  return undefined;
}

/** The demo workspace has one sandbox account; its URL changes with every launch of the in-process sandbox. */
function ensureDemoAccount(repos: Repos, baseUrl: string, newId: () => string, now: () => number): void {
  const existing = repos.accounts.list().find((account) => account.platform === 'sandbox');
  const profile = { name: 'Northwind Goods', handle: '@northwind', config: { baseUrl } };
  if (existing) repos.accounts.updateProfile(existing.id, profile);
  else repos.accounts.insert({ id: newId(), platform: 'sandbox', status: 'active', ...profile }, now());
}
