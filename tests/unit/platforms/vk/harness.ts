import { VkConnector, type VkConfig } from '../../../../main/engine/platforms/vk/client';
import { startFakeVk, type FakeVk, type FakeVkOptions } from '../../../../main/engine/platforms/vk/fake';
import { Clock, closeAfterTest } from '../kit';

export { DAY, HOUR, failure, signal } from '../kit';

/** 2026-11-29 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 29, 12, 0);
export const GROUP = { id: 218_000_001, name: 'Northwind Coffee', screen_name: 'northwind' };
export const ANNA = 501_234_567;
export const PIOTR = 503_000_003;

export interface Setup {
  vk: FakeVk;
  connector: VkConnector;
  clock: Clock;
}

/** A fake VK closed after the test, and a connector for it on the same clock with one-second long polls. */
export async function setup(options: Partial<FakeVkOptions> = {}, config: Partial<VkConfig> = {}): Promise<Setup> {
  const clock = new Clock(NOW);
  const vk = closeAfterTest(await startFakeVk({ group: GROUP, now: clock.now, ...options }));
  const connector = new VkConnector({ apiUrl: vk.url, groupId: GROUP.id, token: vk.token, longPollSeconds: 1, ...config }, clock.now);
  return { vk, connector, clock };
}
