import type { ConversationKind, Language, SentimentClass, Visibility } from '../../../shared/domain';
import type { Db } from '../db/open';
import { MessagesRepo, type PlatformHidden } from '../db/repos/messages';
import { SettingsRepo } from '../db/repos/settings';
import { recencyWeightedScore, labelFor, scoreMessage } from '../triage/sentiment';
import { TriagePolicy } from '../triage/policy';
import { localTimeZone } from '../support/time-zone';

/** One message as every platform mapper delivers it, already parsed and validated. */
export interface InboundItem {
  platformId: string;
  thread: { platformId: string; kind: ConversationKind; title: string; rating: number | null };
  /** For direction 'out' this is the brand's own account and no contact is made. */
  author: { platformId: string; name: string; handle: string };
  lang: Language | null;
  body: string;
  createdAt: number;
  direction: 'in' | 'out';
  visibility: Visibility;
  /**
   * A customer's comment hidden from the public on the platform, as read now (by any moderator,
   * in the platform's own app too). Absent where the platform did not say: nothing is changed then.
   */
  hidden?: boolean;
}

export interface IngestResult {
  inserted: number;
  /** Conversations that gained messages (or had an outbound message confirmed). */
  conversationIds: string[];
  /**
   * Other conversations where the platform hid a stored message or showed it again: only the
   * message changed (conversation.changed), nothing the inbox lists.
   */
  hiddenChanged: string[];
  /** Local outbound messages found published in the feed. */
  reconciledMessageIds: string[];
}

const PREVIEW_LENGTH = 160;

export function previewOf(body: string): string {
  const collapsed = body.replace(/\s+/gu, ' ').trim();
  return collapsed.length <= PREVIEW_LENGTH ? collapsed : `${collapsed.slice(0, PREVIEW_LENGTH - 1)}…`;
}

interface NewMessageRow {
  id: string;
  conversationId: string;
  platformId: string;
  direction: 'in' | 'out';
  visibility: Visibility;
  contactId: string | null;
  authorName: string;
  body: string;
  lang: Language | null;
  state: 'sent' | null;
  hidden: 0 | 1;
  createdAt: number;
  sentAt: number | null;
  /** Inbound only: the message's sentiment, scored once here and reused whenever the conversation is rescored. */
  sentiment: number | null;
}

interface ThreadTouch {
  conversationId: string;
  latest: InboundItem;
  latestInboundAt: number | null;
  latestOutboundAt: number | null;
  /** Times of the inbound messages this batch added, to find the first one still unanswered. */
  inboundTimes: number[];
}

/** How many of the customer's latest messages make up a conversation's sentiment (older ones weigh under 1% at RECENCY_DECAY 0.6). */
const SENTIMENT_WINDOW = 8;

/**
 * The write path for everything that arrives from a platform. A batch is
 * applied with per-batch caches so a page of 200 messages costs roughly 200
 * message inserts, one lookup per contact and thread and one update per thread
 * that gained messages — the FTS triggers do the rest. Idempotent: a message already stored is skipped, so re-reading a
 * page after a crash changes nothing — except the platform's hidden flag, which is the one thing about a stored
 * message a platform changes later (MessagesRepo.adoptPlatformHidden). Callers wrap it in a transaction together
 * with the sync cursor.
 */
export class Ingestor {
  private readonly findContact;
  private readonly insertContact;
  private readonly renameContact;
  private readonly findConversation;
  private readonly insertConversation;
  private readonly completeConversation;
  private readonly insertMessages;
  private readonly adoptOutbound;
  private readonly touchConversation;
  private readonly recentInboundSentiment;
  private readonly selectTriage;
  private readonly updateTriage;
  private readonly messages;

