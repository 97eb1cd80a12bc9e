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

  constructor(db: Db) {
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

  get(accountId: string, stream: string): SyncState {
    return this.selectOne.get(accountId, stream) ?? EMPTY;
  }

  save(accountId: string, stream: string, state: SyncState): void {
    this.upsert.run({ accountId, stream, ...state });
  }
}
