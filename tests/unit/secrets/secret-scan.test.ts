import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecretsInDir, findSecretsInValues } from '../helpers/secret-scan';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'EAAB-test-token-Zx81';
const OTHER = 'токен-для-теста';

/** A WAL-mode database that stays open, so what was written sits in the -wal file until `checkpoint`. */
function database(dir: string, encoding: 'UTF-8' | 'UTF-16le' = 'UTF-8') {
  const db = new Database(join(dir, 'workspace.sqlite'));
  db.pragma(`encoding = '${encoding}'`);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE notes (body TEXT)');
  return db;
}

describe('the secret scanner', () => {
  it('finds a token still in the -wal file of an open database', () => {
    const dir = tempDir();
    const db = database(dir);
    try {
      db.prepare('INSERT INTO notes (body) VALUES (?)').run(`Authorization: Bearer ${TOKEN}`);
      expect(findSecretsInDir(dir, [TOKEN, OTHER])).toEqual([{ secret: TOKEN, where: 'workspace.sqlite-wal', encoding: 'utf8' }]);
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(findSecretsInDir(dir, [TOKEN])).toEqual([{ secret: TOKEN, where: 'workspace.sqlite', encoding: 'utf8' }]);
    } finally {
      db.close();
    }
  });

  it('finds a token in a UTF-16 database, and in logs anywhere below the folder', () => {
    const dir = tempDir();
    const db = database(dir, 'UTF-16le');
    try {
      db.prepare('INSERT INTO notes (body) VALUES (?)').run(OTHER);
      mkdirSync(join(dir, 'logs'));
      writeFileSync(join(dir, 'logs', 'engine.log'), `2026-11-29 sync failed for token ${TOKEN}\n`);
      writeFileSync(join(dir, 'crash.log'), Buffer.from(`token=${TOKEN}`, 'utf16le'));
      expect(findSecretsInDir(dir, [TOKEN, OTHER])).toEqual([
        { secret: TOKEN, where: 'crash.log', encoding: 'utf16le' },
        { secret: TOKEN, where: join('logs', 'engine.log'), encoding: 'utf8' },
        { secret: OTHER, where: 'workspace.sqlite-wal', encoding: 'utf16le' },
      ]);
    } finally {
      db.close();
    }
  });

  it('passes a workspace that holds everything but the tokens', () => {
    const dir = tempDir();
    const db = database(dir);
    try {
      db.prepare('INSERT INTO notes (body) VALUES (?)').run('account acc-1 connected; token kept in the keychain');
      writeFileSync(join(dir, 'engine.log'), 'sync ok for acc-1\n');
      expect(findSecretsInDir(dir, [TOKEN, OTHER])).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('finds a token anywhere in values bound for the renderer, in a key or deep in a string', () => {
    const events = [
      { name: 'accounts.changed', payload: { accounts: [{ id: 'acc-1', status: 'connected' }] } },
      { name: 'sync.error', payload: { detail: { message: `401 for ${TOKEN}` } } },
      { name: 'debug', payload: { [OTHER]: true, bytes: Buffer.from(TOKEN, 'utf16le') } },
    ];
    expect(findSecretsInValues(events, [TOKEN, OTHER])).toEqual([
      { secret: TOKEN, where: '[1].payload.detail.message', encoding: 'utf8' },
      { secret: OTHER, where: `[2].payload.${OTHER}`, encoding: 'utf8' },
      { secret: TOKEN, where: '[2].payload.bytes', encoding: 'utf16le' },
    ]);
    expect(findSecretsInValues(events.slice(0, 1), [TOKEN, OTHER])).toEqual([]);
  });

  it('refuses an empty token, which every file would contain', () => {
    expect(() => findSecretsInDir(tempDir(), [''])).toThrow(/empty string is not a secret/);
  });
});