  constructor(
    db: Db,
    private readonly newId: () => string,
    private readonly now: () => number,
    private readonly policy = new TriagePolicy(new SettingsRepo(db), localTimeZone()),
  ) {
    this.messages = new MessagesRepo(db);
    // Read first, write only what is new or changed: most items belong to
    // contacts and threads already stored, and an upsert would rewrite their rows.
    this.findContact = db.prepare<[string, string], { id: string; name: string; handle: string }>(
      'SELECT id, name, handle FROM contacts WHERE account_id = ? AND platform_id = ?',
    );
    this.insertContact = db.prepare(
      'INSERT INTO contacts (id, account_id, platform_id, name, handle, lang) VALUES (@id, @accountId, @platformId, @name, @handle, @lang)',
    );
    this.renameContact = db.prepare('UPDATE contacts SET name = ?, handle = ? WHERE id = ?');
    this.findConversation = db.prepare<[string, string], { id: string; contactId: string | null; rating: number | null }>(
      'SELECT id, contact_id AS contactId, rating FROM conversations WHERE account_id = ? AND platform_id = ?',
    );
    this.insertConversation = db.prepare(
      `INSERT INTO conversations (id, account_id, platform_id, kind, status, contact_id, title, rating, lang, last_message_at, preview, created_at, updated_at)
       VALUES (@id, @accountId, @platformId, @kind, 'open', @contactId, @title, @rating, @lang, @at, '', @now, @now)`,
    );
    this.completeConversation = db.prepare('UPDATE conversations SET contact_id = coalesce(contact_id, ?), rating = coalesce(?, rating) WHERE id = ?');
    // One statement per page, not one per message: FTS5 flushes its pending
    // terms into a new segment at every statement savepoint, so per-row inserts
    // (each firing the index trigger in its own statement) wrote a segment per
    // message and spent most of ingest merging them. RETURNING names the rows
    // actually inserted; ones already stored are skipped by the conflict clause.
    this.insertMessages = db
      .prepare<[string], string>(
        `INSERT INTO messages (id, conversation_id, platform_id, direction, visibility, author_contact_id, author_name, body, lang, state, hidden, created_at, sent_at, sentiment)
         SELECT r.value ->> '$.id', r.value ->> '$.conversationId', r.value ->> '$.platformId', r.value ->> '$.direction',
                r.value ->> '$.visibility', r.value ->> '$.contactId', r.value ->> '$.authorName', r.value ->> '$.body',
                r.value ->> '$.lang', r.value ->> '$.state', r.value ->> '$.hidden', r.value ->> '$.createdAt', r.value ->> '$.sentAt', r.value ->> '$.sentiment'
         FROM json_each(?) AS r WHERE true
         ON CONFLICT (conversation_id, platform_id) WHERE platform_id IS NOT NULL DO NOTHING
         RETURNING id`,
      )
      .pluck();
    // Our own reply seen in the feed before (or instead of) the send's answer:
    // adopt it rather than showing it twice. The oldest unconfirmed match wins.
    this.adoptOutbound = db
      .prepare<{ conversationId: string; platformId: string; body: string; sentAt: number }, string>(
        `UPDATE messages SET platform_id = @platformId, state = 'sent', error = NULL, sent_at = @sentAt
         WHERE seq = (SELECT seq FROM messages WHERE conversation_id = @conversationId AND direction = 'out' AND platform_id IS NULL
                        AND state IN ('queued', 'sending', 'failed') AND body = @body ORDER BY seq LIMIT 1)
         RETURNING id`,
      )
      .pluck();
    this.touchConversation = db.prepare(
      `UPDATE conversations SET
         status = CASE
           WHEN @at < last_message_at THEN status
           WHEN @direction = 'in' THEN 'open'
           WHEN status = 'open' THEN 'pending'
           ELSE status END,
         preview = CASE WHEN @at >= last_message_at OR preview = '' THEN @preview ELSE preview END,
         last_message_at = max(last_message_at, @at),
         last_inbound_at = CASE WHEN @inboundAt IS NULL THEN last_inbound_at ELSE max(coalesce(last_inbound_at, 0), @inboundAt) END,
         lang = coalesce(lang, @lang),
         updated_at = @now
       WHERE id = @id`,
    );
    this.recentInboundSentiment = db
      .prepare<[string, number], number>(
        `SELECT sentiment FROM messages WHERE conversation_id = ? AND direction = 'in' AND sentiment IS NOT NULL
         ORDER BY created_at DESC, seq DESC LIMIT ?`,
      )
      .pluck();
    this.selectTriage = db.prepare<[string], { accountId: string; kind: ConversationKind; status: string; waitingSince: number | null; snoozedUntil: number | null }>(
      'SELECT account_id AS accountId, kind, status, waiting_since AS waitingSince, snoozed_until AS snoozedUntil FROM conversations WHERE id = ?',
    );
    this.updateTriage = db.prepare(
      `UPDATE conversations SET waiting_since = @waitingSince, sla_due_at = @slaDueAt, snoozed_until = @snoozedUntil,
         sentiment = coalesce(@sentiment, sentiment), sentiment_label = coalesce(@label, sentiment_label), priority = coalesce(@priority, priority)
       WHERE id = @id`,
    );
  }

