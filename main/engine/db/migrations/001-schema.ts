import type { Migration } from './types';

/**
 * The data model of DESIGN.md ("Data"). Ids are client-generated ULIDs so a
 * future team hub can merge them; `messages.seq` is an INTEGER PRIMARY KEY so
 * the full-text index (002) has a rowid that VACUUM never renumbers.
 */
export const schema: Migration = {
  version: 1,
  name: 'schema',
  up: (db) =>
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        name TEXT NOT NULL,
        handle TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'error')),
        -- Non-secret connection settings (e.g. an API base URL). Tokens live in the SecretStore only.
        config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config)),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        platform_id TEXT NOT NULL,
        name TEXT NOT NULL,
        handle TEXT NOT NULL DEFAULT '',
        lang TEXT,
        UNIQUE (account_id, platform_id)
      ) STRICT;

      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        platform_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('dm', 'comment', 'mention', 'review')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'closed')),
        contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
        title TEXT NOT NULL DEFAULT '',
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        lang TEXT,
        priority REAL NOT NULL DEFAULT 0,
        sentiment REAL,
        sla_due_at INTEGER,
        assignee TEXT,
        snoozed_until INTEGER,
        last_message_at INTEGER NOT NULL,
        last_inbound_at INTEGER,
        preview TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (account_id, platform_id)
      ) STRICT;
      -- The inbox: one view is one status, newest first within a priority.
      CREATE INDEX conversations_by_status ON conversations (status, priority DESC, last_message_at DESC);
      CREATE INDEX conversations_by_recency ON conversations (priority DESC, last_message_at DESC);

      CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color TEXT NOT NULL
      ) STRICT;

      CREATE TABLE conversation_tags (
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (conversation_id, tag_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        platform_id TEXT,
        -- Set by the client for outbound messages, so a retried send never makes a second one.
        client_id TEXT UNIQUE,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
        author_contact_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
        author_name TEXT NOT NULL,
        body TEXT NOT NULL,
        lang TEXT,
        sentiment REAL,
        state TEXT CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        error TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        CHECK ((direction = 'in') = (state IS NULL))
      ) STRICT;
      CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at);
      CREATE UNIQUE INDEX messages_by_platform_id ON messages (conversation_id, platform_id) WHERE platform_id IS NOT NULL;
      -- Our replies not yet confirmed by the platform: a handful of rows, looked up for every outbound item a sync brings.
      CREATE INDEX messages_unconfirmed ON messages (conversation_id) WHERE direction = 'out' AND platform_id IS NULL;

      CREATE TABLE drafts (
        conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Agent actions that touch a platform, written in the same transaction as the local change.
      -- The row id doubles as the idempotency key for platforms that deduplicate.
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        message_id TEXT REFERENCES messages (id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('reply')),
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, not_before);

      CREATE TABLE sync_state (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        stream TEXT NOT NULL,
        cursor TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        backoff_until INTEGER,
        last_success_at INTEGER,
        last_error TEXT,
        PRIMARY KEY (account_id, stream)
      ) STRICT;

      -- Wire payloads that did not parse, kept with their error so nothing is silently dropped.
      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        stream TEXT NOT NULL,
        payload TEXT NOT NULL,
        error TEXT NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;

      -- Every local change to a conversation, with who did it: the record a team hub will sync.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
      ) STRICT;
      CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE custom_words (
        word TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT '',
        added_at INTEGER NOT NULL,
        PRIMARY KEY (word, lang)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE canned_replies (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        lang TEXT,
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        shortcut TEXT UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `),
};
