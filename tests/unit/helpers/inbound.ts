import type { InboundItem } from '../../../main/engine/inbox/ingest';
import type { Db } from '../../../main/engine/db/open';

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
