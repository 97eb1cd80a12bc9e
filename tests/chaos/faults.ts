import type { Fault as GraphFault, FaultRoute as GraphRoute } from '../../main/engine/platforms/meta/fake';
import type { GraphFaults } from '../../main/engine/platforms/meta/fake/faults';
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

/** A fake platform's fault queue, as the injector drives it: whichever way the fake takes its plans. */
export interface FaultTarget {
  /** Counted faults still waiting for a request. */
  queued(): Promise<number>;
  /** Queues one random plan in the fake's own terms. */
  add(rng: Rng): Promise<void>;
  /** Clears queued faults and latency, so the end of a trial can settle. */
  clear(): Promise<void>;
}

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

/**
 * One random plan for the fake Graph (its fault queue, in this process). Graph's throttling errors
 * are left out: without a Retry-After the connector rightly waits minutes (DEFAULT_THROTTLE_WAIT_MS),
 * longer than a trial. So is `hang`: the connector gives up on a silent request after 30 s.
 */
export function randomGraphFault(rng: Rng): { fault: GraphFault; route: GraphRoute | 'any'; count: number } | { latencyMs: number; route: GraphRoute | 'any' } {
  const route = rng.pick(['any', 'read', 'write'] as const);
  const count = rng.int(1, 3);
  switch (rng.pick(['status', 'drop', 'malformed', 'commit_then_fail', 'latency'] as const)) {
    case 'status':
      return { fault: { kind: 'status', status: rng.pick([500, 502, 503]) }, route, count };
    case 'drop':
      return { fault: { kind: 'drop' }, route, count };
    case 'malformed':
      return { fault: { kind: 'malformed' }, route: 'read', count };
    case 'commit_then_fail':
      // Sends (or hides), then a 502 or a reset: Graph does not dedupe, so the outbox must look before sending again.
      return { fault: { kind: 'commit_then_fail', then: rng.pick(['status', 'drop'] as const) }, route: 'write', count };
    case 'latency':
      return { latencyMs: rng.int(0, 250), route };
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

/** The sandbox's faults, through its control endpoint. */
export function sandboxFaults(sandboxUrl: string): FaultTarget {
  return {
    queued: async () => (await control(sandboxUrl, 'GET')).queued.reduce((sum, fault) => sum + fault.remaining, 0),
    add: async (rng) => void (await control(sandboxUrl, 'POST', randomFaults(rng))),
    clear: async () => void (await control(sandboxUrl, 'DELETE')),
  };
}

/** The fake Graph's faults, straight on its queue (the fake lives in the runner's process). */
export function graphFaults(faults: GraphFaults): FaultTarget {
  return {
    queued: async () => faults.pending(),
    add: async (rng) => {
      const plan = randomGraphFault(rng);
      if ('latencyMs' in plan) faults.setLatency(plan.latencyMs, plan.route);
      else faults.add(plan.fault, { route: plan.route, count: plan.count });
    },
    clear: async () => faults.clear(),
  };
}

/** Queues random faults on `target` until `signal` aborts; the number of plans queued. */
export async function injectFaults(target: FaultTarget, rng: Rng, signal: AbortSignal): Promise<number> {
  let plans = 0;
  while (!signal.aborted) {
    if ((await target.queued()) < MAX_QUEUED_FAULTS) {
      await target.add(rng);
      plans++;
    }
    await sleep(rng.int(FAULT_GAP_MS.min, FAULT_GAP_MS.max), signal);
  }
  return plans;
}
