import type { Migration } from './types';

/**
 * A canned use belongs to the reply that carried it: a reply taken back in
 * its undo window is deleted, and its use goes with it, so "sent unchanged to
 * N customers" counts only what customers got. The index serves that cascade
 * (without it every message delete would scan the uses).
 */
export const cannedUseMessage: Migration = {
  version: 7,
  name: 'canned-use-message',
  up: (db) =>
    db.exec(`
      ALTER TABLE canned_uses ADD COLUMN message_id TEXT REFERENCES messages (id) ON DELETE CASCADE;
      CREATE INDEX canned_uses_by_message ON canned_uses (message_id) WHERE message_id IS NOT NULL;
    `),
};
