import type { Migration } from './types';

/**
 * Triage: a sentiment class and a waiting clock per conversation, agents to
 * assign to, and indexes that let every view and sort walk an index.
 *
 * - `waiting_since` is the customer's first message we have not answered yet;
 *   `sla_due_at` is that plus the first-response target in business hours. Both
 *   are NULL when nothing waits on us.
 * - `priority` holds the time-independent part of the score (sentiment class
 *   and score, weighted); the clock part is applied by ordering on `sla_due_at`
 *   and then `waiting_since`, which gives the same order as adding the clock's
 *   points while keeping the order in an index (see shared/triage/priority.ts).
 */
export const triage: Migration = {
  version: 3,
  name: 'triage',
  up: (db) =>
    db.exec(`
      ALTER TABLE conversations ADD COLUMN sentiment_label TEXT NOT NULL DEFAULT 'neutral'
        CHECK (sentiment_label IN ('negative', 'neutral', 'positive'));
      ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;

      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        is_me INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX agents_one_me ON agents (is_me) WHERE is_me = 1;
      INSERT INTO agents (id, name, is_me, created_at) VALUES ('me', 'Me', 1, 0);

      DROP INDEX conversations_by_status;
      DROP INDEX conversations_by_recency;
      -- One index per (view, sort) the inbox offers, each ending in last_message_at
      -- so that ties page stably. Items without a clock sort after those with one.
      CREATE INDEX conversations_by_priority ON conversations (status, priority DESC, sla_due_at IS NULL, sla_due_at, waiting_since, last_message_at DESC);
      CREATE INDEX conversations_by_due ON conversations (status, sla_due_at IS NULL, sla_due_at, last_message_at DESC);
      CREATE INDEX conversations_by_recency ON conversations (status, last_message_at);
      CREATE INDEX conversations_all_by_priority ON conversations (priority DESC, sla_due_at IS NULL, sla_due_at, waiting_since, last_message_at DESC);
      CREATE INDEX conversations_all_by_due ON conversations (sla_due_at IS NULL, sla_due_at, last_message_at DESC);
      CREATE INDEX conversations_all_by_recency ON conversations (last_message_at);
      CREATE INDEX conversations_by_assignee ON conversations (assignee, status) WHERE assignee IS NOT NULL;
      CREATE INDEX conversations_snoozed ON conversations (snoozed_until) WHERE status = 'snoozed';
      CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag_id, conversation_id);
    `),
};
