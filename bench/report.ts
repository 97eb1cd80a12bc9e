import { RENDERER_LABELS, type RendererFigures } from './renderer';
import { SENTIMENT_LABELS, type SentimentFigures } from './sentiment';
import { SPELL_LABELS, type SpellFigures } from './spell';
import { percentile } from './stats';
import type { FilteredTiming, QueryTiming } from './search';

/** The figures of one run; the names are the keys of the JSON line. */
export interface Figures extends EngineFigures, SentimentFigures, SpellFigures, RendererFigures {}

/** What the engine half of the run measures on the generated dataset. */
export interface EngineFigures {
  scale: number;
  conversations: number;
  messages: number;
  ingest_seconds: number;
  ingest_msgs_per_s: number;
  raw_insert_seconds: number;
  raw_insert_msgs_per_s: number;
  ingest_vs_raw_ratio: number;
  inbox_page_p50_ms: number;
  inbox_page_p95_ms: number;
  inbox_page_deep_p50_ms: number;
  inbox_page_deep_p95_ms: number;
  search_p50_ms: number;
  search_p95_ms: number;
  raw_fts5_p50_ms: number;
  raw_fts5_p95_ms: number;
  search_vs_raw_fts5_ratio: number;
  search_filtered_p50_ms: number;
  search_filtered_p95_ms: number;
  db_size_mb: number;
  rss_mb: number;
}

const LABELS: Record<keyof Figures, string> = {
  scale: 'scale',
  conversations: 'conversations',
  messages: 'messages',
  ingest_seconds: 'engine ingest, s',
  ingest_msgs_per_s: 'engine ingest, msg/s',
  raw_insert_seconds: 'raw insert (no FTS), s',
  raw_insert_msgs_per_s: 'raw insert (no FTS), msg/s',
  ingest_vs_raw_ratio: 'ingest vs raw (raw s / engine s)',
  inbox_page_p50_ms: 'inbox first page p50, ms',
  inbox_page_p95_ms: 'inbox first page p95, ms',
  inbox_page_deep_p50_ms: 'inbox page at offset 5000 p50, ms',
  inbox_page_deep_p95_ms: 'inbox page at offset 5000 p95, ms',
  search_p50_ms: 'search.messages p50, ms',
  search_p95_ms: 'search.messages p95, ms',
  raw_fts5_p50_ms: 'bare FTS5 p50, ms',
  raw_fts5_p95_ms: 'bare FTS5 p95, ms',
  search_vs_raw_fts5_ratio: 'search vs bare FTS5 (p95 / p95)',
  search_filtered_p50_ms: 'search.messages with filters p50, ms',
  search_filtered_p95_ms: 'search.messages with filters p95, ms',
  db_size_mb: 'workspace database, MB',
  rss_mb: 'RSS after ingest, MB',
  ...SENTIMENT_LABELS,
  ...SPELL_LABELS,
  ...RENDERER_LABELS,
};

export function figuresTable(figures: Figures): string {
  const width = Math.max(...Object.values(LABELS).map((label) => label.length));
  return (Object.keys(LABELS) as (keyof Figures)[]).map((key) => `  ${LABELS[key].padEnd(width)}  ${figures[key].toLocaleString('en-US')}`).join('\n');
}

/** Per-query medians, so a slow p95 can be traced to the queries that make it. */
export function searchTable(timings: readonly QueryTiming[]): string {
  const width = Math.max(...timings.map(({ query }) => JSON.stringify(query).length));
  const header = `  ${'query'.padEnd(width)}  ${'matches'.padStart(9)}  ${'search p50'.padStart(10)}  ${'FTS5 p50'.padStart(10)}`;
  const rows = timings.map(
    ({ query, matches, engine, raw }) =>
      `  ${JSON.stringify(query).padEnd(width)}  ${String(matches).padStart(9)}  ${percentile(engine, 50).toFixed(3).padStart(10)}  ${percentile(raw, 50).toFixed(3).padStart(10)}`,
  );
  return [header, ...rows].join('\n');
}

/** Per-query medians of the filtered queries, with how many hits each returned. */
export function filteredSearchTable(timings: readonly FilteredTiming[]): string {
  const width = Math.max(...timings.map(({ query }) => JSON.stringify(query).length));
  const header = `  ${'query'.padEnd(width)}  ${'hits'.padStart(9)}  ${'search p50'.padStart(10)}`;
  const rows = timings.map(({ query, hits, engine }) => `  ${JSON.stringify(query).padEnd(width)}  ${String(hits).padStart(9)}  ${percentile(engine, 50).toFixed(3).padStart(10)}`);
  return [header, ...rows].join('\n');
}
