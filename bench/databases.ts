import Database from 'better-sqlite3';
import type { Db } from '../main/engine/db/open';
import { migrate } from '../main/engine/db/migrate';
import { migrations } from '../main/engine/db/migrations';

/** Schema version without full-text search: no messages_fts, no triggers. */
const SCHEMA_WITHOUT_SEARCH = 1;

/**
 * Settings that change what a write or a read costs. They are read from the
 * engine's own connection rather than restated here, so the baseline keeps
 * running under the engine's settings when those change. Order matters:
 * page_size and auto_vacuum only take effect on a file with no tables yet.
 */
const COST_PRAGMAS = ['page_size', 'auto_vacuum', 'journal_mode', 'synchronous', 'foreign_keys', 'cache_size', 'temp_store', 'mmap_size', 'wal_autocheckpoint', 'busy_timeout'];

/** A fresh database for the raw baseline: the engine's pragmas, the schema up to version 1. */
export function openBaselineDatabase(file: string, engineDb: Db): Db {
  const db = new Database(file);
  for (const name of COST_PRAGMAS) {
    const value: unknown = engineDb.pragma(name, { simple: true });
    if (typeof value !== 'number' && !(typeof value === 'string' && /^\w+$/u.test(value))) throw new Error(`unexpected value of PRAGMA ${name}: ${String(value)}`);
    db.pragma(`${name} = ${value}`);
  }
  migrate(db, migrations, SCHEMA_WITHOUT_SEARCH);
  return db;
}

/**
 * A summary of what the ingest stored, independent of generated ids and of
 * wall-clock stamps: equal summaries mean the baseline wrote the same rows as
 * the engine, so the ratio compares like with like.
 */
export function fingerprint(db: Db): string {
  const parts = [
    `SELECT count(*) n, count(lang) lang, total(length(name)) names, total(length(handle)) handles FROM contacts`,
    `SELECT count(*) n, sum(status = 'open') open, count(contact_id) contact, count(lang) lang, total(coalesce(rating, 0)) ratings,
       total(length(title)) titles, total(last_message_at) lastAt, total(coalesce(last_inbound_at, 0)) inboundAt, total(length(preview)) previews,
       total(length(kind)) kinds FROM conversations`,
    `SELECT count(*) n, sum(direction = 'out') outbound, sum(visibility = 'private') private, count(author_contact_id) authored, count(lang) lang,
       count(state) state, total(length(body)) bodies, total(created_at) createdAt, total(coalesce(sent_at, 0)) sentAt FROM messages`,
    // Each message sits in its own thread (platform ids are "<thread>_<n>") and names its author's contact.
    `SELECT sum(substr(m.platform_id, 1, length(c.platform_id) + 1) = c.platform_id || '_') threads, sum(ct.name = m.author_name) authors
       FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN contacts ct ON ct.id = m.author_contact_id`,
    `SELECT count(*) n FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
       WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.author_contact_id = c.contact_id)`,
  ];
  return JSON.stringify(parts.map((sql) => db.prepare(sql).get()));
}

export function fileSizeMb(db: Db): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  return (pages * pageSize) / 1024 / 1024;
}
