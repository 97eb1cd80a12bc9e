import { XConnector } from '../../../../main/engine/platforms/x/client';
import type { FakeX } from '../../../../main/engine/platforms/x/fake';
import { fastPaced, type RunningEngine } from '../../helpers/engine';
import { engineWithAccount } from '../engine-kit';
import { BRAND, TOKEN } from './harness';

/** Long enough that a loopback call on a busy machine never reaches it; a request the fake leaves hanging does. */
export const TIMEOUT_MS = 1_500;

/** A real engine on a real SQLite file with one X account on the fake, read at the tests' pace. */
export function xEngine(fake: FakeX): Promise<RunningEngine> {
  const x = fastPaced(new XConnector({ baseUrl: fake.url, accessToken: TOKEN, userId: BRAND.id, timeoutMs: TIMEOUT_MS }));
  return engineWithAccount({ id: 'x-account', platform: 'x', name: BRAND.name, handle: `@${BRAND.username}`, config: { userId: BRAND.id } }, x);
}
