import { afterEach } from 'vitest';
import { VkConnector, type VkConfig } from '../../../../main/engine/platforms/vk/client';
import { startFakeVk, type FakeVk, type FakeVkOptions } from '../../../../main/engine/platforms/vk/fake';

/** 2026-11-29 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 29, 12, 0);
export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;
export const GROUP = { id: 218_000_001, name: 'Northwind Coffee', screen_name: 'northwind' };
export const signal = new AbortController().signal;
export const ANNA = 501_234_567;
export const PIOTR = 503_000_003;

const running: FakeVk[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
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
  vk: FakeVk;
  connector: VkConnector;
  clock: Clock;
}

/** A fake VK closed after the test, and a connector for it on the same clock with one-second long polls. */
export async function setup(options: Partial<FakeVkOptions> = {}, config: Partial<VkConfig> = {}): Promise<Setup> {
  const clock = new Clock();
  const vk = await startFakeVk({ group: GROUP, now: clock.now, ...options });
  running.push(vk);
  const connector = new VkConnector({ apiUrl: vk.url, groupId: GROUP.id, token: vk.token, longPollSeconds: 1, ...config }, clock.now);
  return { vk, connector, clock };
}

/** The PlatformError a call fails with: the Meta tests' helper, shared. */
export { failure } from '../meta/harness';
