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
}

const COLUMNS = `id, conversation_id AS conversationId, direction, visibility, author_name AS authorName, body,
  created_at AS createdAt, state, error, client_id AS clientId`;

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

  constructor(db: Db) {
    this.selectByConversation = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY created_at, seq`);
    this.selectOne = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`);
    this.selectByClientId = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE client_id = ?`);
    this.insertOutbound = db.prepare(
      `INSERT INTO messages (id, conversation_id, client_id, direction, visibility, author_name, body, state, created_at)
       VALUES (@id, @conversationId, @clientId, 'out', @visibility, @authorName, @body, 'queued', @createdAt)`,
    );
    this.updateState = db.prepare('UPDATE messages SET state = ?, error = ? WHERE id = ?');
    this.markSentStmt = db.prepare("UPDATE messages SET state = 'sent', error = NULL, platform_id = ?, sent_at = ? WHERE id = ?");
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
}
