/**
 * The Bots Long Poll event queue of one community, as the long poll server
 * keeps it: every event gets the next number, a check with `ts` returns the
 * events numbered `ts` and up with the number to ask next, and a check waits
 * for news up to its `wait`. Events before `floor` are forgotten: a check
 * asking for them is told failed 1 (api/bots-long-poll/getting-started).
 */
export class EventQueue {
  private readonly events: { n: number; event: Record<string, unknown> }[] = [];
  private readonly waiters = new Set<() => void>();
  private next: number;
  private floor: number;
  private closed = false;

  constructor(first: number) {
    this.next = first;
    this.floor = first;
  }

  /** The number the next event will get: a new session's ts. */
  get position(): number {
    return this.next;
  }

  push(event: Record<string, unknown>): void {
    this.events.push({ n: this.next++, event });
    for (const wake of [...this.waiters]) wake();
  }

  /** null when `ts` asks for forgotten events (or ones that never were). */
  read(ts: number): Record<string, unknown>[] | null {
    if (ts < this.floor || ts > this.next) return null;
    return this.events.filter((entry) => entry.n >= ts).map((entry) => entry.event);
  }

  /** Forgets every event so far, as VK does with history it no longer keeps. */
  forget(): void {
    this.events.length = 0;
    this.floor = this.next;
  }

  /** Waits until an event arrives, `ms` pass, the request goes away or the queue closes. */
  wait(ms: number, gone: AbortSignal): Promise<void> {
    if (this.closed || gone.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        gone.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      gone.addEventListener('abort', done);
    });
  }

  get waiting(): boolean {
    return this.waiters.size > 0;
  }

  close(): void {
    this.closed = true;
    for (const wake of [...this.waiters]) wake();
  }
}
