import type { Database } from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import { migrations as allMigrations, type Migration } from './migrations';

/**
 * Brings a database up to the latest schema. Each migration runs in its own
 * transaction together with the `user_version` bump, so a crash leaves the file
 * at a version it fully reached. A file from a newer Switchboard is refused
 * rather than guessed at.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations, target = migrations.at(-1)?.version ?? 0): number {
  const current = assertNotTooNew(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** Returns the file's schema version, or refuses a file from a newer Switchboard. */
export function assertNotTooNew(db: Database, migrations: readonly Migration[] = allMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new DatabaseOpenError(
      'too_new',
      `This workspace was saved by a newer version of Switchboard (data format ${current}; this version reads up to ${latest}). Update Switchboard to open it; the file was not changed.`,
    );
  }
  return current;
}
