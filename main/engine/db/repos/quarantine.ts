import type { QuarantinedPayload } from '../../platforms/types';
import type { Db } from '../open';

export class QuarantineRepo {
  private readonly insert;
  private readonly countStmt;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO quarantine (account_id, stream, payload, error, received_at) VALUES (?, ?, ?, ?, ?)');
    this.countStmt = db.prepare<[string], number>('SELECT count(*) FROM quarantine WHERE account_id = ?').pluck();
  }

  add(accountId: string, stream: string, entries: readonly QuarantinedPayload[], at: number): void {
    for (const entry of entries) this.insert.run(accountId, stream, entry.payload, entry.error, at);
  }

  count(accountId: string): number {
    return this.countStmt.get(accountId)!;
  }
}
