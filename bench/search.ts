import type { Engine } from '../main/engine/engine';
import { toFtsMatch } from '../main/engine/search/fts-query';
import { parseSearchQuery } from '../main/engine/search/search-query';
import { call } from './calls';
import { yieldForSignals } from './interrupt';

export const SEARCH_LIMIT = 50;
export const SEARCH_ROUNDS = 10;

/**
 * What agents type: frequent words (huge posting lists, the slow case for
 * ranking), rare ones, two-word queries, half-typed prefixes, Russian and
 * Polish with and without diacritics, and one with no match. A trailing
 * space means the word was finished (no prefix match), as in the search box.
 */
export const SEARCH_QUERIES: readonly string[] = [
  'delivery', 'refund', 'order', 'broken', 'thanks', 'refu', 'deliv', 'tracking number', 'wrong size', 'charged twice', 'parcel locker',
  'kettle', 'Kestrel', 'warranty', 'courier ', 'return label', 'scuffed', 'ombudsman', 'xylophone',
  'доставка', 'заказ', 'возврат', 'спасибо', 'курьер', 'возв', 'деньги карту', 'промокод', 'самовар', 'трек номер',
  'zamówienie', 'zamowienie', 'zwrot', 'paczka', 'kurier', 'reklamacja', 'zwr', 'paczkomat', 'dziękuję ', 'samowar', 'zwrot pieniędzy',
];

/**
 * Filters as agents combine them with words, or use alone; timed through
 * `search.messages` only, as bare FTS5 has no filters to compare with. The
 * dataset has one sandbox account and no tags.
 */
export const FILTERED_QUERIES: readonly string[] = [
  'refund status:open', 'kurier status:pending', 'заказ lang:ru', 'delivery after:2025-06-01', 'from:anna', 'from:kowal', 'from:anna refund',
  'status:closed', 'status:snoozed', 'platform:sandbox lang:pl', 'after:2025-06-20 status:open',
];

/**
 * Bare FTS5 ranking every match by bm25: what the engine's search did before
 * it ranked only a window of the newest matches, kept as the yardstick.
 */
const RAW_FTS5 = `SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rank LIMIT ${SEARCH_LIMIT}`;

export interface QueryTiming {
  query: string;
  /** All messages the query matches; bare FTS5 ranks every one of them to return the best 50. */
  matches: number;
  engine: number[];
  raw: number[];
}

/**
 * Each query through `search.messages` and as the bare FTS5 query with the
 * same match string, alternating so both see the same cache state. One
 * untimed round first, then SEARCH_ROUNDS timed rounds.
 */
export async function timeSearch(engine: Engine): Promise<QueryTiming[]> {
  const raw = engine.db.prepare<[string], number>(RAW_FTS5).pluck();
  const count = engine.db.prepare<[string], number>('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck();
  const timings = SEARCH_QUERIES.map((query) => {
    const match = toFtsMatch(parseSearchQuery(query, Date.now()));
    if (match === null) throw new Error(`search query ${JSON.stringify(query)} has nothing searchable`);
    return { query, match, matches: count.get(match)!, engine: [] as number[], raw: [] as number[] };
  });
  for (let round = 0; round <= SEARCH_ROUNDS; round++) {
    for (const timing of timings) {
      let started = performance.now();
      const { hits } = await call(engine, 'search.messages', { query: timing.query, limit: SEARCH_LIMIT });
      const engineMs = performance.now() - started;
      started = performance.now();
      const rowids = raw.all(timing.match);
      const rawMs = performance.now() - started;
      if (hits.length !== rowids.length) throw new Error(`search ${JSON.stringify(timing.query)}: ${hits.length} hits, bare FTS5 found ${rowids.length}`);
      await yieldForSignals(); // a frequent word takes a few hundred ms at scale 1
      if (round === 0) continue;
      timing.engine.push(engineMs);
      timing.raw.push(rawMs);
    }
  }
  return timings.map(({ query, matches, engine: engineMs, raw: rawMs }) => ({ query, matches, engine: engineMs, raw: rawMs }));
}

export interface FilteredTiming {
  query: string;
  hits: number;
  engine: number[];
}

/** Each filtered query through `search.messages`: one untimed round, then SEARCH_ROUNDS timed rounds. */
export async function timeFilteredSearch(engine: Engine): Promise<FilteredTiming[]> {
  const timings = FILTERED_QUERIES.map((query) => ({ query, hits: 0, engine: [] as number[] }));
  for (let round = 0; round <= SEARCH_ROUNDS; round++) {
    for (const timing of timings) {
      const started = performance.now();
      const { hits, ignored } = await call(engine, 'search.messages', { query: timing.query, limit: SEARCH_LIMIT });
      const elapsed = performance.now() - started;
      if (ignored.length > 0) throw new Error(`search ${JSON.stringify(timing.query)} ignored ${JSON.stringify(ignored)}`);
      timing.hits = hits.length;
      await yieldForSignals();
      if (round > 0) timing.engine.push(elapsed);
    }
  }
  return timings;
}
