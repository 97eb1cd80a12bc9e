import { XConnector, type XConfig } from '../../../../main/engine/platforms/x/client';
import { startFakeX, type FakeX, type FakeXOptions } from '../../../../main/engine/platforms/x/fake';
import { ANNA, BRAND, PIOTR } from '../../../fixtures/x/api';
import { Clock, closeAfterTest } from '../kit';

export { ANNA, BRAND, PIOTR };
export { HOUR, MINUTE, bodies, drain, failure, signal } from '../kit';

/** 2026-11-20 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 20, 12, 0);
export const TOKEN = 'x-user-token';

export interface Setup {
  fake: FakeX;
  x: XConnector;
  clock: Clock;
}

/** A fake X closed after the test, and a connector for it on the same clock (pages of 5, the least mentions take). */
export async function setup(options: Partial<FakeXOptions> = {}, config: Partial<XConfig> = {}): Promise<Setup> {
  const clock = new Clock(NOW);
  const fake = closeAfterTest(await startFakeX({ me: BRAND, accessToken: TOKEN, now: clock.now, ...options }));
  const x = new XConnector({ baseUrl: fake.url, accessToken: TOKEN, userId: BRAND.id, pageSize: 5, ...config }, clock.now);
  return { fake, x, clock };
}
