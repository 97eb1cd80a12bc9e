import type { Migration } from './types';

/**
 * The workspace's custom words (brand and product names) for spelling, one
 * list for every language: a brand is spelt the same in a Polish reply as in
 * an English one. A word is unique without regard to case, so "Northwind"
 * cannot be added twice as "northwind"; the spelling the agent added is kept,
 * with who added it. 001 made a per-language table nothing wrote to; any rows
 * it holds are kept, the earliest of each case-insensitive duplicate winning.
 */
export const customWords: Migration = {
  version: 6,
  name: 'custom-words',
  up: (db) =>
    db.exec(`
      CREATE TABLE custom_words_new (
        word TEXT PRIMARY KEY COLLATE NOCASE,
        added_at INTEGER NOT NULL,
        added_by TEXT NOT NULL
      ) STRICT;
      INSERT OR IGNORE INTO custom_words_new (word, added_at, added_by)
        SELECT word, added_at, 'system' FROM custom_words ORDER BY added_at;
      DROP TABLE custom_words;
      ALTER TABLE custom_words_new RENAME TO custom_words;
    `),
};
