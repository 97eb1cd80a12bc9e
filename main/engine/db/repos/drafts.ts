import type { Db } from '../open';

export interface Draft {
  body: string;
  updatedAt: number;
}

/**
 * The composer's unsent text, one per conversation. Writes report whether the
 * conversation gained or lost its draft, because only that flip changes the
 * inbox (its "draft" marker); a keystroke alone does not.
 */
export class DraftsRepo {
  private readonly selectOne;
  private readonly upsert;
  private readonly deleteStmt;

  constructor(private readonly db: Db) {
    this.selectOne = db.prepare<[string], Draft>('SELECT body, updated_at AS updatedAt FROM drafts WHERE conversation_id = ?');
    this.upsert = db.prepare<[string, string, number]>(
      `INSERT INTO drafts (conversation_id, body, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM drafts WHERE conversation_id = ?');
  }

  get(conversationId: string): Draft | undefined {
    return this.selectOne.get(conversationId);
  }

  /** True when the conversation had no draft before. */
  save(conversationId: string, body: string, at: number): boolean {
    return this.db.transaction(() => {
      const created = this.selectOne.get(conversationId) === undefined;
      this.upsert.run(conversationId, body, at);
      return created;
    })();
  }

  /** True when there was a draft to delete. */
  delete(conversationId: string): boolean {
    return this.deleteStmt.run(conversationId).changes === 1;
  }
}
