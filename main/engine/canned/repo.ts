import type { CannedReply } from '../../../shared/domain';
import type { Db } from '../db/open';

interface Row {
  id: string;
  title: string;
  body: string;
  lang: CannedReply['lang'];
  tags: string;
  shortcut: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A reply with when it was last put into a reply, for ranking. */
export type CannedReplyWithUse = CannedReply & { lastUsedAt: number | null };

export interface CannedUse {
  cannedReplyId: string;
  /** The reply that carried it: taking the reply back (undo) takes the use back. */
  messageId: string;
  conversationId: string | null;
  contactId: string | null;
  /** Sent as inserted, with only its variables filled. */
  unchanged: boolean;
  at: number;
}

const COLUMNS = 'id, title, body, lang, tags, shortcut, created_at AS createdAt, updated_at AS updatedAt';

/** The canned library. Shortcuts are unique without regard to case (the column is COLLATE NOCASE). */
export class CannedRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByShortcut;
  private readonly insertOne;
  private readonly updateOne;
  private readonly deleteOne;
  private readonly insertUse;
  private readonly countCustomers;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], Row & { lastUsedAt: number | null }>(
      `SELECT ${COLUMNS}, (SELECT max(at) FROM canned_uses u WHERE u.canned_reply_id = r.id) AS lastUsedAt
       FROM canned_replies r ORDER BY title COLLATE NOCASE, lang, created_at, id`,
    );
    this.selectOne = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM canned_replies WHERE id = ?`);
    this.selectByShortcut = db.prepare<[string], string>('SELECT id FROM canned_replies WHERE shortcut = ?').pluck();
    this.insertOne = db.prepare(
      'INSERT INTO canned_replies (id, title, body, lang, tags, shortcut, created_at, updated_at) VALUES (@id, @title, @body, @lang, @tags, @shortcut, @createdAt, @updatedAt)',
    );
    this.updateOne = db.prepare('UPDATE canned_replies SET title = @title, body = @body, lang = @lang, tags = @tags, shortcut = @shortcut, updated_at = @updatedAt WHERE id = @id');
    this.deleteOne = db.prepare('DELETE FROM canned_replies WHERE id = ?');
    this.insertUse = db.prepare('INSERT INTO canned_uses (canned_reply_id, message_id, conversation_id, contact_id, unchanged, at) VALUES (?, ?, ?, ?, ?, ?)');
    // A use without a known contact (contact deleted) still counts as someone: COALESCE to the conversation.
    this.countCustomers = db
      .prepare<[string, number, string | null], number>(
        `SELECT count(DISTINCT coalesce(contact_id, 'conversation:' || conversation_id, 'use:' || rowid)) FROM canned_uses
         WHERE canned_reply_id = ? AND at >= ? AND unchanged = 1 AND contact_id IS NOT ?`,
      )
      .pluck();
  }

  /** Every reply, by title; the library is small enough (thousands at most) to rank in memory. */
  list(): CannedReplyWithUse[] {
    return this.selectAll.all().map((row) => ({ ...toReply(row), lastUsedAt: row.lastUsedAt }));
  }

  get(id: string): CannedReply | undefined {
    const row = this.selectOne.get(id);
    return row && toReply(row);
  }

  /** The id of the reply holding this shortcut, in any case. */
  idOfShortcut(shortcut: string): string | undefined {
    return this.selectByShortcut.get(shortcut);
  }

  insert(reply: CannedReply): void {
    this.insertOne.run(toRow(reply));
  }

  /** All or none: an import or the default library is never left half-written. */
  insertAll(replies: readonly CannedReply[]): void {
    this.db.transaction(() => {
      for (const reply of replies) this.insert(reply);
    })();
  }

  update(reply: CannedReply): void {
    this.updateOne.run(toRow(reply));
  }

  delete(id: string): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  /** Called when a reply built from a canned one is sent. */
  recordUse(use: CannedUse): void {
    this.insertUse.run(use.cannedReplyId, use.messageId, use.conversationId, use.contactId, use.unchanged ? 1 : 0, use.at);
  }

  /** Distinct customers who got this reply unchanged since `since`, not counting `exceptContactId`. */
  customersUnchangedSince(cannedReplyId: string, since: number, exceptContactId: string | null): number {
    return this.countCustomers.get(cannedReplyId, since, exceptContactId) ?? 0;
  }
}

function toReply(row: Row): CannedReply {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    lang: row.lang,
    tags: JSON.parse(row.tags) as string[],
    shortcut: row.shortcut,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toRow(reply: CannedReply): Row {
  return { ...reply, tags: JSON.stringify(reply.tags) };
}
