interface Queued<R extends string, F> {
  route: R | 'any';
  fault: F;
  remaining: number;
}

/**
 * Scripted faults for a fake platform server. Counted faults wait in one queue
 * in the order they were added; each request takes the first that applies to
 * its route, so a test knows exactly which request fails. Latency stays until
 * cleared. What a fault does is each fake's own business (its error envelope);
 * the queue only decides which request gets which fault.
 *
 * A `commit_then_fail` fault only applies on the write routes (`commitRoutes`):
 * there is nothing to commit on a read, so a read never consumes it even when
 * queued for "any".
 */
export class FaultQueue<R extends string, F extends { kind: string }> {
  private queue: Queued<R, F>[] = [];
  private readonly latency: Record<R, number>;
  private readonly commitRoutes: readonly R[];

  constructor(
    private readonly routes: readonly R[],
    commitRoutes: R | readonly R[],
  ) {
    this.commitRoutes = typeof commitRoutes === 'string' ? [commitRoutes] : (commitRoutes as readonly R[]);
    this.latency = Object.fromEntries(routes.map((route) => [route, 0])) as Record<R, number>;
  }

  /** Queues `fault` for the next `count` requests on `route` (default any). */
  add(fault: F, options: { route?: R | 'any'; count?: number } = {}): void {
    const route = options.route ?? 'any';
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('A fault count is a positive integer');
    if (fault.kind === 'commit_then_fail' && route !== 'any' && !this.commitRoutes.includes(route)) {
      throw new RangeError(`commit_then_fail applies to writes only: use route ${this.commitRoutes.map((r) => `"${r}"`).join(', ')} or "any"`);
    }
    this.queue.push({ route, fault, remaining: count });
  }

  setLatency(ms: number, route: R | 'any' = 'any'): void {
    for (const key of this.routes) if (route === 'any' || route === key) this.latency[key] = ms;
  }

  clear(): void {
    this.queue = [];
    this.setLatency(0);
  }

  /** The fault for this request, if any, consumed from the queue. */
  take(route: R): F | null {
    const index = this.queue.findIndex((queued) => (queued.route === 'any' || queued.route === route) && (queued.fault.kind !== 'commit_then_fail' || this.commitRoutes.includes(route)));
    if (index < 0) return null;
    const queued = this.queue[index]!;
    if (--queued.remaining === 0) this.queue.splice(index, 1);
    return queued.fault;
  }

  /**
   * This request's fault, taken as it arrives (so faults go to requests in
   * arrival order), after the route's latency: `sleep` is the fake's own,
   * which its close() cancels.
   */
  async arrive(route: R, sleep: (ms: number) => Promise<void>): Promise<F | null> {
    const fault = this.take(route);
    const delay = this.delayFor(route);
    if (delay > 0) await sleep(delay);
    return fault;
  }

  delayFor(route: R): number {
    return this.latency[route];
  }

  /** How many queued faults are still waiting, so a test can check they were all consumed. */
  pending(): number {
    return this.queue.reduce((sum, queued) => sum + queued.remaining, 0);
  }

  /** What is still planned, for a control endpoint's answer. */
  describe(): { latency_ms: Record<R, number>; queued: { route: R | 'any'; kind: F['kind']; remaining: number }[] } {
    return {
      latency_ms: { ...this.latency },
      queued: this.queue.map(({ route, fault, remaining }) => ({ route, kind: fault.kind, remaining })),
    };
  }
}
