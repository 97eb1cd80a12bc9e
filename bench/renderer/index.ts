/**
 * Renderer figures: the built browser host on a workspace of 100,000
 * conversations, driven in Debian's Chromium through playwright-core (the
 * e2e harness's launch code). Cold start, key press to next row painted, and
 * the page's heap after scrolling the whole inbox once.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openBrowser, spawnHost, VIEWPORT, type HostProcess } from '../../tests/e2e/harness';
import { YIELD_EVERY, yieldForSignals } from '../interrupt';
import { elapsedMs, percentile, round } from '../stats';
import { ensureBuilt } from './build';
import { timeComposer, timeTextareaFloor } from './composer';
import { LIST_CURSOR, timeKeys, type TimedPress } from './timed-keys';
import { FLOOR_PAGE, PROBE, SCROLL_CHUNK } from './probe';
import { buildInboxWorkspace, RENDERER_CONVERSATIONS } from './workspace';

export interface RendererFigures {
  renderer_conversations: number;
  cold_start_to_inbox_ms: number;
  cold_start_host_ready_ms: number;
  /** Which keys the key-press figures cover: `e` joins once the list acts on it. */
  triage_keypress_keys: string;
  triage_keypress_p50_ms: number;
  triage_keypress_p95_ms: number;
  /** Presses that changed nothing within 2 s: left out of the percentiles, counted here. */
  triage_keypress_unmoved: number;
  keypress_floor_p95_ms: number;
  triage_keypress_vs_floor_ratio: number;
  renderer_heap_first_page_mb: number;
  renderer_heap_mb: number;
  renderer_scrolled_rows: number;
  composer_keypress_p50_ms: number;
  composer_keypress_p95_ms: number;
  composer_keypress_unmoved: number;
  composer_floor_p95_ms: number;
  composer_keypress_vs_floor_ratio: number;
}

export const RENDERER_LABELS: Record<keyof RendererFigures, string> = {
  renderer_conversations: 'renderer: conversations in the inbox',
  cold_start_to_inbox_ms: 'cold start to first inbox page painted (median), ms',
  cold_start_host_ready_ms: 'cold start to host address printed (median), ms',
  triage_keypress_keys: 'key press figures cover',
  triage_keypress_p50_ms: 'key press to next row painted p50, ms',
  triage_keypress_p95_ms: 'key press to next row painted p95, ms',
  triage_keypress_unmoved: 'key presses that moved nothing within 2 s',
  keypress_floor_p95_ms: 'bare DOM key press to paint p95, ms',
  triage_keypress_vs_floor_ratio: 'key press vs bare DOM (p95 / p95)',
  renderer_heap_first_page_mb: 'page heap at first inbox page, MB',
  renderer_heap_mb: 'page heap after scrolling the inbox, MB',
  renderer_scrolled_rows: 'rows reached by that scroll',
  composer_keypress_p50_ms: 'reply box: key press to character painted while checks run p50, ms',
  composer_keypress_p95_ms: 'reply box: key press to character painted while checks run p95, ms',
  composer_keypress_unmoved: 'reply box: key presses that typed nothing within 2 s',
  composer_floor_p95_ms: 'bare textarea key press to paint p95, ms',
  composer_keypress_vs_floor_ratio: 'reply box typing vs bare textarea (p95 / p95)',
};

const MB = 1024 * 1024;
/** One start is at the mercy of whatever else the machine does at that moment: the median of three is the figure. */
const COLD_STARTS = 3;
const PRESSES = 300;
const PAINT_TIMEOUT_MS = 60_000;
/**
 * Two engine pages (100 rows) a step: each step renders a whole new window of
 * rows and reads a page. 100,000 rows take 1,000 steps, 50–140 ms each on the
 * 2-core machine depending on its load; one page a step would take twice as long.
 */
const SCROLL = { stepRows: 100, stepTimeoutMs: 5_000, chunkSteps: 100, budgetMs: 300_000 };

