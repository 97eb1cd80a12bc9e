import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/engine/db/open';
import { createRepos } from '../../../main/engine/db/repos';
import { Ingestor, type InboundItem } from '../../../main/engine/inbox/ingest';
import { createIdGenerator } from '../../../main/engine/support/ids';
import { tempDir } from './temp-dir';

/** A workspace file with one sandbox account and an ingestor on a clock the test moves. */
export function ingestWorkspace() {
  const db = openDatabase(join(tempDir(), 'w.sqlite'));
  const repos = createRepos(db);
  let clock = 1_000_000;
  const now = () => clock;
  repos.accounts.insert({ id: 'acc', platform: 'sandbox', name: 'Northwind', handle: '@nw', status: 'active', config: {} }, 1);
  const ingestor = new Ingestor(db, createIdGenerator(now), now);
  const ingest = (items: InboundItem[], readAt?: number) => db.transaction(() => ingestor.ingest('acc', items, readAt))();
  return { db, repos, ingest, now, tick: (ms: number) => (clock += ms) };
}

let n = 0;
/** A customer's message in thread `thread`, written by `author` (default: the thread's own customer). */
export function message(thread: string, body: string, at: number, extra: Partial<InboundItem> = {}): InboundItem {
  n++;
  return {
    platformId: `m${n}`,
    thread: { platformId: thread, kind: 'dm', title: '', rating: null },
    author: { platformId: `u-${thread}`, name: `Customer ${thread}`, handle: `@${thread}` },
    lang: 'en',
    body,
    createdAt: at,
    direction: 'in',
    visibility: 'private',
    ...extra,
  };
}

/** The brand's own answer in thread `thread`, as a platform's feed shows it. */
export function reply(thread: string, body: string, at: number): InboundItem {
  return message(thread, body, at, { direction: 'out', author: { platformId: 'brand', name: 'Northwind', handle: '@northwind' } });
}

/** FTS5's own check that the index holds exactly what its content says. */
export function indexIsConsistent(db: Db): void {
  db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)").run();
}
