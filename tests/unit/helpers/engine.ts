import { afterEach, expect } from 'vitest';
import { Engine, type EngineOptions } from '../../../main/engine/engine';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../main/engine/platforms/sandbox/fake';
import type { Connector } from '../../../main/engine/platforms/types';
import type { EventName, EventPayload } from '../../../shared/contract';
import { createClient, type Client } from '../../../shared/rpc';
import { memoryTransport } from '../../../shared/rpc/transports/memory';
import { tempDir } from './temp-dir';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** Fast timings for tests; the logic is the same as in production. Replies go out at once unless a test sets an undo window. */
export const FAST: Partial<EngineOptions> = { pollIntervalMs: 40, backoff: { baseMs: 20, maxMs: 200 }, undoWindowMs: 0, log: () => {} };

/** A platform connector read at the tests' pace instead of its own (seconds to minutes); its reads are the same otherwise. */
export function fastPaced<T extends Connector>(connector: T): T {
  connector.pacing = () => ({ minIntervalMs: 40, maxIntervalMs: 40 });
  return connector;
}

export async function sandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const started = await startSandbox({ seed: 7, epoch: Date.UTC(2026, 10, 1), backfill: 60, ...options });
  open.push(started);
  return started;
}

export interface RunningEngine {
  engine: Engine;
  client: Client;
  events: { name: EventName; payload: unknown }[];
  eventsNamed<E extends EventName>(name: E): EventPayload<E>[];
  close(): Promise<void>;
}

/** A real engine on a real SQLite file in `dataDir`, talked to through the contract. */
export function startEngine(dataDir: string, options: Partial<EngineOptions> = {}): RunningEngine {
  const engine = new Engine({ dataDir, ...FAST, ...options });
  const events: RunningEngine['events'] = [];
  engine.subscribe((frame) => events.push({ name: frame.name as EventName, payload: frame.payload }));
  const client = createClient(memoryTransport(engine));
  let closed = false;
  const running: RunningEngine = {
    engine,
    client,
    events,
    eventsNamed: <E extends EventName>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<E>),
    async close() {
      if (closed) return;
      closed = true;
      client.close();
      await engine.close();
    },
  };
  open.push(running);
  engine.start();
  return running;
}

export function newDataDir(): string {
  return tempDir('switchboard-engine-');
}

/** Waits until the engine holds `count` conversations in all views. */
export async function waitForConversations(client: Client, count: number): Promise<void> {
  await expect.poll(async () => (await client.call('inbox.list', { view: 'all', offset: 0, limit: 1 })).total, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
}
