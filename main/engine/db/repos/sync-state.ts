import type { StreamHealth } from '../../../../shared/domain';
import type { Db } from '../open';

export interface SyncState {
  cursor: string | null;
  failures: number;
  /** Next attempt not before this time; stored so a restart does not hammer a platform that asked us to wait. */
  backoffUntil: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
}

const EMPTY: SyncState = { cursor: null, failures: 0, backoffUntil: null, lastSuccessAt: null, lastError: null };

export class SyncStateRepo {
  private readonly selectOne;
  private readonly upsert;
  private readonly selectHealth;

  constructor(db: Db) {
    this.selectHealth = db.prepare<[], Omit<StreamHealth, 'positioned'> & { positioned: number }>(
      `SELECT s.account_id AS accountId, a.name AS accountName, a.platform, s.stream, s.cursor IS NOT NULL AS positioned, s.failures,
         s.backoff_until AS backoffUntil, s.last_success_at AS lastSuccessAt, s.last_error AS lastError
       FROM sync_state s JOIN accounts a ON a.id = s.account_id
       ORDER BY a.created_at, a.id, s.stream`,
    );
    this.selectOne = db.prepare<[string, string], SyncState>(
      `SELECT cursor, failures, backoff_until AS backoffUntil, last_success_at AS lastSuccessAt, last_error AS lastError
       FROM sync_state WHERE account_id = ? AND stream = ?`,
    );
    this.upsert = db.prepare(
      `INSERT INTO sync_state (account_id, stream, cursor, failures, backoff_until, last_success_at, last_error)
       VALUES (@accountId, @stream, @cursor, @failures, @backoffUntil, @lastSuccessAt, @lastError)
       ON CONFLICT (account_id, stream) DO UPDATE SET cursor = excluded.cursor, failures = excluded.failures,
         backoff_until = excluded.backoff_until, last_success_at = excluded.last_success_at, last_error = excluded.last_error`,
    );
  }

  /** Every stream that has been read or tried, by account. */
  health(): StreamHealth[] {
    return this.selectHealth.all().map((row) => ({ ...row, positioned: row.positioned === 1 }));
  }

  get(accountId: string, stream: string): SyncState {
    return this.selectOne.get(accountId, stream) ?? EMPTY;
  }

  save(accountId: string, stream: string, state: SyncState): void {
    this.upsert.run({ accountId, stream, ...state });
  }
}