interface Session {
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

type Progress = (message: string) => void;

/**
 * A context of its own (no HTTP cache from an earlier start), with the probe
 * in place before the first byte. The app's CSP forbids eval, which is how
 * playwright runs the bench's string predicates, so this context bypasses it;
 * the app's own code runs the same either way.
 */
async function newProbedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', bypassCSP: true });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/** Spawns the host on the workspace and opens it in a ready tab: spawn → first inbox page painted, both on the wall clock. */
async function coldStart(browser: Browser, dataDir: string): Promise<{ session: Session; toInboxMs: number; hostReadyMs: number }> {
  const { context, page, pageErrors } = await newProbedPage(browser);
  let host: HostProcess | undefined;
  try {
    host = await spawnHost(dataDir);
    const hostReadyMs = Date.now() - host.spawnedAt;
    await page.goto(host.url);
    await page.waitForFunction('window.__benchProbe.paintedAt !== null', undefined, { timeout: PAINT_TIMEOUT_MS });
    const paintedAt = (await page.evaluate('window.__benchProbe.paintedAt')) as number;
    const running = host;
    const close = () => context.close().finally(() => running.stop());
    return { session: { page, pageErrors, close }, toInboxMs: paintedAt - host.spawnedAt, hostReadyMs };
  } catch (error) {
    await context.close();
    await host?.stop();
    throw error;
  }
}

/** Presses `key` `count` times in the list, each timed from its keydown to the frame that shows the change. */
function timePresses(page: Page, key: string, count: number): Promise<TimedPress[]> {
  return timeKeys(page, LIST_CURSOR, count, () => key, async (n) => {
    if (n % YIELD_EVERY === 0) await yieldForSignals();
  });
}

/** Latencies of the presses that moved; the ones that did not are counted apart, since their time is only the probe's give-up. */
function moved(presses: readonly TimedPress[], key: string, progress: Progress): number[] {
  const samples = presses.filter((press) => press.moved).map((press) => press.ms);
  const stuck = presses.length - samples.length;
  const frames = percentile(presses.map((press) => press.frames), 95);
  progress(
    `renderer: ${key} ×${presses.length}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, frames p95 ${frames}${stuck > 0 ? `, ${stuck} did not move` : ''}`,
  );
  return samples;
}

/** The same probe on a bare listbox: the input pipeline and the wait for a frame, with no app in between. */
async function timeFloor(browser: Browser, progress: Progress): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.setContent(FLOOR_PAGE);
    await page.evaluate(PROBE);
    await page.getByRole('listbox', { name: 'Conversations' }).focus();
    return moved(await timePresses(page, 'j', PRESSES), 'bare DOM j', progress);
  } finally {
    await context.close();
  }
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / MB;
  } finally {
    await cdp.detach();
  }
}

interface ScrollChunk {
  nextTop: number;
  atEnd: boolean;
  stalls: number;
  lastRow: number;
}

/** Scrolls from the top to the bottom of the inbox in page-sized steps, within a time budget. */
async function scrollThrough(page: Page, progress: Progress): Promise<number> {
  const started = performance.now();
  let chunk: ScrollChunk = { nextTop: 0, atEnd: false, stalls: 0, lastRow: 0 };
  let stalls = 0;
  while (!chunk.atEnd && elapsedMs(started) < SCROLL.budgetMs) {
    const args = { fromTop: chunk.nextTop, steps: SCROLL.chunkSteps, stepRows: SCROLL.stepRows, stepTimeoutMs: SCROLL.stepTimeoutMs };
    chunk = (await page.evaluate(`(${SCROLL_CHUNK})(${JSON.stringify(args)})`)) as ScrollChunk;
    stalls += chunk.stalls;
    progress(`renderer: scrolled to row ${chunk.lastRow.toLocaleString('en-US')} (${(elapsedMs(started) / 1000).toFixed(1)} s)`);
    await yieldForSignals();
  }
  if (!chunk.atEnd) progress(`renderer: the scroll stopped at its ${SCROLL.budgetMs / 1000} s budget`);
  if (stalls > 0) progress(`renderer: ${stalls} scroll steps gave up waiting ${SCROLL.stepTimeoutMs} ms for their rows`);
  return chunk.lastRow;
}

