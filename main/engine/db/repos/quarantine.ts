import { QUARANTINE_PREVIEW_CHARS, type QuarantinedItem } from '../../../../shared/domain';
import type { QuarantinedPayload } from '../../platforms/types';
import type { Db } from '../open';

export class QuarantineRepo {
  private readonly insert;
  private readonly countStmt;
  private readonly totalStmt;
  private readonly recentStmt;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO quarantine (account_id, stream, payload, error, received_at) VALUES (?, ?, ?, ?, ?)');
    this.countStmt = db.prepare<[string], number>('SELECT count(*) FROM quarantine WHERE account_id = ?').pluck();
    this.totalStmt = db.prepare<[], number>('SELECT count(*) FROM quarantine').pluck();
    // The preview is cut in SQL: a hostile payload can be megabytes, and only its start is shown.
    this.recentStmt = db.prepare<[number, number], QuarantinedItem>(
      `SELECT q.id, a.name AS accountName, a.platform, q.stream, q.error, substr(q.payload, 1, ?) AS payload,
         length(q.payload) AS payloadLength, q.received_at AS receivedAt
       FROM quarantine q JOIN accounts a ON a.id = q.account_id
       ORDER BY q.id DESC LIMIT ?`,
    );
  }

  add(accountId: string, stream: string, entries: readonly QuarantinedPayload[], at: number): void {
    for (const entry of entries) this.insert.run(accountId, stream, entry.payload, entry.error, at);
  }

  count(accountId: string): number {
    return this.countStmt.get(accountId)!;
  }

  total(): number {
    return this.totalStmt.get()!;
  }

  /** The newest first. */
  recent(limit: number): QuarantinedItem[] {
    return this.recentStmt.all(QUARANTINE_PREVIEW_CHARS, limit);
  }
}
