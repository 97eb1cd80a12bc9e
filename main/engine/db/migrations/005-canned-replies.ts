import type { Migration } from './types';

/**
 * The canned-reply library and a record of its uses. 001 made a first
 * `canned_replies` that nothing wrote to; it is rebuilt with the rules the
 * library keeps: a known language or none, tags a JSON array, shortcuts
 * stored in lower case (see CannedShortcut) and unique. Rows a hand-edited
 * workspace may hold are carried over where they fit those rules.
 *
 * `canned_uses` is what the repeated-canned check asks ("sent unchanged to
 * more than N customers in the last 24 hours") and what the picker ranks
 * recent replies by. A deleted reply takes its uses with it: it can no longer
 * be picked or repeated.
 *
 * The default library is not seeded here but at engine start
 * (main/engine/canned/defaults.ts), so the resources can improve without a
 * new migration.
 */
export const cannedReplies: Migration = {
  version: 5,
  name: 'canned-replies',
  up: (db) =>
    db.exec(`
      ALTER TABLE canned_replies RENAME TO canned_replies_001;

      CREATE TABLE canned_replies (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        lang TEXT CHECK (lang IN ('en', 'ru', 'pl')),
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        shortcut TEXT UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      INSERT OR IGNORE INTO canned_replies (id, title, body, lang, tags, shortcut, created_at, updated_at)
        SELECT id, title, body, CASE WHEN lang IN ('en', 'ru', 'pl') THEN lang END, tags, lower(shortcut), created_at, updated_at
        FROM canned_replies_001;
      DROP TABLE canned_replies_001;

      CREATE TABLE canned_uses (
        canned_reply_id TEXT NOT NULL REFERENCES canned_replies (id) ON DELETE CASCADE,
        conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL,
        contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
        unchanged INTEGER NOT NULL CHECK (unchanged IN (0, 1)),
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX canned_uses_by_reply ON canned_uses (canned_reply_id, at);
    `),
};
