import { join } from 'node:path';
import type { Platform } from '../../../shared/domain';
import { openDatabase } from '../../../main/engine/db/open';
import { AccountsRepo } from '../../../main/engine/db/repos/accounts';
import { Ingestor, type InboundItem } from '../../../main/engine/inbox/ingest';
import { MessageSearch } from '../../../main/engine/search/message-search';
import { createIdGenerator } from '../../../main/engine/support/ids';
import { tempDir } from '../helpers/temp-dir';

export const NOW = new Date(2025, 5, 15, 12, 0).getTime();

/** A real workspace file with one account per platform, fed through the engine's Ingestor. */
export function searchWorkspace() {
  const db = openDatabase(join(tempDir(), 'w.sqlite'));
  const accounts = new AccountsRepo(db);
  const ingestor = new Ingestor(db, createIdGenerator(() => NOW), () => NOW);
  const made = new Set<Platform>();
  const ingest = (items: InboundItem[], platform: Platform = 'sandbox') => {
    if (!made.has(platform)) {
      accounts.insert({ id: platform, platform, name: 'Northwind', handle: '@northwind', status: 'active', config: {} }, 1);
      made.add(platform);
    }
    return db.transaction(() => ingestor.ingest(platform, items))();
  };
  const search = new MessageSearch(db, () => NOW);
  return { db, ingest, search, find: (query: string, limit = 50) => search.search(query, limit) };
}
