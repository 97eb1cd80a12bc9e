import type { Migration } from './types';

/**
 * Who an account is on its platform (the bot's id from getMe, the page's id from /me): a new
 * token is accepted by `accounts.reconnect` only for the same one, and the same bot or page is
 * never connected twice. Null for accounts made before it was recorded (the demo sandbox).
 */
export const accountIdentity: Migration = {
  version: 8,
  name: 'account-identity',
  up: (db) =>
    db.exec(`
      ALTER TABLE accounts ADD COLUMN platform_account_id TEXT;
      CREATE UNIQUE INDEX accounts_by_platform_identity ON accounts (platform, platform_account_id) WHERE platform_account_id IS NOT NULL;
    `),
};
