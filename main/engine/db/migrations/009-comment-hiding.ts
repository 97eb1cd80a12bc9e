import type { Migration } from './types';

/**
 * Hiding a customer's comment from the public (DESIGN.md: every agent action that touches a
 * platform goes through the outbox). `messages.hidden` is the agent's latest wish, shown at once;
 * the outbox carries it to the platform as a `hide` or `unhide` row on the comment's message.
 *
 * SQLite cannot widen a CHECK in place, so the outbox is rebuilt with the two new actions. Rows are
 * copied in rowid order: the outbox uses rowid to tell which of a message's hide/unhide rows is the
 * newest (OutboxRepo.superseded). Nothing references the outbox, so dropping it is safe under
 * foreign keys; the copy runs in the migration's transaction, so a crash leaves the old table.
 */
export const commentHiding: Migration = {
  version: 9,
  name: 'comment-hiding',
  up: (db) =>
    db.exec(`
      ALTER TABLE messages ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));

      CREATE TABLE outbox_next (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        message_id TEXT REFERENCES messages (id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('reply', 'hide', 'unhide')),
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO outbox_next (id, account_id, conversation_id, message_id, action, payload, state, attempts, not_before, last_error, created_at, updated_at)
        SELECT id, account_id, conversation_id, message_id, action, payload, state, attempts, not_before, last_error, created_at, updated_at
        FROM outbox ORDER BY rowid;
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;
      CREATE INDEX outbox_due ON outbox (state, not_before);
      -- A message's rows: its reply's state, its latest hide or unhide, and the cascade when it is deleted.
      CREATE INDEX outbox_by_message ON outbox (message_id);
    `),
};