  /** `readAt`: when the read that brought `items` began (the platform's answer may predate anything done since). */
  ingest(accountId: string, items: readonly InboundItem[], readAt = this.now()): IngestResult {
    const now = this.now();
    const contacts = new Map<string, string>();
    const conversations = new Map<string, string>();
    const touched = new Map<string, ThreadTouch>();
    const reconciled: string[] = [];
    const rows: NewMessageRow[] = [];
    const pending: { id: string; conversationId: string; item: InboundItem }[] = [];

    for (const item of items) {
      const contactId = item.direction === 'in' ? this.contactFor(accountId, item, contacts) : null;
      let conversationId = conversations.get(item.thread.platformId);
      if (conversationId === undefined) {
        conversationId = this.conversationFor(accountId, item, contactId, now);
        conversations.set(item.thread.platformId, conversationId);
      }
      if (item.direction === 'out') {
        const adopted = this.adoptOutbound.get({ conversationId, platformId: item.platformId, body: item.body, sentAt: item.createdAt });
        if (adopted !== undefined) {
          reconciled.push(adopted);
          noteTouch(touched, conversationId, item);
          continue;
        }
      }
      const id = this.newId();
      const out = item.direction === 'out';
      rows.push({
        id,
        conversationId,
        platformId: item.platformId,
        direction: item.direction,
        visibility: item.visibility,
        contactId,
        authorName: item.author.name,
        body: item.body,
        lang: item.lang,
        state: out ? 'sent' : null,
        // Only customers' messages can be hidden; the brand's own are public by its own choice.
        hidden: !out && item.hidden === true ? 1 : 0,
        createdAt: item.createdAt,
        sentAt: out ? item.createdAt : null,
        sentiment: out ? null : scoreMessage(item.body, item.lang).score,
      });
      pending.push({ id, conversationId, item });
    }

    const stored = new Set(rows.length > 0 ? this.insertMessages.all(JSON.stringify(rows)) : []);
    const readAgain: PlatformHidden[] = [];
    for (const { id, conversationId, item } of pending) {
      if (stored.has(id)) noteTouch(touched, conversationId, item);
      else if (item.hidden !== undefined) readAgain.push({ conversationId, platformId: item.platformId, hidden: item.hidden });
    }
    // A message already stored whose hidden state changed on the platform is not news: the conversation's
    // status, clock and preview stay, so it is not touched.
    const hiddenChanged = this.messages.adoptPlatformHidden(readAgain, readAt).filter((conversationId) => !touched.has(conversationId));

    for (const touch of touched.values()) {
      this.touchConversation.run({
        id: touch.conversationId,
        at: touch.latest.createdAt,
        direction: touch.latest.direction,
        preview: previewOf(touch.latest.body),
        inboundAt: touch.latestInboundAt,
        lang: touch.latest.lang,
        now,
      });
      this.retriage(touch);
    }
    return { inserted: stored.size, conversationIds: [...touched.keys()], hiddenChanged, reconciledMessageIds: reconciled };
  }

