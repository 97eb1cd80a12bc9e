import type { AccountDetails, AccountStatus, AccountSummary, Platform } from '../../../../shared/domain';
import type { Db } from '../open';

/**
 * The schema's CHECK (migration 001) names the reconnect state 'error'. Rebuilding the table to
 * rename it would mean dropping a parent of every other table, whose cascades would empty them,
 * so the name is translated here, the only place that reads or writes the column.
 */
type StoredStatus = 'active' | 'paused' | 'error';
const STORED: Record<AccountStatus, StoredStatus> = { active: 'active', paused: 'paused', needs_reconnect: 'error' };
const FROM_STORED: Record<StoredStatus, AccountStatus> = { active: 'active', paused: 'paused', error: 'needs_reconnect' };

interface AccountRow {
  id: string;
  platform: Platform;
  name: string;
  handle: string;
  status: StoredStatus;
  config: string;
  platformAccountId: string | null;
}

export interface Account extends AccountSummary {
  /** Non-secret connection settings; shape is the platform connector's business. */
  config: Record<string, unknown>;
  /** Who the account is on its platform (the bot's or page's id); null where it was never recorded. */
  platformAccountId?: string | null;
}

/** What the accounts screen adds to an account: its sync state and what it holds locally. */
type ActivityRow = Pick<AccountDetails, 'lastSyncAt' | 'lastError' | 'conversations' | 'queued'>;

const COLUMNS = 'id, platform, name, handle, status, config, platform_account_id AS platformAccountId';

export class AccountsRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByIdentity;
  private readonly insertOne;
  private readonly updateConfigOne;
  private readonly updateStatusOne;
  private readonly updateIdentityOne;
  private readonly deleteOne;
  private readonly selectActivity;

  constructor(db: Db) {
    this.selectAll = db.prepare<[], AccountRow>(`SELECT ${COLUMNS} FROM accounts ORDER BY created_at, id`);
    this.selectOne = db.prepare<[string], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`);
    this.selectByIdentity = db.prepare<[string, string], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE platform = ? AND platform_account_id = ?`);
    this.insertOne = db.prepare(
      `INSERT INTO accounts (id, platform, name, handle, status, config, platform_account_id, created_at)
       VALUES (@id, @platform, @name, @handle, @status, @config, @platformAccountId, @createdAt)`,
    );
    this.updateConfigOne = db.prepare('UPDATE accounts SET config = ?, name = ?, handle = ? WHERE id = ?');
    this.updateStatusOne = db.prepare('UPDATE accounts SET status = ? WHERE id = ?');
    this.updateIdentityOne = db.prepare('UPDATE accounts SET platform_account_id = ?, name = ?, handle = ? WHERE id = ?');
    this.deleteOne = db.prepare('DELETE FROM accounts WHERE id = ?');
    // The latest error of any stream: the one the agent most needs to read.
    this.selectActivity = db.prepare<{ id: string }, ActivityRow>(
      `SELECT
         (SELECT max(last_success_at) FROM sync_state WHERE account_id = @id) AS lastSyncAt,
         (SELECT last_error FROM sync_state WHERE account_id = @id AND last_error IS NOT NULL ORDER BY coalesce(backoff_until, last_success_at) DESC LIMIT 1) AS lastError,
         (SELECT count(*) FROM conversations WHERE account_id = @id) AS conversations,
         (SELECT count(*) FROM outbox WHERE account_id = @id AND state IN ('pending', 'sending', 'failed')) AS queued`,
    );
  }

  list(): Account[] {
    return this.selectAll.all().map(toAccount);
  }

  get(id: string): Account | undefined {
    const row = this.selectOne.get(id);
    return row && toAccount(row);
  }

  /** The account already connected to this bot or page, if any. */
  byIdentity(platform: Platform, platformAccountId: string): Account | undefined {
    const row = this.selectByIdentity.get(platform, platformAccountId);
    return row && toAccount(row);
  }

  insert(account: Account, createdAt: number): void {
    this.insertOne.run({ ...account, status: STORED[account.status], config: JSON.stringify(account.config), platformAccountId: account.platformAccountId ?? null, createdAt });
  }

  updateProfile(id: string, profile: { name: string; handle: string; config: Record<string, unknown> }): void {
    this.updateConfigOne.run(JSON.stringify(profile.config), profile.name, profile.handle, id);
  }

  /** True when the account exists. */
  setStatus(id: string, status: AccountStatus): boolean {
    return this.updateStatusOne.run(STORED[status], id).changes === 1;
  }

  setIdentity(id: string, identity: { platformAccountId: string; name: string; handle: string }): void {
    this.updateIdentityOne.run(identity.platformAccountId, identity.name, identity.handle, id);
  }

  /** Deletes the account; its contacts, conversations, messages, outbox rows and sync state go with it (ON DELETE CASCADE). */
  delete(id: string): boolean {
    return this.deleteOne.run(id).changes === 1;
  }

  details(account: Account): AccountDetails {
    const { id, platform, name, handle, status } = account;
    return { id, platform, name, handle, status, ...this.selectActivity.get({ id })! };
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    platform: row.platform,
    name: row.name,
    handle: row.handle,
    status: FROM_STORED[row.status],
    config: JSON.parse(row.config) as Record<string, unknown>,
    platformAccountId: row.platformAccountId,
  };
}
