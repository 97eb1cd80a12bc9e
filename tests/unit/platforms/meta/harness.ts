import { afterEach } from 'vitest';
import { MetaConnector, type MetaConfig } from '../../../../main/engine/platforms/meta/client';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../../../main/engine/platforms/meta/fake';
import { PlatformError, type UpdatesPage } from '../../../../main/engine/platforms/types';

/** 2026-11-20 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 20, 12, 0);
export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;
export const PAGE = { id: '104000000000001', name: 'Northwind Coffee' };
export const INSTAGRAM = { id: '17841405322384532', name: 'Northwind', username: 'northwind.coffee' };
export const signal = new AbortController().signal;

/** Customers: Messenger people have a name, Instagram ones a username. */
export const ANNA = { id: '2580001234567890', name: 'Anna Kowalska' };
export const PIOTR = { id: '7012345678901234', name: 'Piotr Zieliński' };
export const JAN = { id: '6789012345678901', name: 'Jan', username: 'jan.nowak' };

const running: FakeGraph[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((graph) => graph.close()));
});

/** A clock shared by the fake and the connector, moved by the test. */
export class Clock {
  at = NOW;
  readonly now = () => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}

export interface Setup {
  graph: FakeGraph;
  meta: MetaConnector;
  clock: Clock;
}

/** A fake Graph (Page with Instagram) closed after the test, and a connector for it on the same clock. */
export async function setup(options: Partial<FakeGraphOptions> = {}, config: Partial<MetaConfig> = {}): Promise<Setup> {
  const clock = new Clock();
  const graph = await startFakeGraph({ page: PAGE, instagram: INSTAGRAM, accessToken: 'token-1', now: clock.now, ...options });
  running.push(graph);
  const meta = new MetaConnector({ baseUrl: graph.url, pageId: PAGE.id, accessToken: 'token-1', instagramAccountId: INSTAGRAM.id, pageSize: 2, ...config }, clock.now);
  return { graph, meta, clock };
}

/** Polls a stream until it reports nothing more to fetch (bounded), returning every page and the last cursor. */
export async function drain(meta: MetaConnector, stream: string, cursor: string | null = null): Promise<{ pages: UpdatesPage[]; cursor: string | null }> {
  const pages: UpdatesPage[] = [];
  for (let calls = 0; calls < 50; calls++) {
    const page = await meta.fetchUpdates(stream, cursor, signal);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
  }
  throw new Error(`${stream} still had more after 50 pages`);
}

export const bodies = (pages: UpdatesPage[]) => pages.flatMap((page) => page.items.map((item) => item.body));

/** A customer's comment an hour ago under a day-old Page post, and one under a day-old Instagram media. */
export function commentThreads({ graph, clock }: Setup, texts: { page: string; instagram: string }): { post: string; comment: string; media: string; igComment: string } {
  const post = graph.store.addPost('Our new mugs', clock.at - DAY);
  const comment = graph.store.addComment(post, PIOTR, texts.page, { at: clock.at - HOUR });
  const media = graph.store.addMedia('Mugs', clock.at - DAY);
  const igComment = graph.store.addComment(media, JAN, texts.instagram, { at: clock.at - HOUR });
  return { post, comment, media, igComment };
}

/** The PlatformError a call fails with; anything else (success included) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
}
