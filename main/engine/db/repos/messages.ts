import type { Message, OutboundState, Visibility } from '../../../../shared/domain';
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
}

// sendAt: a reply the outbox has not tried yet can still be undone until its first attempt, so the screen counts down to it.
const COLUMNS = `m.id, m.conversation_id AS conversationId, m.direction, m.visibility, m.author_name AS authorName, m.body,
  m.created_at AS createdAt, m.state, m.error, m.client_id AS clientId, o.not_before AS sendAt`;
const FROM = `FROM messages m LEFT JOIN outbox o ON o.message_id = m.id AND o.state = 'pending' AND o.attempts = 0`;

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
  }

  listByConversation(conversationId: string): Message[] {
    return this.selectByConversation.all(conversationId);
  }

  get(id: string): Message | undefined {
    return this.selectOne.get(id);
  }

  getByClientId(clientId: string): Message | undefined {
    return this.selectByClientId.get(clientId);
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
