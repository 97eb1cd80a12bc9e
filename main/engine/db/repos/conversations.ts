import { ME, VIEWS, type ConversationSummary, type InboxFilter, type InboxSort, type View, type ViewCounts } from '../../../../shared/domain';
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
  sentiment: ConversationSummary['sentiment'];
  sentimentScore: number | null;
  slaDueAt: number | null;
  snoozedUntil: number | null;
  assigneeId: string | null;
  tagIds: string;
}

const SUMMARY_COLUMNS = `
  c.id, c.account_id AS accountId, a.platform, c.kind, c.status,
  coalesce(ct.name, '') AS contactName, coalesce(ct.handle, '') AS contactHandle,
  c.title, c.preview, c.last_message_at AS lastMessageAt, c.rating, c.lang,
  EXISTS (SELECT 1 FROM drafts d WHERE d.conversation_id = c.id) AS hasDraft,
  c.sentiment_label AS sentiment, c.sentiment AS sentimentScore, c.sla_due_at AS slaDueAt,
  c.snoozed_until AS snoozedUntil, c.assignee AS assigneeId,
  (SELECT coalesce(json_group_array(tag_id), '[]') FROM conversation_tags t WHERE t.conversation_id = c.id) AS tagIds`;

const FROM = `
  FROM conversations c
  JOIN accounts a ON a.id = c.account_id
  LEFT JOIN contacts ct ON ct.id = c.contact_id`;

/** Counting and paging touch the account only to filter by platform, so the rest walk a conversations index alone. */
function narrowFrom(filter: InboxFilter): string {
  return filter.platform === undefined ? 'FROM conversations c' : 'FROM conversations c JOIN accounts a ON a.id = c.account_id';
}

export interface ReplyTarget {
  accountId: string;
  platformId: string;
  kind: ConversationSummary['kind'];
  contactId: string | null;
}

/** What triage reads and writes of one conversation. */
export interface TriageState {
  id: string;
  accountId: string;
  kind: ConversationSummary['kind'];
  status: ConversationSummary['status'];
  snoozedUntil: number | null;
  assigneeId: string | null;
  waitingSince: number | null;
  slaDueAt: number | null;
  lastInboundAt: number | null;
  sentimentLabel: ConversationSummary['sentiment'];
  sentimentScore: number | null;
}

/**
 * Each view as a fixed SQL condition. `mine` is what is assigned to me and
 * not done; the others are one status each (needs_reply = open).
 */
const VIEW_WHERE: Record<View, string> = {
  needs_reply: "c.status = 'open'",
  mine: `c.assignee = '${ME}' AND c.status <> 'closed'`,
  pending: "c.status = 'pending'",
  snoozed: "c.status = 'snoozed'",
  closed: "c.status = 'closed'",
  all: '1',
};

/**
 * Sort orders, written to match the indexes of migration 003 term for term,
 * so a page is a walk down an index, whatever the view's size. Priority is
 * the stored, time-independent part (sentiment), then the SLA clock (due
 * first; items with no clock after), then how long the customer has waited.
 */
const ORDER_BY: Record<InboxSort, string> = {
  priority: 'c.priority DESC, c.sla_due_at IS NULL, c.sla_due_at, c.waiting_since, c.last_message_at DESC',
  sla: 'c.sla_due_at IS NULL, c.sla_due_at, c.last_message_at DESC',
  newest: 'c.last_message_at DESC',
  oldest: 'c.last_message_at',
};

/** Filter fields as fixed conditions over named parameters; the values are always bound, never spliced. */
const FILTER_WHERE: Record<keyof InboxFilter, string> = {
  accountId: 'c.account_id = @accountId',
  platform: 'a.platform = @platform',
  kind: 'c.kind = @kind',
  tagId: 'c.id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id = @tagId)',
  lang: 'c.lang = @lang',
  sentiment: 'c.sentiment_label = @sentiment',
};

function filterClause(filter: InboxFilter): string {
  const keys = (Object.keys(FILTER_WHERE) as (keyof InboxFilter)[]).filter((key) => filter[key] !== undefined);
  return keys.length === 0 ? '1' : keys.map((key) => FILTER_WHERE[key]).join(' AND ');
}

