import type { Db } from '../open';

export interface AuditEntry {
  at: number;
  /** An agent id ("me" until the team hub brings real ones) or "system". */
  actor: string;
  action: string;
  entity: 'conversation' | 'message' | 'account' | 'settings' | 'tag' | 'agent' | 'canned_reply';
  entityId: string;
  data?: Record<string, unknown>;
}

/** The record of every local change: who did what, when. Append-only. */
export class AuditRepo {
  private readonly insert;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, data) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record(entry: AuditEntry): void {
    this.insert.run(entry.at, entry.actor, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.data ?? {}));
  }
}
