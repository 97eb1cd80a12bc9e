import { afterEach } from 'vitest';
import { XConnector, type XConfig } from '../../../../main/engine/platforms/x/client';
import { startFakeX, type FakeX, type FakeXOptions } from '../../../../main/engine/platforms/x/fake';
import type { UpdatesPage } from '../../../../main/engine/platforms/types';
import { ANNA, BRAND, PIOTR } from '../../../fixtures/x/api';
import { Clock, HOUR, failure, signal } from '../meta/harness';

// The clock, the failure catcher and the times are the platforms' common test kit, kept with Meta's.
export { ANNA, BRAND, PIOTR, Clock, HOUR, failure, signal };

export const MINUTE = 60_000;
export const TOKEN = 'x-user-token';

const running: FakeX[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

export interface Setup {
  fake: FakeX;
  x: XConnector;
  clock: Clock;
}

/** A fake X closed after the test, and a connector for it on the same clock (pages of 5, the least mentions take). */
export async function setup(options: Partial<FakeXOptions> = {}, config: Partial<XConfig> = {}): Promise<Setup> {
  const clock = new Clock();
  const fake = await startFakeX({ me: BRAND, accessToken: TOKEN, now: clock.now, ...options });
  running.push(fake);
  const x = new XConnector({ baseUrl: fake.url, accessToken: TOKEN, userId: BRAND.id, pageSize: 5, ...config }, clock.now);
  return { fake, x, clock };
}

/** Polls a stream until it reports nothing more to fetch (bounded), returning every page and the last cursor. */
export async function drain(x: XConnector, stream: string, cursor: string | null = null): Promise<{ pages: UpdatesPage[]; cursor: string | null }> {
  const pages: UpdatesPage[] = [];
  for (let calls = 0; calls < 50; calls++) {
    const page = await x.fetchUpdates(stream, cursor, signal);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
  }
  throw new Error(`${stream} still had more after 50 pages`);
}

export const bodies = (pages: UpdatesPage[]) => pages.flatMap((page) => page.items.map((item) => item.body));

