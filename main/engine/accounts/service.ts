import type { CallOutput, CallParsedInput } from '../../../shared/contract';
import type { AccountDetails, AccountStatus } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import type { Db } from '../db/open';
import type { Repos } from '../db/repos';
import type { Account } from '../db/repos/accounts';
import type { Outbox } from '../outbox/outbox';
import { PlatformError, type AccountIdentity, type Connector } from '../platforms/types';
import { safeReason, SecretStoreError } from '../secrets/secret-store';
import type { EventBus } from '../support/events';
import type { SyncScheduler } from '../sync/scheduler';
import { needsToken, releaseConnector, TOKEN_PLATFORMS, type ConnectorFactory } from './connectors';
import type { AccountSecrets } from './secrets';

export interface AccountsServiceDeps {
  db: Db;
  repos: Repos;
  secrets: AccountSecrets;
  connectorFactory: ConnectorFactory;
  scheduler: SyncScheduler;
  outbox: Outbox;
  events: EventBus;
  newId: () => string;
  now: () => number;
  log: (message: string) => void;
}

/** The token is in the SecretStore but cannot be had: a platform needs one, the store answers, and it has none for this account. */
const MISSING = Symbol('missing token');

/**
 * Connected accounts: their connectors, their sync loops and sending, and the
 * agent's add, test, pause, resume, reconnect and remove.
 *
 * Tokens go from the call to the platform (verify) and to the SecretStore, and
 * nowhere else: every error that could carry one is cut with safeReason before
 * it is logged, stored or answered.
 *
 * A token and its account row are written in an order a crash cannot turn into
 * a row without its token being taken for a working account, nor a token kept
 * for nothing. Adding saves the token first, then the row: a crash between
 * leaves a token no account names, which the next start deletes (sweepOrphans).
 * Removing deletes the row first, then the token, with the same sweep behind it.
 * A row whose token is gone (deleted from the keychain by hand) is marked
 * needs_reconnect at start.
 *
 * Changes run one at a time (serial), so a pause cannot overtake the add it
 * follows, and the sweep never sees an add's token before its row.
 */
