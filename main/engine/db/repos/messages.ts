import type { ConversationKind, Message, OutboundState, Platform, Visibility } from '../../../../shared/domain';
import type { Db } from '../open';

interface MessageRow {
  id: string;
  conversationId: string;
  direction: Message['direction'];
  visibility: Visibility;
  authorName: string;
  body: string;
  createdAt: number;
  state: OutboundState | null;
  error: string | null;
  clientId: string | null;
  sendAt: number | null;
  hidden: 0 | 1;
  hideState: 'pending' | 'failed' | null;
  hideError: string | null;
}

/** The rowid of message `alias`'s newest hide/unhide row, which alone says whether the platform has the agent's wish yet. */
const newestHiding = (alias: string) => `(SELECT max(rowid) FROM outbox WHERE message_id = ${alias}.id AND action IN ('hide', 'unhide'))`;

// sendAt: a reply the outbox has not tried yet can still be undone until its first attempt, so the screen counts down to it.
// h: the message's newest hide/unhide row.
const COLUMNS = `m.id, m.conversation_id AS conversationId, m.direction, m.visibility, m.author_name AS authorName, m.body,
  m.created_at AS createdAt, m.state, m.error, m.client_id AS clientId, o.not_before AS sendAt, m.hidden,
  CASE h.state WHEN 'pending' THEN 'pending' WHEN 'sending' THEN 'pending' WHEN 'failed' THEN 'failed' END AS hideState,
  CASE h.state WHEN 'failed' THEN h.last_error END AS hideError`;
const FROM = `FROM messages m
  LEFT JOIN outbox o ON o.message_id = m.id AND o.action = 'reply' AND o.state = 'pending' AND o.attempts = 0
  LEFT JOIN outbox h ON h.rowid = ${newestHiding('m')}`;

export interface HideTarget {
  id: string;
  conversationId: string;
  direction: Message['direction'];
  /** Null for an outbound message not published yet. */
  platformId: string | null;
  threadPlatformId: string;
  kind: ConversationKind;
  accountId: string;
  platform: Platform;
}

function toMessage({ hidden, ...row }: MessageRow): Message {
  return { ...row, hidden: hidden === 1 };
}

/** A stored message read again from its platform, with the hidden state the platform reports for it. */
export interface PlatformHidden {
  conversationId: string;
  platformId: string;
  hidden: boolean;
}

export interface NewOutbound {
  id: string;
  conversationId: string;
  clientId: string;
  visibility: Visibility;
  authorName: string;
  body: string;
  createdAt: number;
}

export class MessagesRepo {
  private readonly selectByConversation;
  private readonly selectOne;
  private readonly selectByClientId;
  private readonly insertOutbound;
  private readonly updateState;
  private readonly markSentStmt;
  private readonly deleteStmt;
  private readonly setHiddenStmt;
  private readonly selectHideTarget;
  private readonly adoptPlatformHiddenStmt;

  constructor(db: Db) {
    this.selectByConversation = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} ${FROM} WHERE m.conversation_id = ? ORDER BY m.created_at, m.seq`);
    this.selectOne = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} ${FROM} WHERE m.id = ?`);
    this.selectByClientId = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} ${FROM} WHERE m.client_id = ?`);
    this.insertOutbound = db.prepare(
      `INSERT INTO messages (id, conversation_id, client_id, direction, visibility, author_name, body, state, created_at)
       VALUES (@id, @conversationId, @clientId, 'out', @visibility, @authorName, @body, 'queued', @createdAt)`,
    );
    this.updateState = db.prepare('UPDATE messages SET state = ?, error = ? WHERE id = ?');
    this.markSentStmt = db.prepare("UPDATE messages SET state = 'sent', error = NULL, platform_id = ?, sent_at = ? WHERE id = ?");
    this.deleteStmt = db.prepare('DELETE FROM messages WHERE id = ?');
    this.setHiddenStmt = db.prepare<[number, string]>('UPDATE messages SET hidden = ? WHERE id = ?');
    this.selectHideTarget = db.prepare<[string], HideTarget>(
      `SELECT m.id, m.conversation_id AS conversationId, m.direction, m.platform_id AS platformId, c.platform_id AS threadPlatformId,
         c.kind, c.account_id AS accountId, a.platform
       FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN accounts a ON a.id = c.account_id WHERE m.id = ?`,
    );
    // One statement per page, as ingest inserts. A wish of the agent still carried (pending, sending) or refused
    // (failed) is what the message shows (hideState), so the platform's older state must not replace it. Only the
    // newest row counts: an older refusal stays 'failed' after a newer wish landed, and must not pin the message.
    // A wish settled after the read began may have landed after the platform answered it: that answer is stale.
    this.adoptPlatformHiddenStmt = db
      .prepare<{ states: string; readAt: number }, string>(
        `UPDATE messages AS m SET hidden = r.value ->> '$.hidden'
         FROM json_each(@states) AS r
         WHERE m.conversation_id = r.value ->> '$.conversationId' AND m.platform_id = r.value ->> '$.platformId'
           AND m.direction = 'in' AND m.hidden <> r.value ->> '$.hidden'
           AND NOT EXISTS (SELECT 1 FROM outbox h WHERE h.rowid = ${newestHiding('m')}
                             AND (h.state IN ('pending', 'sending', 'failed') OR h.updated_at >= @readAt))
         RETURNING conversation_id`,
      )
      .pluck();
  }

  /**
   * Takes the platform's own hidden state, read from `readAt` on, for customers' messages already
   * stored (hidden by another moderator in the platform's own app, or shown again there), unless
   * the agent's own wish for the message is still on its way, was refused, or settled after the
   * read began. Returns the conversations changed.
   */
  adoptPlatformHidden(states: readonly PlatformHidden[], readAt: number): string[] {
    if (states.length === 0) return [];
    // A message read twice in one batch: the later read wins (an UPDATE … FROM with two matches would pick either).
    const latest = new Map<string, { conversationId: string; platformId: string; hidden: 0 | 1 }>();
    for (const { conversationId, platformId, hidden } of states) latest.set(`${conversationId}\u0000${platformId}`, { conversationId, platformId, hidden: hidden ? 1 : 0 });
    return [...new Set(this.adoptPlatformHiddenStmt.all({ states: JSON.stringify([...latest.values()]), readAt }))];
  }

  /** What hiding a message needs to know about it: where it lives on the platform. */
  hideTarget(id: string): HideTarget | undefined {
    return this.selectHideTarget.get(id);
  }

  setHidden(id: string, hidden: boolean): void {
    this.setHiddenStmt.run(hidden ? 1 : 0, id);
  }

  listByConversation(conversationId: string): Message[] {
    return this.selectByConversation.all(conversationId).map(toMessage);
  }

  get(id: string): Message | undefined {
    const row = this.selectOne.get(id);
    return row && toMessage(row);
  }

  getByClientId(clientId: string): Message | undefined {
    const row = this.selectByClientId.get(clientId);
    return row && toMessage(row);
  }

  addOutbound(message: NewOutbound): void {
    this.insertOutbound.run(message);
  }

  setState(id: string, state: OutboundState, error: string | null = null): void {
    this.updateState.run(state, error, id);
  }

  markSent(id: string, platformId: string, sentAt: number): void {
    this.markSentStmt.run(platformId, sentAt, id);
  }

  /** Removes a message as if it had never been written (its outbox row goes with it). */
  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
