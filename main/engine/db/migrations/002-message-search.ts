import type { Migration } from './types';

/**
 * Full-text search over message bodies: an external-content FTS5 index kept
 * in step by triggers. `remove_diacritics 2` lets "zolty" find "żółty" and
 * "ё"/"е" variants match. The update trigger fires only when the body changes,
 * so outbound state changes (queued → sent) never touch the index.
 */
export const messageSearch: Migration = {
  version: 2,
  name: 'message-search',
  up: (db) =>
    db.exec(`
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body,
        content = 'messages',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, body) VALUES (new.seq, new.body);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.seq, old.body);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.seq, old.body);
        INSERT INTO messages_fts (rowid, body) VALUES (new.seq, new.body);
      END;
      -- Index what a version-1 workspace already holds.
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
    `),
};
