/**
 * Scripted faults for the fake Graph server. Counted faults wait in one queue
 * in the order they were added; each request takes the first that applies to
 * its route, so a test knows exactly which request fails. Latency stays until
 * cleared.
 *
 * - status: a 5xx with Graph's transient error (code 2), the work not done;
 * - graph_error: any Graph error object (throttling 4/17/32/613, token 190, 100, 10…), the work not done;
 * - drop: the connection is reset before any work;
 * - malformed: a 200 whose body is cut-off JSON;
 * - commit_then_fail (writes only): the write is committed, then the client gets
 *   a 502 (`then: 'status'`), a reset connection (`'drop'`) or no answer at all
 *   until it gives up (`'hang'`) — the ambiguous outcomes the outbox reconciles.
 */
export type FaultRoute = 'read' | 'write';

export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'graph_error'; status: number; code: number; subcode?: number; message?: string }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'commit_then_fail'; then: 'status' | 'drop' | 'hang' };

interface Queued {
  route: FaultRoute | 'any';
  fault: Fault;
  remaining: number;
}

export class GraphFaults {
  private queue: Queued[] = [];
  private readonly latency: Record<FaultRoute, number> = { read: 0, write: 0 };

  /** Queues `fault` for the next `count` requests on `route` (default any). */
  add(fault: Fault, options: { route?: FaultRoute | 'any'; count?: number } = {}): void {
    const route = options.route ?? 'any';
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('A fault count is a positive integer');
    if (fault.kind === 'commit_then_fail' && route === 'read') throw new RangeError('commit_then_fail applies to writes only');
    this.queue.push({ route, fault, remaining: count });
  }

  setLatency(ms: number, route: FaultRoute | 'any' = 'any'): void {
    if (route !== 'write') this.latency.read = ms;
    if (route !== 'read') this.latency.write = ms;
  }

  clear(): void {
    this.queue = [];
    this.latency.read = 0;
    this.latency.write = 0;
  }

  take(route: FaultRoute): Fault | null {
    const index = this.queue.findIndex((queued) => (queued.route === 'any' || queued.route === route) && (queued.fault.kind !== 'commit_then_fail' || route === 'write'));
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
