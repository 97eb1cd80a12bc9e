import { MetaConnector, type MetaConfig } from '../../../../main/engine/platforms/meta/client';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../../../main/engine/platforms/meta/fake';
import { Clock, DAY, HOUR, closeAfterTest } from '../kit';

export { DAY, HOUR, bodies, drain, failure, signal } from '../kit';

/** 2026-11-20 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 20, 12, 0);
export const PAGE = { id: '104000000000001', name: 'Northwind Coffee' };
export const INSTAGRAM = { id: '17841405322384532', name: 'Northwind', username: 'northwind.coffee' };

/** Customers: Messenger people have a name, Instagram ones a username. */
export const ANNA = { id: '2580001234567890', name: 'Anna Kowalska' };
export const PIOTR = { id: '7012345678901234', name: 'Piotr Zieliński' };
export const JAN = { id: '6789012345678901', name: 'Jan', username: 'jan.nowak' };

export interface Setup {
  graph: FakeGraph;
  meta: MetaConnector;
  clock: Clock;
}

/** A fake Graph (Page with Instagram) closed after the test, and a connector for it on the same clock. */
export async function setup(options: Partial<FakeGraphOptions> = {}, config: Partial<MetaConfig> = {}): Promise<Setup> {
  const clock = new Clock(NOW);
  const graph = closeAfterTest(await startFakeGraph({ page: PAGE, instagram: INSTAGRAM, accessToken: 'token-1', now: clock.now, ...options }));
  const meta = new MetaConnector({ baseUrl: graph.url, pageId: PAGE.id, accessToken: 'token-1', instagramAccountId: INSTAGRAM.id, pageSize: 2, ...config }, clock.now);
  return { graph, meta, clock };
}

/** A customer's comment an hour ago under a day-old Page post, and one under a day-old Instagram media. */
export function commentThreads({ graph, clock }: Setup, texts: { page: string; instagram: string }): { post: string; comment: string; media: string; igComment: string } {
  const post = graph.store.addPost('Our new mugs', clock.at - DAY);
  const comment = graph.store.addComment(post, PIOTR, texts.page, { at: clock.at - HOUR });
  const media = graph.store.addMedia('Mugs', clock.at - DAY);
  const igComment = graph.store.addComment(media, JAN, texts.instagram, { at: clock.at - HOUR });
  return { post, comment, media, igComment };
}
