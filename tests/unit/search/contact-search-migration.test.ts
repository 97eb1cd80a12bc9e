import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/engine/db/migrate';
import { migrations } from '../../../main/engine/db/migrations';
import { openDatabase } from '../../../main/engine/db/open';
import { MessageSearch } from '../../../main/engine/search/message-search';
import { tempDir } from '../helpers/temp-dir';
import { indexIsConsistent } from '../helpers/inbound';

describe('migration 004: contact search', () => {
  it('indexes the authors of messages stored before it, and their words as before', () => {
    const file = join(tempDir(), 'w.sqlite');
    const old = new Database(file);
    migrate(old, migrations, 3);
    old.exec(`
      INSERT INTO accounts (id, platform, name, created_at) VALUES ('a', 'vk', 'Brand', 1);
      INSERT INTO contacts (id, account_id, platform_id, name, handle) VALUES ('k', 'a', 'u1', 'Zofia Wójcik', '@zofia_w');
      INSERT INTO conversations (id, account_id, platform_id, kind, contact_id, last_message_at, created_at, updated_at) VALUES ('c', 'a', 't1', 'dm', 'k', 2, 1, 1);
      INSERT INTO messages (id, conversation_id, platform_id, direction, visibility, author_contact_id, author_name, body, created_at)
        VALUES ('m1', 'c', 'p1', 'in', 'private', 'k', 'Zofia Wójcik', 'Paczka przyszła uszkodzona', 1);
      INSERT INTO messages (id, conversation_id, platform_id, direction, visibility, author_name, body, state, created_at)
        VALUES ('m2', 'c', 'p2', 'out', 'private', 'Brand', 'Przepraszamy, wysyłamy nową', 'sent', 2);
    `);
    old.close();

    const db = openDatabase(file);
    indexIsConsistent(db);
    const search = new MessageSearch(db);
    expect(search.search('wojcik', 10).hits.map((h) => h.messageId)).toEqual(['m1']);
    expect(search.search('from:zofia_w', 10).hits.map((h) => h.messageId)).toEqual(['m1']);
    expect(search.search('przepraszamy', 10).hits).toMatchObject([{ messageId: 'm2', contactName: 'Zofia Wójcik', platform: 'vk' }]);
    db.close();
  });
});
