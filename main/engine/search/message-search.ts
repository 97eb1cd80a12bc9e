import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../../shared/domain';
import type { Db } from '../db/open';
import { toFtsQuery } from './fts-query';

/** Full-text search over the whole local history, best matches first, with the match marked in a snippet. */
export class MessageSearch {
  private readonly query;

  constructor(db: Db) {
    this.query = db.prepare<{ match: string; limit: number; start: string; end: string }, SearchHit>(
      `SELECT m.id AS messageId, m.conversation_id AS conversationId, coalesce(ct.name, '') AS contactName,
         snippet(messages_fts, 0, @start, @end, '…', 16) AS snippet, m.created_at AS createdAt
       FROM messages_fts
       JOIN messages m ON m.seq = messages_fts.rowid
       JOIN conversations c ON c.id = m.conversation_id
       LEFT JOIN contacts ct ON ct.id = c.contact_id
       WHERE messages_fts MATCH @match
       ORDER BY rank
       LIMIT @limit`,
    );
  }

  search(input: string, limit: number): SearchHit[] {
    const match = toFtsQuery(input);
    if (match === null) return [];
    return this.query.all({ match, limit, start: HIGHLIGHT_START, end: HIGHLIGHT_END });
  }
}