export class AccountsService {
  private readonly connectors = new Map<string, Connector>();
  private readonly abort = new AbortController();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: AccountsServiceDeps) {}

  /** The connector of a connected account, for the outbox; undefined while it is paused, refused or not yet connected. */
  connectorFor(accountId: string): Connector | undefined {
    return this.connectors.get(accountId);
  }

  /**
   * Connects every active account, those without a token first (they need not wait for the
   * keychain to answer); resolves once they are. Then, without holding that up, clears what an
   * interrupted add or remove left in the keychain.
   */
  start(): Promise<void> {
    const connected = this.serial(async () => {
      const active = this.deps.repos.accounts.list().filter((account) => account.status === 'active');
      for (const account of active.sort((a, b) => Number(needsToken(a.platform)) - Number(needsToken(b.platform)))) await this.connect(account);
    }).catch((error: unknown) => this.deps.log(`accounts: connecting at start failed: ${safeReason(error)}`));
    void this.serial(() => this.sweepOrphans());
    return connected;
  }

  /** After the scheduler and the outbox have stopped: lets go of every connector (Telegram's poller lock). */
  async close(): Promise<void> {
    this.abort.abort();
    await this.queue;
    for (const connector of this.connectors.values()) releaseConnector(connector);
    this.connectors.clear();
  }

  async list(): Promise<CallOutput<'accounts.list'>> {
    const { repos, secrets } = this.deps;
    return { accounts: repos.accounts.list().map((account) => repos.accounts.details(account)), keychain: await secrets.availability(), platforms: [...TOKEN_PLATFORMS] };
  }

  add({ platform, token, config }: CallParsedInput<'accounts.add'>, actor: string): Promise<AccountDetails> {
    return this.serial(async () => {
      const { db, repos, now, newId } = this.deps;
      if (!needsToken(platform)) throw new RpcError('refused', `This version cannot connect ${platform} accounts yet`);
      const store = await this.deps.secrets.store();
      const draft: Account = { id: newId(), platform, name: '', handle: '', status: 'active', config };
      const { connector, identity } = await this.verified(draft, token);
      let account: Account;
      try {
        const existing = repos.accounts.byIdentity(platform, identity.platformAccountId);
        if (existing) throw new RpcError('refused', `${identity.displayName} is already connected as “${existing.name}”; reconnect that account to give it a new token`);
        account = { ...draft, name: identity.displayName, platformAccountId: identity.platformAccountId };
        await this.keep(() => store.set(account.id, token), token);
        try {
          db.transaction(() => {
            repos.accounts.insert(account, now());
            this.audit(actor, 'account.added', account.id, { platform, name: account.name });
          })();
        } catch (error) {
          // The row did not make it: take the token back now rather than at the next start.
          await store.delete(account.id).catch((failure: unknown) => this.deps.log(`accounts: ${account.id}: an unused token stays in the keychain until the next start: ${safeReason(failure, token)}`));
          throw error;
        }
      } catch (error) {
        releaseConnector(connector);
        throw error;
      }
      // The connector that checked the token may not have known whose it was (a Page's id comes from the token): sync with one built for the account.
      releaseConnector(connector);
      const running = this.deps.connectorFactory(account, token);
      if (running) this.run(account.id, running);
      this.changed();
      return repos.accounts.details(account);
    });
  }

  /** Asks the platform now; a refused token marks the account needs_reconnect, anything else only reports. */
  async test(id: string, actor: string): Promise<CallOutput<'accounts.test'>> {
    const account = this.existing(id);
    const answer = (problem: string | null) => {
      this.audit(actor, 'account.tested', id, { ok: problem === null, ...(problem === null ? {} : { problem }) });
      return { ok: problem === null, problem, account: this.deps.repos.accounts.details(this.existing(id)) };
    };
    const token = await this.tokenOf(account);
    if (token === MISSING) {
      this.needsReconnect(id, 'No token is stored for this account');
      return answer('No token is stored for this account');
    }
    const running = this.connectors.get(id);
    let connector: Connector | undefined;
    try {
      connector = running ?? this.deps.connectorFactory(account, token);
      if (!connector) return answer(token === null ? 'The keychain is not available, so the token cannot be read' : 'This version cannot connect this account');
      await connector.verify(this.abort.signal);
      return answer(null);
    } catch (error) {
      const problem = safeReason(error, token ?? undefined);
      if (error instanceof PlatformError && error.kind === 'unauthorized') this.needsReconnect(id, problem);
      return answer(problem);
    } finally {
      if (connector && connector !== running) releaseConnector(connector);
    }
  }

  pause(id: string, actor: string): Promise<AccountDetails> {
    return this.serial(async () => {
      const account = this.existing(id);
      if (account.status !== 'paused') {
        this.setStatus(id, 'paused', actor, 'account.paused');
        await this.disconnect(id);
        this.changed();
      }
      return this.details(id);
    });
  }

  resume(id: string, actor: string): Promise<AccountDetails> {
    return this.serial(async () => {
      const account = this.existing(id);
      if (account.status === 'needs_reconnect') throw new RpcError('refused', 'The platform no longer accepts this account’s token: reconnect it with a new one');
      if (account.status === 'paused') {
        this.setStatus(id, 'active', actor, 'account.resumed');
        await this.connect(this.existing(id));
        this.changed();
      }
      return this.details(id);
    });
  }

  /** A new token for the same platform account: checked first, then it replaces the old one and the account runs again. */
  reconnect({ id, token }: CallParsedInput<'accounts.reconnect'>, actor: string): Promise<AccountDetails> {
    return this.serial(async () => {
      const { db, repos } = this.deps;
      const account = this.existing(id);
      const store = await this.deps.secrets.store();
      const { connector, identity } = await this.verified(account, token);
      try {
        if (account.platformAccountId && identity.platformAccountId !== account.platformAccountId) {
          throw new RpcError('refused', `This token belongs to ${identity.displayName}, not to “${account.name}”; add it as a new account instead`);
        }
        await this.disconnect(id);
        await this.keep(() => store.set(id, token), token);
      } catch (error) {
        releaseConnector(connector);
        throw error;
      }
      db.transaction(() => {
        repos.accounts.setIdentity(id, { platformAccountId: identity.platformAccountId, name: identity.displayName, handle: account.handle });
        repos.accounts.setStatus(id, 'active');
        this.audit(actor, 'account.reconnected', id, { was: account.status });
      })();
      this.run(id, connector);
      this.changed();
      return this.details(id);
    });
  }

  /**
   * Deletes the account with everything it holds on this computer: its conversations, messages
   * and unsent replies go with the row (ON DELETE CASCADE). They stay on the platform; adding the
   * account again syncs what the platform still offers. The audit log keeps what was discarded.
   */
  remove(id: string, actor: string): Promise<Record<string, never>> {
    return this.serial(async () => {
      const { db, repos, events, log } = this.deps;
      const account = this.existing(id);
      await this.disconnect(id);
      db.transaction(() => {
        const { conversations, queued } = repos.accounts.details(account);
        repos.accounts.delete(id);
        this.audit(actor, 'account.removed', id, { platform: account.platform, name: account.name, conversations, queued });
      })();
      const store = await this.deps.secrets.storeIfAny();
      try {
        await store?.delete(id);
      } catch (error) {
        log(`accounts: the token of removed account ${id} stays in the keychain until the next start: ${safeReason(error)}`);
      }
      this.changed();
      events.emit('inbox.changed', { conversationIds: [] });
      return {};
    });
  }

  /**
   * The platform refused the account's token while syncing or sending. It stops at once (the
   * outbox leaves its rows alone from here on) and waits for a new token; nothing queued is lost.
   * A refusal of a connector the account no longer uses (a send begun before a pause or a
   * reconnect) says nothing about the token it has now, and is let go.
   */
  needsReconnect(id: string, reason: string, from?: Connector): void {
    if (from !== undefined && this.connectors.get(id) !== from) return;
    const account = this.deps.repos.accounts.get(id);
    if (!account || account.status === 'needs_reconnect') return;
    this.setStatus(id, 'needs_reconnect', 'system', 'account.needs_reconnect', { reason });
    this.deps.log(`accounts: ${id} needs a new token: ${reason}`);
    this.changed();
    // A reconnect queued meanwhile may have made it active again with a new connector: that one stays.
    void this.serial(async () => {
      if (this.deps.repos.accounts.get(id)?.status !== 'active') await this.disconnect(id);
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async connect(account: Account): Promise<void> {
    if (this.abort.signal.aborted || this.connectors.has(account.id)) return;
    const token = await this.tokenOf(account);
    if (token === MISSING) {
      this.needsReconnect(account.id, 'No token is stored for this account');
      return;
    }
    let connector: Connector | undefined;
    try {
      connector = this.deps.connectorFactory(account, token);
    } catch (error) {
      this.deps.log(`accounts: ${account.id} cannot connect: ${safeReason(error, token ?? undefined)}`);
      return;
    }
    if (connector) this.run(account.id, connector);
  }

  private run(id: string, connector: Connector): void {
    this.connectors.set(id, connector);
    this.deps.scheduler.startAccount(id, connector);
    this.deps.outbox.kick();
  }

  private async disconnect(id: string): Promise<void> {
    await this.deps.scheduler.stopAccount(id);
    const connector = this.connectors.get(id);
    this.connectors.delete(id);
    if (connector) releaseConnector(connector);
  }

  /** The account's token; null where its platform needs none or the keychain cannot be asked (the factory then decides). */
  private async tokenOf(account: Account): Promise<string | null | typeof MISSING> {
    if (!needsToken(account.platform)) return null;
    const store = await this.deps.secrets.storeIfAny();
    if (!store) return null;
    try {
      return (await store.get(account.id)) ?? MISSING;
    } catch (error) {
      this.deps.log(`accounts: the token of ${account.id} could not be read: ${safeReason(error)}`);
      return null;
    }
  }

  /** A connector for the account with this token, and who the platform says the token belongs to. */
  private async verified(account: Account, token: string): Promise<{ connector: Connector; identity: AccountIdentity }> {
    let connector: Connector | undefined;
    try {
      connector = this.deps.connectorFactory(account, token);
    } catch (error) {
      throw new RpcError('invalid_input', safeReason(error, token));
    }
    if (!connector) throw new RpcError('refused', `This version cannot connect ${account.platform} accounts`);
    try {
      return { connector, identity: await connector.verify(this.abort.signal) };
    } catch (error) {
      releaseConnector(connector);
      const reason = safeReason(error, token);
      if (error instanceof PlatformError && (error.kind === 'unauthorized' || error.kind === 'refused')) throw new RpcError('refused', reason);
      // Still a refusal to the screen ('unavailable' reads as the engine being gone), in words that say to try again.
      throw new RpcError('refused', `The platform could not be asked about this token, so nothing was saved; try again: ${reason}`);
    }
  }

  /** Runs a keychain write; its failure is the caller's to see, in words without the token. */
  private async keep(write: () => Promise<void>, token: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      throw new RpcError(error instanceof SecretStoreError && error.code === 'invalid' ? 'invalid_input' : 'refused', safeReason(error, token));
    }
  }

  private async sweepOrphans(): Promise<void> {
    const store = await this.deps.secrets.storeIfAny();
    if (!store) return;
    try {
      const known = new Set(this.deps.repos.accounts.list().map((account) => account.id));
      const orphans = (await store.list()).filter((key) => !known.has(key));
      for (const key of orphans) await store.delete(key);
      if (orphans.length > 0) this.deps.log(`accounts: deleted ${orphans.length} token(s) no account uses (left by an interrupted add or remove)`);
    } catch (error) {
      this.deps.log(`accounts: could not look for unused tokens in the keychain: ${safeReason(error)}`);
    }
  }

  private existing(id: string): Account {
    const account = this.deps.repos.accounts.get(id);
    if (!account) throw new RpcError('not_found', 'No such account');
    return account;
  }

  private details(id: string): AccountDetails {
    return this.deps.repos.accounts.details(this.existing(id));
  }

  private setStatus(id: string, status: AccountStatus, actor: string, action: string, data: Record<string, unknown> = {}): void {
    this.deps.db.transaction(() => {
      this.deps.repos.accounts.setStatus(id, status);
      this.audit(actor, action, id, data);
    })();
  }

  private audit(actor: string, action: string, entityId: string, data: Record<string, unknown>): void {
    this.deps.repos.audit.record({ at: this.deps.now(), actor, action, entity: 'account', entityId, data });
  }

  private changed(): void {
    this.deps.events.emit('accounts.changed', {});
  }
}
