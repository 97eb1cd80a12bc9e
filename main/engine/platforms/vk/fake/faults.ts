/**
 * Scripted faults for the fake VK. Counted faults wait in one queue in the
 * order they were added; each request takes the first that applies to its
 * route, so a test knows exactly which request fails. Latency stays until
 * cleared. Routes: `read` (API methods that change nothing), `poll` (the
 * long poll server's a_check), `write` (messages.send, wall.createComment).
 *
 * - status: an HTTP error from something between us and VK (a 5xx, or a 429
 *   with Retry-After), the work not done;
 * - api_error: VK's own error object (HTTP 200), the work not done — 5, 6, 9, 10, 29…;
 * - drop: the connection is reset before any work;
 * - malformed: a 200 whose body is cut-off JSON (on a write, after the work);
 * - commit_then_fail (writes only): the write is committed, then the client
 *   gets a 502 (`then: 'status'`), a reset connection (`'drop'`) or no answer
 *   until it gives up (`'hang'`, the timeout after commit).
 */
export type FaultRoute = 'read' | 'poll' | 'write';

export type Fault =
  | { kind: 'status'; status: number; retryAfterS?: number }
  | { kind: 'api_error'; code: number; message?: string }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'commit_then_fail'; then: 'status' | 'drop' | 'hang' };

interface Queued {
  route: FaultRoute | 'any';
  fault: Fault;
  remaining: number;
}

export class VkFaults {
  private queue: Queued[] = [];
  private readonly latency: Record<FaultRoute, number> = { read: 0, poll: 0, write: 0 };

  /** Queues `fault` for the next `count` requests on `route` (default any). */
  add(fault: Fault, options: { route?: FaultRoute | 'any'; count?: number } = {}): void {
    const route = options.route ?? 'any';
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('A fault count is a positive integer');
    if (fault.kind === 'commit_then_fail' && route !== 'write') throw new RangeError('commit_then_fail applies to writes only: use route "write"');
    this.queue.push({ route, fault, remaining: count });
  }

  setLatency(ms: number, route: FaultRoute | 'any' = 'any'): void {
    for (const key of Object.keys(this.latency) as FaultRoute[]) if (route === 'any' || route === key) this.latency[key] = ms;
  }

  clear(): void {
    this.queue = [];
    this.setLatency(0);
  }

  take(route: FaultRoute): Fault | null {
    const index = this.queue.findIndex((queued) => queued.route === 'any' || queued.route === route);
    if (index < 0) return null;
    const queued = this.queue[index]!;
    if (--queued.remaining === 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  delayFor(route: FaultRoute): number {
    return this.latency[route];
  }

  /** How many queued faults are still waiting, so a test can check they were all consumed. */
  pending(): number {
    return this.queue.reduce((sum, queued) => sum + queued.remaining, 0);
  }
}
