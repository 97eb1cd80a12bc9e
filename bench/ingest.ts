import type { Db } from '../main/engine/db/open';
import { Ingestor, previewOf, type InboundItem } from '../main/engine/inbox/ingest';
import { createIdGenerator } from '../main/engine/support/ids';
import { YIELD_EVERY, yieldForSignals } from './interrupt';

/** Items per page the sync commits in one transaction (the platforms' page size). */
export const PAGE_SIZE = 200;

/** The engine's write path exactly as the sync drives it: one transaction per page, through Ingestor. */
export async function engineIngest(db: Db, accountId: string, items: readonly InboundItem[]): Promise<number> {
  const ingestor = new Ingestor(db, createIdGenerator(), Date.now);
  let inserted = 0;
  const commit = db.transaction((page: readonly InboundItem[]) => {
    inserted += ingestor.ingest(accountId, page).inserted;
  });
  const seconds = await timePages(
    paginate(items.length).map(({ start, end }) => items.slice(start, end)),
    commit,
  );
  if (inserted !== items.length) throw new Error(`engine ingest stored ${inserted} of ${items.length} messages`);
  return seconds;
}

type Row = (string | number | null)[];

interface RawPage {
  start: number;
  end: number;
  contacts: Row[];
  conversations: Row[];
}

/** Everything the baseline writes, worked out before the clock starts: ids, and each thread's final row. */
export interface RawPlan {
  pages: RawPage[];
  messageIds: string[];
  conversationOf: string[];
  contactOf: (string | null)[];
}

interface ThreadSummary {
  last: number;
  lastInboundAt: number | null;
}

/**
 * The minimum an importer must do to store the same rows: each contact and
 * conversation inserted once, already in its final state (the engine gets
 * there page by page, touching each thread again), ids generated in the same order.
 */
export function planRawInsert(accountId: string, items: readonly InboundItem[]): RawPlan {
  const threads = new Map<string, ThreadSummary>();
  items.forEach((item, index) => {
    const thread = threads.get(item.thread.platformId);
    const inboundAt = item.direction === 'in' ? item.createdAt : null;
    if (thread) {
      thread.last = index;
      thread.lastInboundAt = inboundAt ?? thread.lastInboundAt;
    } else threads.set(item.thread.platformId, { last: index, lastInboundAt: inboundAt });
  });

  const newId = createIdGenerator();
  const now = Date.now();
  const contactIds = new Map<string, string>();
  const conversationIds = new Map<string, string>();
  const plan: RawPlan = { pages: [], messageIds: new Array(items.length), conversationOf: new Array(items.length), contactOf: new Array(items.length) };
  for (const { start, end } of paginate(items.length)) {
    const page: RawPage = { start, end, contacts: [], conversations: [] };
    for (let index = start; index < end; index++) {
      const item = items[index]!;
      let contactId: string | null = null;
      if (item.direction === 'in') {
        contactId = contactIds.get(item.author.platformId) ?? null;
        if (contactId === null) {
          contactId = newId();
          contactIds.set(item.author.platformId, contactId);
          // Like the engine, a contact keeps the language of the message that introduced it.
          page.contacts.push([contactId, accountId, item.author.platformId, item.author.name, item.author.handle, item.lang]);
        }
      }
      let conversationId = conversationIds.get(item.thread.platformId);
      if (conversationId === undefined) {
        conversationId = newId();
        conversationIds.set(item.thread.platformId, conversationId);
        const summary = threads.get(item.thread.platformId)!;
        const latest = items[summary.last]!;
        page.conversations.push([
          conversationId, accountId, item.thread.platformId, item.thread.kind, latest.direction === 'in' ? 'open' : 'pending', contactId,
          item.thread.title, item.thread.rating, item.lang, latest.createdAt, summary.lastInboundAt, previewOf(latest.body), now, now,
        ]);
      }
      plan.messageIds[index] = newId();
      plan.conversationOf[index] = conversationId;
      plan.contactOf[index] = contactId;
    }
    plan.pages.push(page);
  }
  return plan;
}

/** Plain prepared INSERTs of the planned rows, one transaction per page like the engine. */
export function rawInsert(db: Db, plan: RawPlan, items: readonly InboundItem[]): Promise<number> {
  const insertContact = db.prepare<[Row]>('INSERT INTO contacts (id, account_id, platform_id, name, handle, lang) VALUES (?, ?, ?, ?, ?, ?)');
  const insertConversation = db.prepare<[Row]>(
    `INSERT INTO conversations (id, account_id, platform_id, kind, status, contact_id, title, rating, lang, last_message_at, last_inbound_at, preview, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMessage = db.prepare<[Row]>(
    `INSERT INTO messages (id, conversation_id, platform_id, direction, visibility, author_contact_id, author_name, body, lang, state, created_at, sent_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const { messageIds, conversationOf, contactOf } = plan;
  const commit = db.transaction((page: RawPage) => {
    for (const row of page.contacts) insertContact.run(row);
    for (const row of page.conversations) insertConversation.run(row);
    for (let index = page.start; index < page.end; index++) {
      const item = items[index]!;
      const sentAt = item.direction === 'out' ? item.createdAt : null;
      insertMessage.run([
        messageIds[index]!, conversationOf[index]!, item.platformId, item.direction, item.visibility, contactOf[index]!, item.author.name, item.body,
        item.lang, sentAt === null ? null : 'sent', item.createdAt, sentAt,
      ]);
    }
  });
  return timePages(plan.pages, commit);
}

/** Seconds spent committing the pages; the pauses for signals between chunks are not counted. */
async function timePages<T>(pages: readonly T[], commit: (page: T) => void): Promise<number> {
  let ms = 0;
  for (let index = 0; index < pages.length; index++) {
    const started = performance.now();
    commit(pages[index]!);
    ms += performance.now() - started;
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await yieldForSignals();
  }
  return ms / 1000;
}

function paginate(length: number): { start: number; end: number }[] {
  const pages: { start: number; end: number }[] = [];
  for (let start = 0; start < length; start += PAGE_SIZE) pages.push({ start, end: Math.min(length, start + PAGE_SIZE) });
  return pages;
}
