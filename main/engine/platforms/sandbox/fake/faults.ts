import { WireFaults } from '../wire';

/** The two faultable routes: `GET /v1/updates` and `POST /v1/threads/:id/replies`. Control endpoints are never faulted. */
export type FaultRoute = 'updates' | 'replies';

export type Fault =
  | { kind: 'fail'; status: number }
  | { kind: 'rate_limit'; retryAfterS: number }
  | { kind: 'drop' }
  /** Do the work, then answer 502: the client cannot know the reply went out. */
  | { kind: 'commit_then_fail' };

interface Queued {
  route: WireFaults['route'];
  fault: Fault;
  remaining: number;
}

/** WireFaults, plus what only makes sense for replies: there is nothing to commit on a read. */
export const SandboxFaults = WireFaults.refine((faults) => !(faults.commit_then_fail && faults.route === 'updates'), {
  message: 'commit_then_fail applies to reply POSTs only: use route "replies" or "any"',
  path: ['commit_then_fail'],
});

/**
 * Scripted faults. Counted faults wait in one queue, in the order they were
 * posted (within one body: fail, rate_limit, drop, commit_then_fail), and
 * each matching request consumes the first that applies to its route, so a
 * test knows exactly which request fails. Latency stays until cleared.
 */
export class FaultPlan {
  private queue: Queued[] = [];
  private readonly latency: Record<FaultRoute, number> = { updates: 0, replies: 0 };

  add(faults: WireFaults): void {
    const { route } = faults;
    if (faults.latency_ms !== undefined) {
      if (route !== 'replies') this.latency.updates = faults.latency_ms;
      if (route !== 'updates') this.latency.replies = faults.latency_ms;
    }
    const enqueue = (fault: Fault, count: number) => this.queue.push({ route, fault, remaining: count });
    if (faults.fail) enqueue({ kind: 'fail', status: faults.fail.status }, faults.fail.count);
    if (faults.rate_limit) enqueue({ kind: 'rate_limit', retryAfterS: faults.rate_limit.retry_after_s }, faults.rate_limit.count);
    if (faults.drop) enqueue({ kind: 'drop' }, faults.drop.count);
    if (faults.commit_then_fail) enqueue({ kind: 'commit_then_fail' }, faults.commit_then_fail.count);
  }

  clear(): void {
    this.queue = [];
    this.latency.updates = 0;
    this.latency.replies = 0;
  }

  /** The fault for this request, if any, consumed from the queue. */
  take(route: FaultRoute): Fault | null {
    const index = this.queue.findIndex((queued) => applies(queued, route));
    if (index < 0) return null;
    const queued = this.queue[index]!;
    if (--queued.remaining === 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  delayFor(route: FaultRoute): number {
    return this.latency[route];
  }

  /** What is still planned, for the control endpoint's answer. */
  describe(): { latency_ms: Record<FaultRoute, number>; queued: { route: string; kind: Fault['kind']; remaining: number }[] } {
    return {
      latency_ms: { ...this.latency },
      queued: this.queue.map(({ route, fault, remaining }) => ({ route, kind: fault.kind, remaining })),
    };
  }
}

function applies(queued: Queued, route: FaultRoute): boolean {
  if (queued.fault.kind === 'commit_then_fail' && route !== 'replies') return false;
  return queued.route === 'any' || queued.route === route;
}