export async function measureRenderer(dir: string, progress: Progress): Promise<RendererFigures> {
  ensureBuilt(progress);
  const dataDir = join(dir, 'renderer');
  progress(`renderer: building a workspace of ${RENDERER_CONVERSATIONS.toLocaleString('en-US')} conversations that need a reply`);
  const built = performance.now();
  await buildInboxWorkspace(dataDir, RENDERER_CONVERSATIONS);
  progress(`renderer: workspace built (${(elapsedMs(built) / 1000).toFixed(1)} s)`);

  const browser = await openBrowser();
  try {
    const floor = await timeFloor(browser, progress);
    const starts: { toInboxMs: number; hostReadyMs: number }[] = [];
    let session: Session | undefined;
    try {
      for (let run = 1; run <= COLD_STARTS; run++) {
        await session?.close();
        session = undefined;
        const start = await coldStart(browser, dataDir);
        session = start.session;
        starts.push(start);
        progress(`renderer: cold start ${run}/${COLD_STARTS}: inbox painted ${Math.round(start.toInboxMs)} ms after spawn (address printed at ${start.hostReadyMs} ms)`);
      }
      const { page, pageErrors } = session!;
      const firstPageHeap = await heapMb(page);
      await page.getByRole('listbox', { name: 'Conversations' }).focus();

      const pressed = await timePresses(page, 'j', PRESSES);
      const presses = moved(pressed, 'j', progress);
      // `e` closes the selected conversation and the next one takes its row; until the list acts on it, only j is timed.
      const trial = await timePresses(page, 'e', 1);
      const keys = trial[0]!.moved ? 'j, e' : 'j';
      if (trial[0]!.moved) {
        const closes = [...trial, ...(await timePresses(page, 'e', PRESSES - 1))];
        pressed.push(...closes);
        presses.push(...moved(closes, 'e', progress));
      } else progress('renderer: e did not move the selection within 2 s; timing j only');

      progress('renderer: scrolling the whole inbox once');
      const scrolledRows = await scrollThrough(page, progress);
      const heap = await heapMb(page);

      progress('renderer: typing in the reply box while the checks run');
      const typed = await timeComposer(page, progress);
      const typedFloor = await timeTextareaFloor(browser);
      const typing = (presses: readonly TimedPress[]) => presses.filter((press) => press.moved).map((press) => press.ms);
      if (pageErrors.length > 0) progress(`renderer: page errors: ${pageErrors.join(' | ')}`);

      const floorP95 = percentile(floor, 95);
      const pressP95 = percentile(presses, 95);
      return {
        renderer_conversations: RENDERER_CONVERSATIONS,
        cold_start_to_inbox_ms: Math.round(percentile(starts.map((start) => start.toInboxMs), 50)),
        cold_start_host_ready_ms: Math.round(percentile(starts.map((start) => start.hostReadyMs), 50)),
        triage_keypress_keys: keys,
        triage_keypress_p50_ms: round(percentile(presses, 50), 2),
        triage_keypress_p95_ms: round(pressP95, 2),
        triage_keypress_unmoved: pressed.filter((press) => !press.moved).length,
        keypress_floor_p95_ms: round(floorP95, 2),
        triage_keypress_vs_floor_ratio: round(pressP95 / floorP95, 3),
        renderer_heap_first_page_mb: round(firstPageHeap, 1),
        renderer_heap_mb: round(heap, 1),
        renderer_scrolled_rows: scrolledRows,
        composer_keypress_p50_ms: round(percentile(typing(typed), 50), 2),
        composer_keypress_p95_ms: round(percentile(typing(typed), 95), 2),
        composer_keypress_unmoved: typed.filter((press) => !press.moved).length,
        composer_floor_p95_ms: round(percentile(typing(typedFloor), 95), 2),
        composer_keypress_vs_floor_ratio: round(percentile(typing(typed), 95) / percentile(typing(typedFloor), 95), 3),
      };
    } finally {
      await session?.close();
    }
  } finally {
    await browser.close();
  }
}
