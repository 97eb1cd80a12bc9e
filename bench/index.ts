/**
 * `npm run bench -- [--scale F]`: ingest throughput against a raw-insert
 * baseline, inbox page latency and search latency against bare FTS5, all on
 * one generated dataset in one run; then sentiment accuracy on the labelled
 * fixtures, the spell worker (bench/spell), and the renderer in Chromium on
 * 100,000 conversations whatever the scale (bench/renderer). Progress and a table go to stderr; the
 * last line on stdout is the figures as JSON. It measures and reports only —
 * targets are judged by whoever reads the numbers.
 */
import { join } from 'node:path';
import type { Account } from '../main/engine/db/repos/accounts';
import { Engine } from '../main/engine/engine';
import { createIdGenerator } from '../main/engine/support/ids';
import { parseBenchArgs, UsageError } from './args';
import { Interrupted, trapSignals } from './interrupt';
import { fileSizeMb, fingerprint, openBaselineDatabase } from './databases';
import { generateDataset } from './dataset';
import { settleHeap } from './heap';
import { applyStatusMix, DEEP_OFFSET, timeInboxPage } from './inbox';
import { engineIngest, planRawInsert, rawInsert } from './ingest';
import { BRAND } from './language/pack';
import { measureRenderer } from './renderer';
import { figuresTable, filteredSearchTable, searchTable, type EngineFigures, type Figures } from './report';
import { timeFilteredSearch, timeSearch } from './search';
import { sentimentAccuracy, sentimentThroughput } from './sentiment';
import { measureSpell } from './spell';
import { elapsedMs, percentile, round } from './stats';
import { createTempDir } from './temp-dir';

const MB = 1024 * 1024;
const benchStarted = performance.now();

function progress(message: string): void {
  process.stderr.write(`[${(elapsedMs(benchStarted) / 1000).toFixed(1).padStart(6)}s] ${message}\n`);
}

interface IngestFigures {
  conversations: number;
  messages: number;
  ingestSeconds: number;
  rawSeconds: number;
  rssMb: number;
}

/**
 * Generates the dataset and writes it twice: plain INSERTs into a schema
 * without search, then the engine's ingest into the engine's workspace. The
 * dataset is dropped when this returns, so the read timings that follow do
 * not pay for garbage collection over a heap no real engine would hold.
 */
