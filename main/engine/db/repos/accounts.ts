import type { AccountSummary, Platform } from '../../../../shared/domain';
import type { Db } from '../open';

interface AccountRow {
  id: string;
  platform: Platform;
  name: string;
  handle: string;
  status: AccountSummary['status'];
  config: string;
}

export interface Account extends AccountSummary {
  /** Non-secret connection settings; shape is the platform connector's business. */
  config: Record<string, unknown>;
}

export class AccountsRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly insertOne;
  private readonly updateConfigOne;

  constructor(db: Db) {
    this.selectAll = db.prepare<[], AccountRow>('SELECT id, platform, name, handle, status, config FROM accounts ORDER BY created_at, id');
    this.selectOne = db.prepare<[string], AccountRow>('SELECT id, platform, name, handle, status, config FROM accounts WHERE id = ?');
    this.insertOne = db.prepare(
      'INSERT INTO accounts (id, platform, name, handle, status, config, created_at) VALUES (@id, @platform, @name, @handle, @status, @config, @createdAt)',
    );
    this.updateConfigOne = db.prepare('UPDATE accounts SET config = ?, name = ?, handle = ? WHERE id = ?');
  }

  list(): Account[] {
    return this.selectAll.all().map(toAccount);
  }

  get(id: string): Account | undefined {
    const row = this.selectOne.get(id);
    return row && toAccount(row);
  }

  insert(account: Account, createdAt: number): void {
    this.insertOne.run({ ...account, config: JSON.stringify(account.config), createdAt });
  }

  updateProfile(id: string, profile: { name: string; handle: string; config: Record<string, unknown> }): void {
    this.updateConfigOne.run(JSON.stringify(profile.config), profile.name, profile.handle, id);
  }
}

function toAccount(row: AccountRow): Account {
  return { id: row.id, platform: row.platform, name: row.name, handle: row.handle, status: row.status, config: JSON.parse(row.config) as Record<string, unknown> };
}