/** Read side of the inbox, and the triage fields a conversation carries. */
export class ConversationsRepo {
  /** Statements for each (view, sort, filter shape) combination, prepared on first use. */
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();
  private readonly selectOne;
  private readonly selectTarget;
  private readonly selectTriage;
  private readonly noteOutboundStmt;
  private readonly reprioritizeStmt;
  private readonly selectWaiting;
  private readonly setDueStmt;
  private readonly selectAfterWithdrawal;
  private readonly restoreStmt;

  constructor(private readonly db: Db) {
    this.selectOne = db.prepare<[string], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE c.id = ?`);
    this.selectTarget = db.prepare<[string], ReplyTarget>(
      'SELECT account_id AS accountId, platform_id AS platformId, kind, contact_id AS contactId FROM conversations WHERE id = ?',
    );
    this.selectTriage = db.prepare<[string], TriageState>(
      `SELECT id, account_id AS accountId, kind, status, snoozed_until AS snoozedUntil, assignee AS assigneeId,
         waiting_since AS waitingSince, sla_due_at AS slaDueAt, last_inbound_at AS lastInboundAt,
         sentiment_label AS sentimentLabel, sentiment AS sentimentScore
       FROM conversations WHERE id = ?`,
    );
    // Our answer stops the first-response clock: nothing waits on us until the customer writes again.
    this.noteOutboundStmt = db.prepare(
      `UPDATE conversations SET status = 'pending', snoozed_until = NULL, waiting_since = NULL, sla_due_at = NULL,
         last_message_at = max(last_message_at, ?), preview = ?, updated_at = ? WHERE id = ?`,
    );
    // Same formula as TriagePolicy.storedPriority, applied to every row at once.
    this.reprioritizeStmt = db.prepare(
      `UPDATE conversations SET priority =
         CASE sentiment_label WHEN 'negative' THEN @negative WHEN 'neutral' THEN @neutral ELSE @positive END
         - max(-1.0, min(1.0, coalesce(sentiment, 0))) * @perScoreUnit`,
    );
    this.selectWaiting = db.prepare<[string], { id: string; kind: ConversationSummary['kind']; waitingSince: number }>(
      'SELECT id, kind, waiting_since AS waitingSince FROM conversations WHERE account_id = ? AND waiting_since IS NOT NULL',
    );
    this.setDueStmt = db.prepare('UPDATE conversations SET sla_due_at = ? WHERE id = ?');
    this.selectAfterWithdrawal = db.prepare<[string], { lastAt: number | null; lastBody: string | null; firstUnanswered: number | null }>(
      `SELECT last.created_at AS lastAt, last.body AS lastBody,
         (SELECT min(m.created_at) FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
            AND m.created_at > coalesce((SELECT max(o.created_at) FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out'), -1)) AS firstUnanswered
       FROM conversations c
       LEFT JOIN messages last ON last.seq = (SELECT seq FROM messages WHERE conversation_id = c.id ORDER BY created_at DESC, seq DESC LIMIT 1)
       WHERE c.id = ?`,
    );
    this.restoreStmt = db.prepare(
      `UPDATE conversations SET status = CASE WHEN @waitingSince IS NOT NULL AND status = 'pending' THEN 'open' ELSE status END,
         waiting_since = CASE WHEN @waitingSince IS NOT NULL AND status IN ('pending', 'open') THEN @waitingSince ELSE waiting_since END,
         sla_due_at = CASE WHEN @waitingSince IS NOT NULL AND status IN ('pending', 'open') THEN @slaDueAt ELSE sla_due_at END,
         last_message_at = coalesce(@lastAt, last_message_at), preview = coalesce(@preview, preview), updated_at = @now
       WHERE id = @id`,
    );
  }

  /**
   * A reply was taken back before it left: the conversation is again as the
   * customer left it — back in Needs reply with its clock from their first
   * unanswered message, and the preview of what is now the last message.
   */
  restoreAfterWithdrawal(id: string, now: number, dueAt: (waitingSince: number) => number, previewOf: (body: string) => string): void {
    const after = this.selectAfterWithdrawal.get(id);
    if (!after) return;
    const waitingSince = after.firstUnanswered;
    this.restoreStmt.run({
      id,
      waitingSince,
      slaDueAt: waitingSince === null ? null : dueAt(waitingSince),
      lastAt: after.lastAt,
      preview: after.lastBody === null ? null : previewOf(after.lastBody),
      now,
    });
  }

  /** New weights: the stored part of every conversation's priority is recomputed in one statement. */
  reprioritize(sentimentPoints: { negative: number; neutral: number; positive: number; perScoreUnit: number }): void {
    this.reprioritizeStmt.run(sentimentPoints);
  }

  /** The conversations of an account whose first-response clock is running. */
  waiting(accountId: string): { id: string; kind: ConversationSummary['kind']; waitingSince: number }[] {
    return this.selectWaiting.all(accountId);
  }

  setDue(id: string, slaDueAt: number): void {
    this.setDueStmt.run(slaDueAt, id);
  }

  page(view: View, offset: number, limit: number, filter: InboxFilter = {}, sort: InboxSort = 'priority'): { total: number; items: ConversationSummary[] } {
    const where = `${VIEW_WHERE[view]} AND ${filterClause(filter)}`;
    const from = narrowFrom(filter);
    const params = { ...filter, limit, offset };
    const total = this.statement(`count:${where}`, `SELECT count(*) ${from} WHERE ${where}`).pluck().get(params) as number;
    // Deferred join: the offset is walked over the index alone (rowid, not id,
    // so the walk never leaves the index), and only the page's rows pay for
    // contacts, drafts and tags. A page deep in a long
    // view (the agent pressing End) costs about what the first page does.
    const rows = this.statement(
      `page:${where}:${sort}`,
      // CROSS JOIN keeps SQLite from driving the outer query by the sort index instead of by the page.
      `SELECT ${SUMMARY_COLUMNS}
       FROM (SELECT c.rowid AS pageRow ${from} WHERE ${where} ORDER BY ${ORDER_BY[sort]} LIMIT @limit OFFSET @offset)
       CROSS JOIN conversations c ON c.rowid = pageRow
       JOIN accounts a ON a.id = c.account_id
       LEFT JOIN contacts ct ON ct.id = c.contact_id
       ORDER BY ${ORDER_BY[sort]}`,
    ).all(params) as SummaryRow[];
    return { total, items: rows.map(toSummary) };
  }

  /** Every view's size under `filter`, and how many of each are past their first-response target at `now`. */
  counts(filter: InboxFilter, now: number): ViewCounts {
    // Three narrow queries rather than one pass with sums: each is answered
    // from an index alone (status; status + due time; the assignee index),
    // where one pass would read every row of the table.
    const where = filterClause(filter);
    const from = narrowFrom(filter);
    const params = { ...filter, now };
    const byStatus = this.statement(`counts:${where}`, `SELECT c.status, count(*) AS n ${from} WHERE ${where} GROUP BY c.status`).all(params) as {
      status: ConversationSummary['status'];
      n: number;
    }[];
    // Only an open item can breach: a snoozed or answered one is not waiting on the agent now.
    const overdueOpen = this.statement(
      `overdue:${where}`,
      `SELECT count(*) ${from} WHERE c.status = 'open' AND (c.sla_due_at IS NULL) = 0 AND c.sla_due_at <= @now AND ${where}`,
    )
      .pluck()
      .get(params) as number;
    const mine = this.statement(
      `mine:${where}`,
      `SELECT count(*) AS n, coalesce(sum(c.status = 'open' AND c.sla_due_at <= @now), 0) AS overdue
       ${from} WHERE ${VIEW_WHERE.mine} AND ${where}`,
    ).get(params) as { n: number; overdue: number };

    const total = Object.fromEntries(VIEWS.map((view) => [view, 0])) as Record<View, number>;
    const overdue = { ...total, needs_reply: overdueOpen, all: overdueOpen, mine: mine.overdue };
    const viewOf = { open: 'needs_reply', pending: 'pending', snoozed: 'snoozed', closed: 'closed' } as const;
    for (const row of byStatus) {
      total[viewOf[row.status]] = row.n;
      total.all += row.n;
    }
    total.mine = mine.n;
    return { total, overdue };
  }

  /** Where a reply to this conversation goes. */
  target(id: string): ReplyTarget | undefined {
    return this.selectTarget.get(id);
  }

  triageState(id: string): TriageState | undefined {
    return this.selectTriage.get(id);
  }

  /** We answered: the conversation waits on the customer now. */
  noteOutbound(id: string, at: number, preview: string): void {
    this.noteOutboundStmt.run(at, preview, at, id);
  }

  get(id: string): ConversationSummary | undefined {
    const row = this.selectOne.get(id);
    return row && toSummary(row);
  }

  private statement(key: string, sql: string) {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

function toSummary(row: SummaryRow): ConversationSummary {
  return { ...row, hasDraft: row.hasDraft === 1, tagIds: JSON.parse(row.tagIds) as string[] };
}
