import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseOpenError, isCorruption } from './errors';
import { assertNotTooNew, migrate } from './migrate';

export type Db = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (or creates) a workspace database and migrates it. A file that is not
 * a SQLite database, or whose schema cannot be read, is reported as corrupt and
 * left untouched — never silently replaced by an empty workspace.
 */
export function openDatabase(file: string): Db {
  assertLooksLikeSqlite(file);
  let db: Db | undefined;
  try {
    db = new Database(file);
    // Read-only checks first: a file we refuse must be left byte for byte as it was.
    // Reading the schema touches page 1 and the schema table: the cheapest honest check.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    assertNotTooNew(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // durable across app crashes in WAL mode; only an OS crash may lose the last commit
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000'); // 32 MiB
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof DatabaseOpenError) throw error;
    if (isCorruption(error)) throw corrupt(file, error);
    throw error;
  }
}

function assertLooksLikeSqlite(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) throw corrupt(file, new Error('missing SQLite header'));
}

function corrupt(file: string, cause: unknown): DatabaseOpenError {
  return new DatabaseOpenError(
    'corrupt',
    `The workspace database ${file} is damaged or is not a Switchboard database. It was left as it is; restore it from a backup or move it aside to start a new workspace.`,
    { cause },
  );
}
