interface Queued {
  /** The position Telegram gives the update (its update_id), kept apart so a hostile payload cannot break the queue. */
  id: number;
  payload: Record<string, unknown>;
}

type WaitOutcome = 'news' | 'timeout' | 'superseded';

/**
 * Telegram's update queue (#getupdates): updates wait until a getUpdates asks
 * with a higher offset, which confirms them and everything before; a negative
 * offset keeps only that many of the newest. One long poll may wait at a time:
 * the next getUpdates ends it, as Telegram ends it with 409.
 */
export class UpdateQueue {
  private entries: Queued[] = [];
  private nextId: number;
  private waiter: ((outcome: WaitOutcome) => void) | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(firstUpdateId: number) {
    this.nextId = firstUpdateId;
  }

  /** Adds an update (`update_id` filled in unless `fields` sets one) and wakes the waiting poll. */
  push(fields: Record<string, unknown>): Record<string, unknown> {
    const id = this.nextId++;
    const payload = { update_id: id, ...fields };
    this.entries.push({ id, payload });
    this.wake('news');
    return payload;
  }

  confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    this.entries = offset > 0 ? this.entries.filter((entry) => entry.id >= offset) : this.entries.slice(offset);
  }

  read(limit: number, allowed: readonly string[]): Record<string, unknown>[] {
    const wanted = (entry: Queued) => allowed.length === 0 || allowed.some((type) => type in entry.payload);
    return this.entries.filter(wanted).slice(0, limit).map((entry) => entry.payload);
  }

  /** Updates not yet confirmed. */
  get size(): number {
    return this.entries.length;
  }

  /** Ends the poll that is waiting, if any: another getUpdates has arrived. */
  supersede(): void {
    this.wake('superseded');
  }

  /** Waits for news, the timeout, another poll, or `cancel` (the client went away). */
  wait(ms: number, cancel: AbortSignal): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      const settle = (outcome: WaitOutcome) => {
        clearTimeout(timer);
        this.timers.delete(timer);
        cancel.removeEventListener('abort', onCancel);
        if (this.waiter === settle) this.waiter = null;
        resolve(outcome);
      };
      const onCancel = () => settle('timeout');
      const timer = setTimeout(() => settle('timeout'), ms);
      this.timers.add(timer);
      cancel.addEventListener('abort', onCancel);
      this.waiter = settle;
    });
  }

  /** Ends every wait at once, for a prompt shutdown. */
  close(): void {
    this.wake('timeout');
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private wake(outcome: WaitOutcome): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(outcome);
  }
}
