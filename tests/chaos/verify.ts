import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LATEST_VERSION } from '../../main/engine/db/migrations';
import type { GraphStore } from '../../main/engine/platforms/meta/fake/store';
import { WireItem, WireModeration, WirePublished, WireUpdatesPage } from '../../main/engine/platforms/sandbox/wire';
import type { HideWish, QueuedReply } from './agent';

/**
 * What one platform itself recorded, in the same terms for every fake: every
 * item it holds (customers' and the brand's, so every item a read could serve),
 * every reply it published, every comment's hidden state.
 */
export interface PlatformRecords {
  platform: ChaosPlatform;
  items: { id: string; direction: 'in' | 'out' }[];
  /** `label` says how the platform tells copies apart (an idempotency key, the API it came by), for the report. */
  published: { id: string; text: string; label: string }[];
  /** Comments hidden or shown on the platform, by platform id; a comment never touched is shown. */
  hidden: Map<string, boolean>;
  /** POSTs the platform deduplicated (resends with the same key); 0 where it does not deduplicate. */
  resends: number;
}

/** The platforms a chaos trial connects: the sandbox (the demo account) and a Facebook Page on the fake Graph. */
export type ChaosPlatform = 'sandbox' | 'facebook';

/** One platform's share of a trial's findings. */
export interface PlatformFindings {
  /** Replies the agent queued (reply.send answered). */
  queued: number;
  /** Of those, replies the platform published (once or more). */
  published: number;
  /** POSTs the platform deduplicated: resends after ambiguous outcomes, all with the same idempotency key. */
  resends: number;
  /** Replies whose outcome was unknown at some point (the outbox noted it): resent with the key, or looked for first. */
  unconfirmed: number;
  /** Inbound customer messages the platform served. */
  inbound: number;
  lost: number;
  duplicated: number;
  /** Comments the agent hid or showed again (its last wish per comment). */
  hides: number;
  /** Of those, comments whose state on the platform, or in the workspace, is not the agent's last wish. */
  hidesUnapplied: number;
}

export interface Findings extends PlatformFindings {
  integrityErrors: number;
  /** The same figures per platform; the ones above are their totals. */
  byPlatform: Record<ChaosPlatform, PlatformFindings>;
  /** One line per problem, for the report. */
  problems: string[];
}

const FEED_PAGE = 200;
/** A feed is read page by page; this many pages is far beyond any trial's feed, so a looping cursor cannot hang the run. */
const MAX_FEED_PAGES = 10_000;

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return response.json();
}

/** Reads the sandbox's records through its own API (faults must be cleared first). */
export async function readSandboxRecords(sandboxUrl: string): Promise<PlatformRecords> {
  const items: WireItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_FEED_PAGES; page++) {
    const query: string = cursor === null ? `limit=${FEED_PAGE}` : `after=${encodeURIComponent(cursor)}&limit=${FEED_PAGE}`;
    const body = WireUpdatesPage.parse(await getJson(`${sandboxUrl}/v1/updates?${query}`));
    items.push(...body.updates.map((item) => WireItem.parse(item)));
    if (!body.has_more) {
      const { published } = (await getJson(`${sandboxUrl}/_sandbox/published`)) as { published: unknown[] };
      const { items: moderation } = (await getJson(`${sandboxUrl}/_sandbox/moderation`)) as { items: unknown[] };
      const replies = published.map((entry) => WirePublished.parse(entry));
      return {
        platform: 'sandbox',
        items,
        published: replies.map((entry) => ({ id: entry.id, text: entry.text, label: `key ${entry.idempotency_key}` })),
        hidden: new Map(moderation.map((entry) => WireModeration.parse(entry)).map((entry) => [entry.id, entry.hidden])),
        resends: replies.reduce((sum, entry) => sum + entry.attempts - 1, 0),
      };
    }
    cursor = body.cursor;
  }
  throw new Error(`the sandbox feed did not end within ${MAX_FEED_PAGES} pages`);
}

/**
 * The fake Graph's records, read from its store (it lives in this process): every Messenger message and
 * Page comment, the Page's own ones being its replies — Send API messages and comments under comments.
 */
export function metaRecords(store: GraphStore): PlatformRecords {
  const direction = (from: { id: string }) => (from.id === store.page.id ? 'out' : 'in');
  const messages = [...store.conversations.values()].flatMap((conversation) => conversation.messages);
  const comments = [...store.comments.values()];
  return {
    platform: 'facebook',
    items: [...messages, ...comments].map((item) => ({ id: item.id, direction: direction(item.from) })),
    published: [
      ...store.sent.map((sent) => ({ id: sent.messageId, text: sent.text, label: `Send API message ${sent.messageId}` })),
      ...comments.filter((comment) => direction(comment.from) === 'out').map((comment) => ({ id: comment.id, text: comment.text, label: `comment ${comment.id}` })),
    ],
    hidden: new Map(comments.map((comment) => [comment.id, comment.hidden])),
    resends: 0,
  };
}

