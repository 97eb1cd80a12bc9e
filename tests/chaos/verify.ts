import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LATEST_VERSION } from '../../main/engine/db/migrations';
import { WireItem, WireModeration, WirePublished, WireUpdatesPage } from '../../main/engine/platforms/sandbox/wire';
import type { HideWish, QueuedReply } from './agent';

/** What the sandbox platform itself recorded: every item its feed served, every reply it published, every comment hidden or shown. */
export interface PlatformRecords {
  items: WireItem[];
  published: WirePublished[];
  moderation: WireModeration[];
}

export interface Findings {
  /** Replies the agent queued (reply.send answered). */
  queued: number;
  /** Of those, replies the platform published (once or more). */
  published: number;
  /** POSTs the platform deduplicated: resends after ambiguous outcomes, all with the same idempotency key. */
  resends: number;
  /** Inbound customer messages the platform served. */
  inbound: number;
  lost: number;
  duplicated: number;
  integrityErrors: number;
  /** Comments the agent hid or showed again (its last wish per comment). */
  hides: number;
  /** Of those, comments whose state on the platform, or in the workspace, is not the agent's last wish. */
  hidesUnapplied: number;
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

/** Reads the platform's records through its own API (faults must be cleared first). */
export async function readPlatformRecords(sandboxUrl: string): Promise<PlatformRecords> {
  const items: WireItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_FEED_PAGES; page++) {
    const query: string = cursor === null ? `limit=${FEED_PAGE}` : `after=${encodeURIComponent(cursor)}&limit=${FEED_PAGE}`;
    const body = WireUpdatesPage.parse(await getJson(`${sandboxUrl}/v1/updates?${query}`));
    items.push(...body.updates.map((item) => WireItem.parse(item)));
    if (!body.has_more) {
      const { published } = (await getJson(`${sandboxUrl}/_sandbox/published`)) as { published: unknown[] };
      const { items: moderation } = (await getJson(`${sandboxUrl}/_sandbox/moderation`)) as { items: unknown[] };
      return { items, published: published.map((entry) => WirePublished.parse(entry)), moderation: moderation.map((entry) => WireModeration.parse(entry)) };
    }
    cursor = body.cursor;
  }
  throw new Error(`the sandbox feed did not end within ${MAX_FEED_PAGES} pages`);
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

/**
 * The agent's last wish for each comment it touched, against the platform's record of that comment
 * (never touched = shown) and the workspace's (the same state, nothing left to carry).
 */
function verifyHides(db: Database.Database, records: PlatformRecords, wishes: readonly HideWish[], problems: string[]): { hides: number; unapplied: number } {
  const last = new Map<string, HideWish>();
  for (const wish of wishes) last.set(wish.messageId, wish);
  const onPlatform = new Map(records.moderation.map((record) => [record.id, record.hidden]));
  const local = db.prepare<[string], { platformId: string | null; hidden: number; pending: number }>(
    `SELECT platform_id AS platformId, hidden,
       (SELECT count(*) FROM outbox WHERE message_id = m.id AND action IN ('hide', 'unhide') AND state NOT IN ('done', 'cancelled')) AS pending
     FROM messages m WHERE id = ?`,
  );
  let unapplied = 0;
  for (const wish of last.values()) {
    if (!wish.answered) problems.push(`message.setHidden for ${wish.messageId} was never answered`);
    const row = local.get(wish.messageId);
    const platformHidden = row?.platformId ? (onPlatform.get(row.platformId) ?? false) : null;
    if (!row || row.hidden !== Number(wish.hidden) || row.pending > 0 || platformHidden !== wish.hidden) {
      unapplied++;
      problems.push(`comment ${wish.messageId} should be ${wish.hidden ? 'hidden' : 'shown'}: the platform has hidden=${platformHidden}, the workspace ${JSON.stringify(row)}`);
    }
  }
  return { hides: last.size, unapplied };
}

/**
 * Compares the workspace with the platform's records. Replies are matched by
 * text (each reply's text is unique in a trial, reply-text.ts), so a reply
 * published twice under two idempotency keys is caught as well as one
 * published never; items by their platform id. With `final`, the schema
 * version and the file's integrity are checked too.
 */
export function verifyWorkspace(db: Database.Database, records: PlatformRecords, replies: readonly QueuedReply[], wishes: readonly HideWish[], final: boolean): Findings {
  const problems: string[] = [];
  let lost = 0;
  let duplicated = 0;
  const storedWithPlatformId = db.prepare<[string], { direction: string; n: number }>(
    'SELECT direction, count(*) AS n FROM messages WHERE platform_id = ? GROUP BY direction',
  );
  const byClientId = db.prepare<[string], { state: string | null; platformId: string | null }>(
    'SELECT state, platform_id AS platformId FROM messages WHERE client_id = ?',
  );

  for (const item of records.items) {
    const rows = storedWithPlatformId.all(item.id);
    const stored = rows.find((row) => row.direction === item.direction)?.n ?? 0;
    if (stored === 0) {
      lost++;
      problems.push(`${item.direction === 'in' ? 'inbound message' : 'outbound item'} ${item.id} is not stored`);
    } else if (stored > 1 || rows.length > 1) {
      duplicated += stored - 1;
      problems.push(`item ${item.id} is stored ${rows.reduce((sum, row) => sum + row.n, 0)} times`);
    }
  }
  const servedIds = new Set(records.items.map((item) => item.id));
  const unknown = db.prepare<[], number>("SELECT count(*) FROM messages WHERE direction = 'in'").pluck().get()! -
    records.items.filter((item) => item.direction === 'in').length;
  if (unknown > 0) {
    duplicated += unknown;
    problems.push(`${unknown} inbound message(s) stored beyond what the platform served`);
  }

  const texts = new Map(replies.map((reply) => [reply.text, reply]));
  let published = 0;
  for (const reply of replies) {
    if (!reply.answered) problems.push(`reply.send for ${reply.clientId} was never answered`);
    const copies = records.published.filter((entry) => entry.text === reply.text);
    if (copies.length === 0) {
      lost++;
      problems.push(`reply ${reply.clientId} was never published`);
      continue;
    }
    published++;
    if (copies.length > 1) {
      duplicated += copies.length - 1;
      problems.push(`reply ${reply.clientId} was published ${copies.length} times (keys ${copies.map((copy) => copy.idempotency_key).join(', ')})`);
    }
    // The workspace must know the reply went out, under one of the ids it was published as (more than one is already counted).
    const local = byClientId.all(reply.clientId);
    if (local.length !== 1 || local[0]!.state !== 'sent' || !copies.some((copy) => copy.id === local[0]!.platformId)) {
      lost++;
      problems.push(`reply ${reply.clientId} is published as ${copies.map((copy) => copy.id).join(', ')} but stored as ${JSON.stringify(local)}`);
    }
    if (!servedIds.has(copies[0]!.id)) problems.push(`published reply ${copies[0]!.id} is missing from the platform's own feed`);
  }
  for (const entry of records.published) {
    if (texts.has(entry.text)) continue;
    duplicated++;
    problems.push(`the platform published a reply nobody queued: ${entry.id} "${entry.text}"`);
  }

  const hiding = verifyHides(db, records, wishes, problems);

  let integrityErrors = 0;
  if (final) {
    const version = db.pragma('user_version', { simple: true }) as number;
    const found = integrityProblems(db);
    if (version !== LATEST_VERSION) found.push(`schema version ${version}, expected ${LATEST_VERSION}`);
    integrityErrors = found.length;
    problems.push(...found);
  }
  return {
    queued: replies.length,
    published,
    resends: records.published.reduce((sum, entry) => sum + entry.attempts - 1, 0),
    inbound: records.items.filter((item) => item.direction === 'in').length,
    lost,
    duplicated,
    integrityErrors,
    hides: hiding.hides,
    hidesUnapplied: hiding.unapplied,
    problems,
  };
}
