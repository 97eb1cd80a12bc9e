import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../main/engine/db/errors';
import { migrate } from '../../../main/engine/db/migrate';
import { LATEST_VERSION, migrations } from '../../../main/engine/db/migrations';
import { openDatabase } from '../../../main/engine/db/open';
import { tempDir } from '../helpers/temp-dir';

const TABLES = ['accounts', 'contacts', 'conversations', 'tags', 'conversation_tags', 'messages', 'messages_fts', 'drafts', 'outbox', 'sync_state', 'quarantine', 'audit_log', 'settings', 'custom_words', 'canned_replies'];

function seedVersion1(db: Database.Database): void {
  db.exec(`
    INSERT INTO accounts (id, platform, name, created_at) VALUES ('a', 'sandbox', 'Brand', 1);
    INSERT INTO conversations (id, account_id, platform_id, kind, last_message_at, created_at, updated_at) VALUES ('c', 'a', 't1', 'dm', 1, 1, 1);
    INSERT INTO messages (id, conversation_id, platform_id, direction, visibility, author_name, body, created_at)
      VALUES ('m', 'c', 'p1', 'in', 'private', 'Zofia', 'Paczka przyszła uszkodzona', 1);
    INSERT INTO messages (id, conversation_id, client_id, direction, visibility, author_name, body, state, created_at)
      VALUES ('r', 'c', 'k', 'out', 'private', 'Brand', 'Przepraszamy', 'queued', 2);
    INSERT INTO outbox (id, account_id, conversation_id, message_id, action, payload, state, not_before, created_at, updated_at)
      VALUES ('o2', 'a', 'c', 'r', 'reply', '{"threadPlatformId":"t1","text":"Przepraszamy","visibility":"private"}', 'pending', 2, 2, 2),
             ('o1', 'a', 'c', 'r', 'reply', '{"threadPlatformId":"t1","text":"Przepraszamy","visibility":"private"}', 'failed', 2, 2, 2);
  `);
}

function openError(file: string): unknown {
  try {
    openDatabase(file).close();
  } catch (error) {
    return error;
  }
  return null;
}

describe('migrations', () => {
  it('creates a fresh workspace at the latest version with every table, in WAL mode with foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'w.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(names).toEqual(expect.arrayContaining(TABLES));
    db.close();
  });

  it('numbers migrations 1, 2, 3 … without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  it.each([0, ...migrations.slice(0, -1).map((m) => m.version)])('upgrades a workspace left at version %i, keeping its data', (from) => {
    const file = join(tempDir(), 'w.sqlite');
    const old = new Database(file);
    migrate(old, migrations, from);
    expect(old.pragma('user_version', { simple: true })).toBe(from);
    if (from >= 1) seedVersion1(old);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    if (from >= 1) {
      expect(db.prepare('SELECT body FROM messages').pluck().get()).toBe('Paczka przyszła uszkodzona');
      // the search index covers rows that existed before it did
      expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'uszkodzona'").all()).toHaveLength(1);
      // the outbox (rebuilt by migration 9) keeps its rows, in the order they were queued
      expect(db.prepare('SELECT id, action, state FROM outbox ORDER BY rowid').all()).toEqual([
        { id: 'o2', action: 'reply', state: 'pending' },
        { id: 'o1', action: 'reply', state: 'failed' },
      ]);
      expect(db.prepare('SELECT hidden FROM messages').pluck().all()).toEqual([0, 0]);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)").run();
    db.close();
  });

  it('runs each migration in one transaction: a failing one leaves the file at the last good version', () => {
    const db = new Database(join(tempDir(), 'w.sqlite'));
    const broken = [
      migrations[0]!,
      {
        version: 2,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a workspace written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = join(tempDir(), 'w.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = readFileSync(file);

    const error = openError(file);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('too_new');
    expect((error as Error).message).toMatch(/newer version of Switchboard/);
    expect((error as Error).message).toContain(String(LATEST_VERSION + 5));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database as corrupt and does not replace it', () => {
    const file = join(tempDir(), 'w.sqlite');
    const garbage = Buffer.from('this is a shopping list, not a database\n'.repeat(200));
    writeFileSync(file, garbage);
    const error = openError(file);
    expect(error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/damaged/) });
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('reports a database whose schema page is damaged as corrupt', () => {
    const file = join(tempDir(), 'w.sqlite');
    const db = openDatabase(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = readFileSync(file);
    // keep the 100-byte header, scribble over the rest of page 1 (the schema table's root)
    for (let i = 100; i < 4096; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(file, bytes);
    expect(openError(file)).toMatchObject({ code: 'corrupt' });
  });
});
