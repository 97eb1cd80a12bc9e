import type { ConversationSummary, View } from '../../../../shared/domain';
import type { Db } from '../open';

interface SummaryRow {
  id: string;
  accountId: string;
  platform: ConversationSummary['platform'];
  kind: ConversationSummary['kind'];
  status: ConversationSummary['status'];
  contactName: string;
  contactHandle: string;
  title: string;
  preview: string;
  lastMessageAt: number;
  rating: number | null;
  lang: ConversationSummary['lang'];
  hasDraft: 0 | 1;
}

const SUMMARY_COLUMNS = `
  c.id, c.account_id AS accountId, a.platform, c.kind, c.status,
  coalesce(ct.name, '') AS contactName, coalesce(ct.handle, '') AS contactHandle,
  c.title, c.preview, c.last_message_at AS lastMessageAt, c.rating, c.lang,
  EXISTS (SELECT 1 FROM drafts d WHERE d.conversation_id = c.id) AS hasDraft
  FROM conversations c
  JOIN accounts a ON a.id = c.account_id
  LEFT JOIN contacts ct ON ct.id = c.contact_id`;

export interface ReplyTarget {
  accountId: string;
  platformId: string;
  kind: ConversationSummary['kind'];
}

/** Which conversation status each single-status view shows; `all` has no filter. */
const VIEW_STATUS: Record<Exclude<View, 'all'>, ConversationSummary['status']> = {
  needs_reply: 'open',
  pending: 'pending',
  snoozed: 'snoozed',
  closed: 'closed',
};

/** Read side of the inbox. Every query walks an index in its ORDER BY, so a page costs the same at 100 or 100,000 rows. */
export class ConversationsRepo {
  private readonly pageByStatus;
  private readonly pageAll;
  private readonly countByStatus;
  private readonly countAll;
  private readonly selectOne;
  private readonly selectTarget;
  private readonly noteOutboundStmt;

  constructor(db: Db) {
    this.pageByStatus = db.prepare<[string, number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} WHERE c.status = ? ORDER BY c.priority DESC, c.last_message_at DESC LIMIT ? OFFSET ?`,
    );
    this.pageAll = db.prepare<[number, number], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ORDER BY c.priority DESC, c.last_message_at DESC LIMIT ? OFFSET ?`);
    this.countByStatus = db.prepare<[string], number>('SELECT count(*) FROM conversations WHERE status = ?').pluck();
    this.countAll = db.prepare<[], number>('SELECT count(*) FROM conversations').pluck();
    this.selectOne = db.prepare<[string], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} WHERE c.id = ?`);
    this.selectTarget = db.prepare<[string], ReplyTarget>(
      'SELECT account_id AS accountId, platform_id AS platformId, kind FROM conversations WHERE id = ?',
    );
    this.noteOutboundStmt = db.prepare(
      "UPDATE conversations SET status = 'pending', last_message_at = max(last_message_at, ?), preview = ?, updated_at = ? WHERE id = ?",
    );
  }

  page(view: View, offset: number, limit: number): { total: number; items: ConversationSummary[] } {
    if (view === 'all') return { total: this.countAll.get()!, items: this.pageAll.all(limit, offset).map(toSummary) };
    const status = VIEW_STATUS[view];
    return { total: this.countByStatus.get(status)!, items: this.pageByStatus.all(status, limit, offset).map(toSummary) };
  }

  /** Where a reply to this conversation goes. */
  target(id: string): ReplyTarget | undefined {
    return this.selectTarget.get(id);
  }

  /** We answered: the conversation waits on the customer now. */
  noteOutbound(id: string, at: number, preview: string): void {
    this.noteOutboundStmt.run(at, preview, at, id);
  }

  get(id: string): ConversationSummary | undefined {
    const row = this.selectOne.get(id);
    return row && toSummary(row);
  }
}

function toSummary(row: SummaryRow): ConversationSummary {
  return { ...row, hasDraft: row.hasDraft === 1 };
}
