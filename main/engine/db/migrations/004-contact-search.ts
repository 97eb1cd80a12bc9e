import type { Migration } from './types';

/**
 * Search over who wrote a message as well as what it says. The body index of
 * 002 is rebuilt with a second column, `who`: the name and handle of the
 * message's author contact (empty for our own replies, which have none). One
 * FTS5 table, not a separate contacts index, so that every query word may
 * match either column of the same row: "kowalski refund" finds Jan Kowalski's
 * message about a refund in one index walk, ranked by bm25 like any other
 * match, and `from:` is a column filter on `who`.
 *
 * The index is external-content over a view, because `who` lives in
 * `contacts`. FTS5 must be told exactly what it indexed when a row leaves, so
 * `who` is always derived from the row's `author_contact_id` and the contact's
 * current name and handle, and every change to either re-indexes the affected
 * rows with the values they were indexed with:
 * - a message's body or author changes: its row, old author first;
 * - a contact is renamed: its messages, with the old name and handle;
 * - a contact is deleted: before the row goes, its messages are re-indexed
 *   with an empty `who`, which is what the foreign key's SET NULL leaves and
 *   what a later delete of the message will then compute.
 */
export const contactSearch: Migration = {
  version: 4,
  name: 'contact-search',
  up: (db) =>
    db.exec(`
      DROP TRIGGER messages_fts_insert;
      DROP TRIGGER messages_fts_delete;
      DROP TRIGGER messages_fts_update;
      DROP TABLE messages_fts;

      CREATE VIEW message_search_source AS
        SELECT m.seq, m.body, coalesce(k.name || ' ' || k.handle, '') AS who
        FROM messages m LEFT JOIN contacts k ON k.id = m.author_contact_id;

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body,
        who,
        content = 'message_search_source',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, body, who)
          VALUES (new.seq, new.body, coalesce((SELECT name || ' ' || handle FROM contacts WHERE id = new.author_contact_id), ''));
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body, who)
          VALUES ('delete', old.seq, old.body, coalesce((SELECT name || ' ' || handle FROM contacts WHERE id = old.author_contact_id), ''));
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body, author_contact_id ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body, who)
          VALUES ('delete', old.seq, old.body, coalesce((SELECT name || ' ' || handle FROM contacts WHERE id = old.author_contact_id), ''));
        INSERT INTO messages_fts (rowid, body, who)
          VALUES (new.seq, new.body, coalesce((SELECT name || ' ' || handle FROM contacts WHERE id = new.author_contact_id), ''));
      END;

      -- Finds a contact's messages for the two triggers below (a rename touches
      -- tens of rows, not the whole table).
      CREATE INDEX messages_by_author ON messages (author_contact_id) WHERE author_contact_id IS NOT NULL;

      CREATE TRIGGER contacts_fts_rename AFTER UPDATE OF name, handle ON contacts BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body, who)
          SELECT 'delete', seq, body, old.name || ' ' || old.handle FROM messages WHERE author_contact_id = old.id;
        INSERT INTO messages_fts (rowid, body, who)
          SELECT seq, body, new.name || ' ' || new.handle FROM messages WHERE author_contact_id = new.id;
      END;
      CREATE TRIGGER contacts_fts_delete BEFORE DELETE ON contacts BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body, who)
          SELECT 'delete', seq, body, old.name || ' ' || old.handle FROM messages WHERE author_contact_id = old.id;
        INSERT INTO messages_fts (rowid, body, who)
          SELECT seq, body, '' FROM messages WHERE author_contact_id = old.id;
      END;

      -- Index what an earlier workspace already holds.
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
    `),
};
