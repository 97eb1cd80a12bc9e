import type { RequestBudget, StreamPacing } from '../platforms/types';

/** Quiet streams are read less often: each empty read stretches the wait by this much, up to the stream's maximum. */
const STRETCH = 1.5;

/** The wait between reads of one caught-up stream: back to the minimum on news, longer while nothing comes. */
export class PollPacer {
  private waitMs: number;

  constructor(private readonly pacing: StreamPacing) {
    this.waitMs = pacing.minIntervalMs;
  }

  /** After a read that found the stream caught up: how long to wait before the next. */
  next(brought: number): number {
    this.waitMs = brought > 0 ? this.pacing.minIntervalMs : Math.min(this.pacing.maxIntervalMs, Math.max(1, this.waitMs) * STRETCH);
    return Math.round(this.waitMs);
  }
}

/**
 * An account's read allowance over a sliding window: a read is allowed when
 * fewer than `requests` were made in the last `windowMs`, so no window of that
 * length ever holds more — unlike a token bucket, which lets a full bucket and
 * its refill into one window.
 */
export class ReadBudget {
  /** When the reads in the current window were made, oldest first. */
  private readonly reads: number[] = [];

  constructor(private readonly budget: RequestBudget) {}

  /** Takes a read now and answers 0, or answers how long until one is free (and takes nothing). */
  take(now: number): number {
    while (this.reads.length > 0 && this.reads[0]! <= now - this.budget.windowMs) this.reads.shift();
    if (this.reads.length < this.budget.requests) {
      this.reads.push(now);
      return 0;
    }
    return this.reads[0]! + this.budget.windowMs - now;
  }
}
