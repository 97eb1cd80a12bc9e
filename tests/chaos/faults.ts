import type { Rng } from '../../main/engine/platforms/sandbox/fake/prng';
import { sleep } from '../../main/engine/support/sleep';
import type { WireFaults } from '../../main/engine/platforms/sandbox/wire';

/** Pause between two fault plans. */
const FAULT_GAP_MS = { min: 80, max: 500 };
/**
 * A new plan waits while this many faults are still queued. Without the bound, faults queue faster
 * than a backed-off engine makes requests, and a whole trial can pass with every read failing: no
 * conversation ever arrives, so no reply or hide is ever made, and the trial proves little.
 */
const MAX_QUEUED_FAULTS = 3;

/** One random fault plan in the sandbox's own control format (wire.ts, WireFaults). */
export function randomFaults(rng: Rng): WireFaults {
  const route = rng.pick(['any', 'updates', 'replies', 'moderation'] as const);
  const count = rng.int(1, 3);
  switch (rng.pick(['fail', 'rate_limit', 'drop', 'commit_then_fail', 'latency'] as const)) {
    case 'fail':
      return { route, fail: { status: rng.pick([500, 502, 503, 504]), count } };
    case 'rate_limit':
      return { route, rate_limit: { retry_after_s: rng.int(0, 1), count } };
    case 'drop':
      return { route, drop: { count } };
    case 'commit_then_fail':
      // Publishes (or hides), then answers 502: the ambiguous outcome exactly-once is about.
      return { route: rng.pick(['replies', 'moderation'] as const), commit_then_fail: { count } };
    case 'latency':
      return { route, latency_ms: rng.int(0, 250) };
  }
}

async function control(sandboxUrl: string, method: 'GET' | 'POST' | 'DELETE', body?: WireFaults): Promise<{ queued: { remaining: number }[] }> {
  const response = await fetch(`${sandboxUrl}/_sandbox/faults`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`sandbox refused the fault plan (${response.status}): ${await response.text()}`);
  return (await response.json()) as { queued: { remaining: number }[] };
}

/** Queues random faults on the sandbox until `signal` aborts. */
export async function injectFaults(sandboxUrl: string, rng: Rng, signal: AbortSignal): Promise<number> {
  let plans = 0;
  while (!signal.aborted) {
    const { queued } = await control(sandboxUrl, 'GET');
    if (queued.reduce((sum, fault) => sum + fault.remaining, 0) < MAX_QUEUED_FAULTS) {
      await control(sandboxUrl, 'POST', randomFaults(rng));
      plans++;
    }
    await sleep(rng.int(FAULT_GAP_MS.min, FAULT_GAP_MS.max), signal);
  }
  return plans;
}

/** Clears queued faults and latency, so the end of a trial can settle. */
export async function clearFaults(sandboxUrl: string): Promise<void> {
  await control(sandboxUrl, 'DELETE');
}