  /**
   * After a thread gained messages: restart or stop its first-response clock
   * and rescore its sentiment. The clock runs from the first customer message
   * after our last answer; an open conversation already waiting keeps its
   * start, so a customer who writes three times is not pushed back each time.
   */
  private retriage(touch: ThreadTouch): void {
    const row = this.selectTriage.get(touch.conversationId)!;
    let waitingSince: number | null = null;
    if (row.status === 'open') {
      const { latestOutboundAt } = touch;
      const answeredNow = latestOutboundAt !== null && (row.waitingSince === null || latestOutboundAt >= row.waitingSince);
      const unanswered = touch.inboundTimes.filter((at) => latestOutboundAt === null || at > latestOutboundAt);
      waitingSince = row.waitingSince !== null && !answeredNow ? row.waitingSince : unanswered.length > 0 ? Math.min(...unanswered) : touch.latestInboundAt;
    } else if (row.status === 'snoozed' || row.status === 'closed') {
      waitingSince = row.waitingSince;
    }
    let sentiment: number | null = null;
    let label: SentimentClass | null = null;
    let priority: number | null = null;
    if (touch.inboundTimes.length > 0) {
      sentiment = recencyWeightedScore(this.recentInboundSentiment.all(touch.conversationId, SENTIMENT_WINDOW));
      label = labelFor(sentiment);
      priority = this.policy.storedPriority(label, sentiment);
    }
    this.updateTriage.run({
      id: touch.conversationId,
      waitingSince,
      slaDueAt: waitingSince === null ? null : this.policy.dueAt(row.accountId, row.kind, waitingSince),
      // A new message wakes a snoozed conversation (the touch reopened it); the snooze time goes with it.
      snoozedUntil: row.status === 'snoozed' ? row.snoozedUntil : null,
      sentiment,
      label,
      priority,
    });
  }

  private contactFor(accountId: string, item: InboundItem, cache: Map<string, string>): string {
    const cached = cache.get(item.author.platformId);
    if (cached !== undefined) return cached;
    const { name, handle } = item.author;
    const existing = this.findContact.get(accountId, item.author.platformId);
    let id: string;
    if (existing) {
      id = existing.id;
      if (existing.name !== name || existing.handle !== handle) this.renameContact.run(name, handle, id);
    } else {
      id = this.newId();
      this.insertContact.run({ id, accountId, platformId: item.author.platformId, name, handle, lang: item.lang });
    }
    cache.set(item.author.platformId, id);
    return id;
  }

  private conversationFor(accountId: string, item: InboundItem, contactId: string | null, now: number): string {
    const existing = this.findConversation.get(accountId, item.thread.platformId);
    if (!existing) {
      const id = this.newId();
      const { kind, title, rating } = item.thread;
      this.insertConversation.run({ id, accountId, platformId: item.thread.platformId, kind, contactId, title, rating, lang: item.lang, at: item.createdAt, now });
      return id;
    }
    // A thread first seen through the brand's own message learns its customer later; a review may be re-rated.
    const learnsContact = existing.contactId === null && contactId !== null;
    const reRated = item.thread.rating !== null && item.thread.rating !== existing.rating;
    if (learnsContact || reRated) this.completeConversation.run(contactId, item.thread.rating, existing.id);
    return existing.id;
  }
}

function noteTouch(touched: Map<string, ThreadTouch>, conversationId: string, item: InboundItem): void {
  let touch = touched.get(conversationId);
  if (!touch) {
    touch = { conversationId, latest: item, latestInboundAt: null, latestOutboundAt: null, inboundTimes: [] };
    touched.set(conversationId, touch);
  }
  if (item.createdAt >= touch.latest.createdAt) touch.latest = item;
  if (item.direction === 'in') {
    touch.inboundTimes.push(item.createdAt);
    touch.latestInboundAt = Math.max(touch.latestInboundAt ?? item.createdAt, item.createdAt);
  } else {
    touch.latestOutboundAt = Math.max(touch.latestOutboundAt ?? item.createdAt, item.createdAt);
  }
}
