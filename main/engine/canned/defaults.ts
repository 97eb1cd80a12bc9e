import { z } from 'zod';
import { CannedReplyFields } from '../../../shared/domain';
import type { Repos } from '../db/repos';
// Imported, not read from disk, so esbuild inlines them into the engine bundle
// and they are found the same way from source (tsx, vitest) and from dist/.
import en from '../../../resources/canned-replies/en.json';
import pl from '../../../resources/canned-replies/pl.json';
import ru from '../../../resources/canned-replies/ru.json';

/** The library a new workspace starts with: the common cases in English, Russian and Polish. */
export function defaultLibrary(): CannedReplyFields[] {
  return z.array(CannedReplyFields.strict()).parse([...en, ...ru, ...pl]);
}

const SEEDED_KEY = 'canned.seeded';

/**
 * Puts the default library into a workspace once in its life. The settings
 * flag, not an empty table, is what says "once": an agent who deletes every
 * default reply does not get them back at the next start. The replies and
 * the flag are two writes; a start interrupted between them finds replies and
 * only writes the flag, instead of seeding twice.
 */
export function seedDefaultLibrary(repos: Repos, newId: () => string, now: () => number): void {
  if (repos.settings.get(SEEDED_KEY, z.boolean(), false)) return;
  if (repos.canned.list().length === 0) {
    const at = now();
    repos.canned.insertAll(defaultLibrary().map((fields) => ({ ...fields, id: newId(), createdAt: at, updatedAt: at })));
  }
  repos.settings.set(SEEDED_KEY, true);
}
