import type { Db } from '../db/open';

/** Even with nothing due, look again this often: the clock may have jumped (sleep, a time-zone change). */
const MAX_SLEEP_MS = 60_000;

/**
 * Brings snoozed conversations back to "Needs reply" when their time comes.
 * One timer, set for the next snooze to end (or a minute, whichever is
 * sooner); `reschedule()` after every snooze so a 1-minute snooze is not
 * late. The clock keeps running while snoozed, so a conversation that wakes
 * past its target is overdue at once.
 */
export class SnoozeWaker {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly wakeDue;
  private readonly nextDue;

  constructor(
    db: Db,
    private readonly now: () => number,
    private readonly onWoken: (conversationIds: string[]) => void,
  ) {
    this.wakeDue = db
      .prepare<[number, number], string>(
        "UPDATE conversations SET status = 'open', snoozed_until = NULL, updated_at = ? WHERE status = 'snoozed' AND snoozed_until <= ? RETURNING id",
      )
      .pluck();
    this.nextDue = db.prepare<[], number | null>("SELECT min(snoozed_until) FROM conversations WHERE status = 'snoozed'").pluck();
  }

  start(): void {
    this.stopped = false;
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A snooze was set or undone: the next wake-up may be sooner. */
  reschedule(): void {
    if (!this.stopped) this.tick();
  }

  private tick(): void {
    if (this.timer) clearTimeout(this.timer);
    const now = this.now();
    const woken = this.wakeDue.all(now, now);
    if (woken.length > 0) this.onWoken(woken);
    const next = this.nextDue.get() ?? null;
    const delay = next === null ? MAX_SLEEP_MS : Math.min(Math.max(next - this.now(), 0), MAX_SLEEP_MS);
    this.timer = setTimeout(() => this.tick(), delay);
    this.timer.unref();
  }
}
