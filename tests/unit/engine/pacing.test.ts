import { describe, expect, it } from 'vitest';
import type { Connector, UpdatesPage } from '../../../main/engine/platforms/types';
import { PollPacer, ReadBudget } from '../../../main/engine/sync/pacing';
import { newDataDir, startEngine } from '../helpers/engine';

describe('PollPacer', () => {
  it('waits the minimum after news and stretches the wait while nothing comes, up to the maximum', () => {
    const pacer = new PollPacer({ minIntervalMs: 1_000, maxIntervalMs: 3_000 });
    expect([0, 0, 0, 0, 0].map(() => pacer.next(0))).toEqual([1_500, 2_250, 3_000, 3_000, 3_000]);
    expect(pacer.next(2)).toBe(1_000);
    expect(pacer.next(0)).toBe(1_500);
  });

  it('keeps a long-polled stream at no wait at all', () => {
    const pacer = new PollPacer({ minIntervalMs: 0, maxIntervalMs: 0 });
    expect([pacer.next(0), pacer.next(0), pacer.next(3)]).toEqual([0, 0, 0]);
  });
});

describe('ReadBudget', () => {
  it('allows `requests` reads in any window and says how long until the next one is free', () => {
    const budget = new ReadBudget({ requests: 3, windowMs: 1_000 });
    expect([budget.take(0), budget.take(100), budget.take(200)]).toEqual([0, 0, 0]);
    expect(budget.take(300)).toBe(700); // the read at 0 leaves the window at 1000
    expect(budget.take(999)).toBe(1);
    expect(budget.take(1_000)).toBe(0);
    expect(budget.take(1_050)).toBe(50);
  });

  it('never lets a window hold more than the allowance, whatever the pattern of asking', () => {
    const budget = new ReadBudget({ requests: 5, windowMs: 1_000 });
    const reads: number[] = [];
    for (let now = 0; now < 10_000; now += 37) if (budget.take(now) === 0) reads.push(now);
    for (const start of reads) expect(reads.filter((at) => at >= start && at < start + 1_000).length).toBeLessThanOrEqual(5);
    expect(reads.length).toBeGreaterThanOrEqual(45); // and it does not starve: about 5 per second over 10 s
  });
});

describe('the scheduler under a read budget', () => {
  it('spreads an account’s reads over its streams within the budget, by the engine’s clock', async () => {
    const reads: number[] = [];
    // The engine's clock as it last read it: the scheduler reads it once per read, charges the budget at that time, and fetches.
    let clock = 0;
    const now = () => (clock = Date.now());
    const empty = (): Promise<UpdatesPage> => {
      reads.push(clock);
      return Promise.resolve({ items: [], quarantined: [], cursor: 'c', hasMore: false, remaining: 0 });
    };
    const connector: Connector = {
      streams: ['a', 'b', 'c'],
      dedupesSends: true,
      readBudget: { requests: 4, windowMs: 400 },
      pacing: () => ({ minIntervalMs: 0, maxIntervalMs: 0 }),
      verify: () => Promise.reject(new Error('not used')),
      fetchUpdates: empty,
      sendReply: () => Promise.reject(new Error('not used')),
    };
    const run = startEngine(newDataDir(), { demoSandboxUrl: 'http://127.0.0.1:9', connectorFor: () => connector, now });
    await expect.poll(() => reads.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(12);
    await run.close();
    // Three streams that would each read without pause share four reads per 400 ms: no window of 400 ms holds more.
    for (const start of reads) expect(reads.filter((at) => at >= start && at < start + 400).length).toBeLessThanOrEqual(4);
  });
});
