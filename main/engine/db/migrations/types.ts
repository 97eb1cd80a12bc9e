import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … in order, never reused; the database's `user_version` is the last one applied. */
  readonly version: number;
  readonly name: string;
  /** Runs inside the migration's transaction; must not commit or open its own. */
  readonly up: (db: Database) => void;
}
