interface Queued {
  /** The position Telegram gives the update (its update_id), kept apart so a hostile payload cannot break the queue. */
  id: number;
  payload: Record<string, unknown>;
}

type WaitOutcome = 'news' | 'timeout' | 'superseded';

/**
 * Telegram's update queue (#getupdates): updates wait until a getUpdates asks
 * with a higher offset, which confirms them and everything before; a negative
 * offset keeps only that many of the newest. Types the bot did not ask for
 * (allowed_updates) are not kept. One long poll may wait at a time:
 * the next getUpdates ends it, as Telegram ends it with 409.
 */
export class UpdateQueue {
  private entries: Queued[] = [];
  private nextId: number;
  private allowed: string[] = [];
  private waiter: ((outcome: WaitOutcome) => void) | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(firstUpdateId: number) {
    this.nextId = firstUpdateId;
  }

  /**
   * Adds an update and wakes the waiting poll. A usable `update_id` in `fields`
   * (a fixture's) is kept when it is ahead of the queue; any other value stays in
   * the payload as given, for hostile tests, while the queue orders it by its own id.
   */
  push(fields: Record<string, unknown>): Record<string, unknown> {
    const wanted = this.allowed.length === 0 || this.allowed.some((type) => type in fields);
    const given = fields.update_id;
    const id = Number.isSafeInteger(given) && (given as number) >= this.nextId ? (given as number) : this.nextId;
    this.nextId = id + 1;
    const payload = { update_id: id, ...fields };
    if (!wanted) return payload; // Telegram does not keep an update type the bot did not ask for
    this.entries.push({ id, payload });
    this.wake('news');
    return payload;
  }

  confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    this.entries = offset > 0 ? this.entries.filter((entry) => entry.id >= offset) : this.entries.slice(offset);
  }

  read(limit: number): Record<string, unknown>[] {
    return this.entries.slice(0, limit).map((entry) => entry.payload);
  }

  /**
   * The update types to keep from now on; empty means all. Telegram remembers the
   * last list given, and updates already queued are still delivered.
   */
  allow(types: readonly string[]): void {
    this.allowed = [...types];
  }

  /** The id given to the newest update. */
  get lastId(): number {
    return this.nextId - 1;
  }

  /** Updates not yet confirmed. */
  get size(): number {
    return this.entries.length;
  }

  /** Whether a long poll is waiting for news. */
  get waiting(): boolean {
    return this.waiter !== null;
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
