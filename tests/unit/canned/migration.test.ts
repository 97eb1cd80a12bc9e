import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CannedRepo } from '../../../main/engine/canned/repo';
import { migrate } from '../../../main/engine/db/migrate';
import { migrations } from '../../../main/engine/db/migrations';
import { openDatabase } from '../../../main/engine/db/open';
import { tempDir } from '../helpers/temp-dir';

describe('migration 005: canned replies', () => {
  it("rebuilds 001's table, carrying over the rows that fit the library's rules", () => {
    const file = join(tempDir(), 'w.sqlite');
    const old = new Database(file);
    migrate(old, migrations, 4);
    old.exec(`
      INSERT INTO canned_replies (id, title, body, lang, tags, shortcut, created_at, updated_at) VALUES
        ('r1', 'Thanks', 'Thank you!', 'de', '["a"]', 'Thanks', 1, 2),
        ('r2', 'Not tags', 'Body', 'en', '{"a": 1}', NULL, 1, 1);
    `);
    old.close();

    const db = openDatabase(file);
    const repo = new CannedRepo(db);
    // An unknown language becomes "any language"; the shortcut is kept in lower case; tags that are not a list cannot be carried.
    expect(repo.list()).toEqual([{ id: 'r1', title: 'Thanks', body: 'Thank you!', lang: null, tags: ['a'], shortcut: 'thanks', createdAt: 1, updatedAt: 2, lastUsedAt: null }]);
    expect(repo.idOfShortcut('thanks')).toBe('r1');
    db.close();
  });
});
