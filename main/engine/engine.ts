import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { handle, type EngineEndpoint, type EventFrame, type ResultFrame } from '../../shared/rpc';
import { defaultConnectorFactory, type ConnectorFactory } from './accounts/connectors';
import { AccountSecrets, type SecretsSource } from './accounts/secrets';
import { AccountsService } from './accounts/service';
import { EngineChecks } from './checks/engine-checks';
import { openDatabase, type Db } from './db/open';
import { createRepos, type Repos } from './db/repos';
import { createHandlers, type CallContext } from './handlers';
import { ConversationActions } from './triage/actions';
import { TriagePolicy } from './triage/policy';
import { SnoozeWaker } from './triage/snooze-waker';
import { localTimeZone } from './support/time-zone';
import { Ingestor } from './inbox/ingest';
import { Outbox } from './outbox/outbox';
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
  /** Builds the connector for an account from its config and token; the default knows the platforms this build supports. */
  connectorFor?: ConnectorFactory;
  /**
   * Where account tokens live (tests: a MemorySecretStore). Without one, accounts that need a
   * token cannot be added, and the accounts screen says why; a rejected promise is that reason.
   */
  secrets?: SecretsSource;
  /** Where Telegram's poller locks live; the OS temp folder by default, so two Switchboards never poll one bot. */
  lockDir?: string;
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
  private readonly accounts: AccountsService;
  private readonly outbox: Outbox;
  private readonly checks: EngineChecks;
  private readonly scheduler: SyncScheduler;
  private readonly snoozeWaker: SnoozeWaker;
  private readonly dispatchCall: (frame: unknown, ctx: CallContext) => Promise<ResultFrame>;
  private started = false;
  private closed = false;

  constructor(options: EngineOptions) {
    const now = options.now ?? Date.now;
    const log = options.log ?? ((message: string) => console.error(`[engine] ${message}`));
    const newId = createIdGenerator(now);
    mkdirSync(options.dataDir, { recursive: true });
    this.db = openDatabase(join(options.dataDir, WORKSPACE_FILE));
    this.repos = createRepos(this.db, (key, problem) => log(`settings: ignoring invalid value of ${key}: ${problem}`));
    if (options.demoSandboxUrl) ensureDemoAccount(this.repos, options.demoSandboxUrl, newId, now);

    const connectivity = new ConnectivityMonitor((state) => this.events.emit('connectivity.changed', { connectivity: state }));
    // The outbox and the scheduler are built before the accounts that drive them, hence the arrows.
    const onUnauthorized = (accountId: string, reason: string, connector: Connector) => this.accounts.needsReconnect(accountId, reason, connector);
    const common = { db: this.db, repos: this.repos, events: this.events, connectivity, onUnauthorized, now, log, backoff: options.backoff };
    this.outbox = new Outbox({ ...common, newId, connectorFor: (accountId) => this.accounts.connectorFor(accountId), defaultUndoWindowMs: options.undoWindowMs });
    const policy = new TriagePolicy(this.repos.settings, options.timeZone ?? localTimeZone());
    this.scheduler = new SyncScheduler({ ...common, ingestor: new Ingestor(this.db, newId, now, policy), pollIntervalMs: options.pollIntervalMs ?? 5_000 });
    this.snoozeWaker = new SnoozeWaker(this.db, now, (conversationIds) => this.events.emit('inbox.changed', { conversationIds }));
    this.accounts = new AccountsService({
      ...common,
      newId,
      secrets: new AccountSecrets(options.secrets),
      connectorFactory: options.connectorFor ?? defaultConnectorFactory({ lockDir: options.lockDir }),
      scheduler: this.scheduler,
      outbox: this.outbox,
    });
    this.checks = new EngineChecks({ db: this.db, repos: this.repos, now, log });
    const actions = new ConversationActions({ db: this.db, repos: this.repos, policy, newId, now });
    this.dispatchCall = handle(
      createHandlers({
        repos: this.repos,
        accounts: this.accounts,
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
    this.snoozeWaker.start();
    // Connecting reads tokens from the keychain, which may still be being probed: the rest does not
    // wait for it. The outbox does, since before its accounts are connected it could only put every
    // due reply off as "not connected".
    void this.accounts.start().then(() => {
      if (!this.closed) this.outbox.start();
    });
  }

  dispatch(frame: unknown): Promise<ResultFrame> {
    return this.dispatchCall(frame, LOCAL_AGENT);
  }

  subscribe(listener: (frame: EventFrame) => void): () => void {
    return this.events.subscribe(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.snoozeWaker.stop();
    await Promise.all([this.scheduler.stop(), this.outbox.stop(), this.checks.close()]);
    await this.accounts.close();
    this.db.close();
  }
}

/** The demo workspace has one sandbox account; its URL changes with every launch of the in-process sandbox. */
function ensureDemoAccount(repos: Repos, baseUrl: string, newId: () => string, now: () => number): void {
  const existing = repos.accounts.list().find((account) => account.platform === 'sandbox');
  const profile = { name: 'Northwind Goods', handle: '@northwind', config: { baseUrl } };
  if (existing) repos.accounts.updateProfile(existing.id, profile);
  else repos.accounts.insert({ id: newId(), platform: 'sandbox', status: 'active', ...profile }, now());
}
