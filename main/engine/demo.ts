import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { startSandbox, type Sandbox } from './platforms/sandbox/fake';

const DemoState = z.object({ seed: z.number().int().min(0).max(2 ** 32 - 1), epoch: z.number().int().positive() });
const STATE_FILE = 'demo-sandbox.json';

/** A new inbound message every this many ms, so the demo inbox visibly lives. */
const DEMO_LIVE_INTERVAL_MS = 45_000;
/**
 * Live items are due from the epoch on, so an old demo would replay weeks of
 * them at once; past this age the demo moves on to a fresh seed (new ids, so
 * nothing collides with what the workspace already holds).
 */
const DEMO_MAX_AGE_MS = 3 * 24 * 3_600_000;

/**
 * The sandbox a demo workspace syncs from, started in the host's process.
 * Its seed and epoch are kept beside the workspace so a reopened demo sees
 * the same customers and threads (the engine dedupes what it already has).
 */
export async function startDemoSandbox(dataDir: string, seed: number | undefined, log: (message: string) => void): Promise<Sandbox> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, STATE_FILE);
  const now = Date.now();
  let state = readState(file, log);
  if (!state || (seed !== undefined && seed !== state.seed) || now - state.epoch > DEMO_MAX_AGE_MS) {
    const nextSeed = seed ?? (state ? (state.seed + 1) % 2 ** 32 : 1);
    state = { seed: nextSeed, epoch: Math.floor(now / 60_000) * 60_000 };
    writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  }
  return startSandbox({ seed: state.seed, epoch: state.epoch, port: 0, liveIntervalMs: DEMO_LIVE_INTERVAL_MS });
}

function readState(file: string, log: (message: string) => void): z.infer<typeof DemoState> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return DemoState.parse(JSON.parse(text));
  } catch (error) {
    log(`demo: ${file} is unreadable (${error instanceof Error ? error.message : String(error)}); starting the sandbox afresh`);
    return null;
  }
}