async function ingestPhase(scale: number, dir: string, engine: Engine): Promise<IngestFigures> {
  progress(`scale ${scale}: generating the dataset`);
  const started = performance.now();
  const { items, conversations, contacts } = generateDataset(scale);
  progress(`${items.length.toLocaleString('en-US')} messages, ${conversations.toLocaleString('en-US')} conversations, ${contacts.toLocaleString('en-US')} contacts (${(elapsedMs(started) / 1000).toFixed(1)} s)`);

  const account: Account = { id: createIdGenerator()(), platform: 'sandbox', name: BRAND.name, handle: BRAND.handle, status: 'active', config: {} };
  engine.repos.accounts.insert(account, Date.now());

  const baseline = openBaselineDatabase(join(dir, 'raw.sqlite'), engine.db);
  let rawSeconds: number;
  let stored: string;
  try {
    // The baseline stays at schema version 1, older than the accounts repository: its one row goes in as plain SQL.
    baseline
      .prepare('INSERT INTO accounts (id, platform, name, handle, status, config, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(account.id, account.platform, account.name, account.handle, account.status, '{}', Date.now());
    progress('raw baseline: planning rows and ids (untimed)');
    const plan = planRawInsert(account.id, items);
    progress('raw baseline: inserting into a schema without full-text search');
    rawSeconds = await rawInsert(baseline, plan, items);
    progress(`raw baseline: ${rawSeconds.toFixed(2)} s, ${fileSizeMb(baseline).toFixed(1)} MB`);
    stored = fingerprint(baseline);
  } finally {
    baseline.close();
  }

  progress('engine: ingesting through Ingestor, one transaction per page');
  const ingestSeconds = await engineIngest(engine.db, account.id, items);
  const rssMb = process.memoryUsage().rss / MB;
  progress(`engine: ${ingestSeconds.toFixed(2)} s`);
  if (fingerprint(engine.db) !== stored) throw new Error('the raw baseline stored different rows than the engine; the ratio would be meaningless');
  return { conversations, messages: items.length, ingestSeconds, rawSeconds, rssMb };
}

async function run(scale: number, dir: string): Promise<EngineFigures> {
  const engine = new Engine({ dataDir: join(dir, 'engine'), log: (message) => progress(`engine: ${message}`) });
  try {
    const { conversations, messages, ingestSeconds, rawSeconds, rssMb } = await ingestPhase(scale, dir, engine);

    applyStatusMix(engine.db);
    engine.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbSizeMb = fileSizeMb(engine.db);
    await settleHeap();

    progress('inbox: timing the first page of needs_reply');
    const inbox = await timeInboxPage(engine, 0);
    progress(`inbox: timing the page at offset ${DEEP_OFFSET}`);
    const inboxDeep = await timeInboxPage(engine, DEEP_OFFSET);
    progress('search: timing search.messages and bare FTS5');
    const started = performance.now();
    const search = await timeSearch(engine);
    progress(`search: done (${(elapsedMs(started) / 1000).toFixed(1)} s)`);
    process.stderr.write(`${searchTable(search)}\n`);
    const filtered = await timeFilteredSearch(engine);
    process.stderr.write(`${filteredSearchTable(filtered)}\n`);
    const filteredSamples = filtered.flatMap((timing) => timing.engine);

    const searchSamples = search.flatMap((timing) => timing.engine);
    const rawSamples = search.flatMap((timing) => timing.raw);
    const searchP95 = percentile(searchSamples, 95);
    const rawP95 = percentile(rawSamples, 95);
    return {
      scale,
      conversations,
      messages,
      ingest_seconds: round(ingestSeconds, 2),
      ingest_msgs_per_s: Math.round(messages / ingestSeconds),
      raw_insert_seconds: round(rawSeconds, 2),
      raw_insert_msgs_per_s: Math.round(messages / rawSeconds),
      ingest_vs_raw_ratio: round(rawSeconds / ingestSeconds, 3),
      inbox_page_p50_ms: round(percentile(inbox, 50), 3),
      inbox_page_p95_ms: round(percentile(inbox, 95), 3),
      inbox_page_deep_p50_ms: round(percentile(inboxDeep, 50), 3),
      inbox_page_deep_p95_ms: round(percentile(inboxDeep, 95), 3),
      search_p50_ms: round(percentile(searchSamples, 50), 3),
      search_p95_ms: round(searchP95, 3),
      raw_fts5_p50_ms: round(percentile(rawSamples, 50), 3),
      raw_fts5_p95_ms: round(rawP95, 3),
      search_vs_raw_fts5_ratio: round(searchP95 / rawP95, 3),
      search_filtered_p50_ms: round(percentile(filteredSamples, 50), 3),
      search_filtered_p95_ms: round(percentile(filteredSamples, 95), 3),
      db_size_mb: round(dbSizeMb, 1),
      rss_mb: round(rssMb, 1),
    };
  } finally {
    await engine.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let scale: number;
  try {
    ({ scale } = parseBenchArgs(argv));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message} (usage: npm run bench -- [--scale F])\n`);
    return 2;
  }
  trapSignals();
  const dir = createTempDir('switchboard-bench-');
  try {
    const engineFigures = await run(scale, dir.path);
    progress('sentiment: accuracy on the labelled fixtures, throughput for 1 s');
    const sentiment = { ...sentimentAccuracy(), ...sentimentThroughput() };
    progress('spell: dictionary loads and 2,000-character replies through the spell worker');
    const spell = await measureSpell(progress);
    const figures: Figures = { ...engineFigures, ...sentiment, ...spell, ...(await measureRenderer(dir.path, progress)) };
    process.stderr.write(`\n${figuresTable(figures)}\n`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return 0;
  } finally {
    dir.remove();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof Interrupted) {
      process.stderr.write(`bench: ${error.message}; the temporary workspace was removed\n`);
      process.exitCode = 130;
      return;
    }
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