/** `PRAGMA integrity_check` and `foreign_key_check` on a workspace file, opened read-only: one line per problem. */
export function integrityProblems(db: Database.Database): string[] {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).filter((line) => line !== 'ok');
  const foreignKeys = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
    (row) => `foreign key: ${row.table} row ${row.rowid} points to a missing ${row.parent}`,
  );
  return [...integrity, ...foreignKeys];
}

/** Runs `inspect` on a workspace read-only: one the engine has open (WAL lets a reader in) or closed cleanly. Null when there is no file. */
export function inspectReadOnly<T>(file: string, inspect: (db: Database.Database) => T): T | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return inspect(db);
  } finally {
    db.close();
  }
}

/**
 * Runs `inspect` on a copy of a workspace left by a killed engine, with its
 * journal or WAL: opening it replays or rolls back what the crash left, as the
 * next start would, but on the copy — the workspace itself stays exactly as the
 * kill left it for the engine to recover. Null when there is no file yet.
 */
export function inspectCopy<T>(file: string, inspect: (db: Database.Database) => T): T | null {
  if (!existsSync(file)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-chaos-copy-'));
  try {
    const copy = join(dir, basename(file));
    copyFileSync(file, copy);
    for (const suffix of ['-wal', '-journal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, copy + suffix);
    const db = new Database(copy, { fileMustExist: true });
    try {
      return inspect(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


const FIGURES = ['queued', 'published', 'resends', 'unconfirmed', 'inbound', 'lost', 'duplicated', 'hides', 'hidesUnapplied'] as const;

function noFindings(): PlatformFindings {
  return Object.fromEntries(FIGURES.map((figure) => [figure, 0])) as unknown as PlatformFindings;
}

/**
 * The agent's last wish for each comment it touched on this platform, against the platform's record
 * of that comment (never touched = shown) and the workspace's (the same state, nothing left to carry).
 */
function verifyHides(db: Database.Database, records: PlatformRecords, last: readonly HideWish[], problems: string[]): number {
  const local = db.prepare<[string], { platformId: string | null; hidden: number; pending: number }>(
    `SELECT platform_id AS platformId, hidden,
       (SELECT count(*) FROM outbox WHERE message_id = m.id AND action IN ('hide', 'unhide') AND state NOT IN ('done', 'cancelled')) AS pending
     FROM messages m WHERE id = ?`,
  );
  let unapplied = 0;
  for (const wish of last) {
    if (!wish.answered) problems.push(`message.setHidden for ${wish.messageId} was never answered`);
    const row = local.get(wish.messageId);
    const platformHidden = row?.platformId ? (records.hidden.get(row.platformId) ?? false) : null;
    if (!row || row.hidden !== Number(wish.hidden) || row.pending > 0 || platformHidden !== wish.hidden) {
      unapplied++;
      problems.push(`${records.platform} comment ${wish.messageId} should be ${wish.hidden ? 'hidden' : 'shown'}: the platform has hidden=${platformHidden}, the workspace ${JSON.stringify(row)}`);
    }
  }
  return unapplied;
}

/** One platform's records against the workspace's accounts on that platform, and the replies and last wishes made there. */
function verifyPlatform(db: Database.Database, records: PlatformRecords, replies: readonly QueuedReply[], lastWishes: readonly HideWish[], problems: string[]): PlatformFindings {
  const { platform } = records;
  const findings = noFindings();
  const storedWithPlatformId = db.prepare<[string, string], { direction: string; n: number }>(
    `SELECT m.direction, count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN accounts a ON a.id = c.account_id
     WHERE a.platform = ? AND m.platform_id = ? GROUP BY m.direction`,
  );
  const byClientId = db.prepare<[string], { state: string | null; platformId: string | null }>(
    'SELECT state, platform_id AS platformId FROM messages WHERE client_id = ?',
  );

  for (const item of records.items) {
    const rows = storedWithPlatformId.all(platform, item.id);
    const stored = rows.find((row) => row.direction === item.direction)?.n ?? 0;
    if (stored === 0) {
      findings.lost++;
      problems.push(`${platform}: ${item.direction === 'in' ? 'inbound message' : 'outbound item'} ${item.id} is not stored`);
    } else if (stored > 1 || rows.length > 1) {
      findings.duplicated += stored - 1;
      problems.push(`${platform}: item ${item.id} is stored ${rows.reduce((sum, row) => sum + row.n, 0)} times`);
    }
  }
  const servedIds = new Set(records.items.map((item) => item.id));
  findings.inbound = records.items.filter((item) => item.direction === 'in').length;
  const storedInbound = db
    .prepare<[string], number>(
      "SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN accounts a ON a.id = c.account_id WHERE a.platform = ? AND m.direction = 'in'",
    )
    .pluck()
    .get(platform)!;
  const unknown = storedInbound - findings.inbound;
  if (unknown > 0) {
    findings.duplicated += unknown;
    problems.push(`${platform}: ${unknown} inbound message(s) stored beyond what the platform served`);
  }

  const texts = new Set(replies.map((reply) => reply.text));
  findings.queued = replies.length;
  for (const reply of replies) {
    if (!reply.answered) problems.push(`reply.send for ${reply.clientId} was never answered`);
    const copies = records.published.filter((entry) => entry.text === reply.text);
    if (copies.length === 0) {
      findings.lost++;
      problems.push(`${platform}: reply ${reply.clientId} was never published`);
      continue;
    }
    findings.published++;
    if (copies.length > 1) {
      findings.duplicated += copies.length - 1;
      problems.push(`${platform}: reply ${reply.clientId} was published ${copies.length} times (${copies.map((copy) => copy.label).join(', ')})`);
    }
    // The workspace must know the reply went out, under one of the ids it was published as (more than one is already counted).
    const local = byClientId.all(reply.clientId);
    if (local.length !== 1 || local[0]!.state !== 'sent' || !copies.some((copy) => copy.id === local[0]!.platformId)) {
      findings.lost++;
      problems.push(`${platform}: reply ${reply.clientId} is published as ${copies.map((copy) => copy.id).join(', ')} but stored as ${JSON.stringify(local)}`);
    }
    if (!servedIds.has(copies[0]!.id)) problems.push(`${platform}: published reply ${copies[0]!.id} is missing from the platform's own records`);
  }
  for (const entry of records.published) {
    if (texts.has(entry.text)) continue;
    findings.duplicated++;
    problems.push(`${platform} published a reply nobody queued there: ${entry.label} "${entry.text}"`);
  }

  findings.resends = records.resends;
  findings.unconfirmed = db
    .prepare<[string], number>(
      "SELECT count(*) FROM outbox o JOIN accounts a ON a.id = o.account_id WHERE a.platform = ? AND o.action = 'reply' AND o.payload ->> '$.unconfirmedSince' IS NOT NULL",
    )
    .pluck()
    .get(platform)!;
  findings.hides = lastWishes.length;
  findings.hidesUnapplied = verifyHides(db, records, lastWishes, problems);
  return findings;
}

/**
 * Compares the workspace with each platform's records. Replies are matched by
 * text (each reply's text is unique in a trial, reply-text.ts), so a reply
 * published twice — under two idempotency keys, or sent again where the
 * platform does not deduplicate — is caught as well as one published never;
 * items by their platform id. Each reply and wish is judged on the platform
 * of its conversation. With `final`, the schema version and the file's
 * integrity are checked too.
 */
export function verifyWorkspace(db: Database.Database, records: readonly PlatformRecords[], replies: readonly QueuedReply[], wishes: readonly HideWish[], final: boolean): Findings {
  const problems: string[] = [];
  const platformOf = db
    .prepare<[string], string>('SELECT a.platform FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id = ?')
    .pluck();
  const conversationOf = db.prepare<[string], string>('SELECT conversation_id FROM messages WHERE id = ?').pluck();
  const last = new Map<string, HideWish>();
  for (const wish of wishes) last.set(wish.messageId, wish);
  const placed = { replies: 0, wishes: 0 };
  const byPlatform = {} as Record<ChaosPlatform, PlatformFindings>;
  for (const platformRecords of records) {
    const here = (conversationId: string | undefined) => conversationId !== undefined && platformOf.get(conversationId) === platformRecords.platform;
    const ownReplies = replies.filter((reply) => here(reply.conversationId));
    const ownWishes = [...last.values()].filter((wish) => here(conversationOf.get(wish.messageId)));
    placed.replies += ownReplies.length;
    placed.wishes += ownWishes.length;
    byPlatform[platformRecords.platform] = verifyPlatform(db, platformRecords, ownReplies, ownWishes, problems);
  }
  const total = noFindings();
  for (const findings of Object.values(byPlatform)) for (const figure of FIGURES) total[figure] += findings[figure];
  total.queued = replies.length;
  total.hides = last.size;
  // A reply or a wish whose conversation is on no platform checked here cannot be judged: it counts against the run.
  if (placed.replies < replies.length) {
    total.lost += replies.length - placed.replies;
    problems.push(`${replies.length - placed.replies} queued reply(s) are in conversations of no platform checked`);
  }
  if (placed.wishes < last.size) {
    total.hidesUnapplied += last.size - placed.wishes;
    problems.push(`${last.size - placed.wishes} hide wish(es) are on messages of no platform checked`);
  }

  let integrityErrors = 0;
  if (final) {
    const version = db.pragma('user_version', { simple: true }) as number;
    const found = integrityProblems(db);
    if (version !== LATEST_VERSION) found.push(`schema version ${version}, expected ${LATEST_VERSION}`);
    integrityErrors = found.length;
    problems.push(...found);
  }
  return { ...total, integrityErrors, byPlatform, problems };
}
