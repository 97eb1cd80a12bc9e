import { PlatformError } from '../types';

/**
 * X limits each endpoint separately, per 15-minute window, and reports where
 * a window stands on every answer: x-rate-limit-limit, x-rate-limit-remaining
 * and x-rate-limit-reset (epoch seconds). Once an endpoint has none left, a
 * call before the reset would only earn a 429 and count against the app, so
 * it is refused here without calling.
 */

/** When X says 429 without a reset time: its windows are 15 minutes long. */
export const DEFAULT_WINDOW_MS = 15 * 60_000;
/** A reset already past on our clock (the clocks differ) still gets this much wait. */
const MIN_WAIT_MS = 1_000;

interface Window {
  remaining: number;
  resetAt: number;
}

export class RateLimits {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number) {}

  /** Throws rate_limited, with the wait, when `endpoint` has no calls left in its window. */
  check(endpoint: string): void {
    const window = this.windows.get(endpoint);
    if (!window || window.remaining > 0) return;
    const wait = window.resetAt - this.now();
    if (wait <= 0) {
      this.windows.delete(endpoint);
      return;
    }
    throw new PlatformError('rate_limited', `X allows no more ${endpoint} calls until ${new Date(window.resetAt).toISOString()}`, wait);
  }

  /** Records what an answer's headers say about `endpoint`'s window; answers without them change nothing. */
  record(endpoint: string, headers: Headers): void {
    const remaining = Number(headers.get('x-rate-limit-remaining') ?? NaN);
    const resetAt = resetTime(headers);
    if (!Number.isInteger(remaining) || remaining < 0 || resetAt === null) return;
    this.windows.set(endpoint, { remaining, resetAt });
  }

  /** How long a 429 asks us to wait. */
  waitAfter429(headers: Headers): number {
    const resetAt = resetTime(headers);
    return resetAt === null ? DEFAULT_WINDOW_MS : Math.max(MIN_WAIT_MS, resetAt - this.now());
  }
}

function resetTime(headers: Headers): number | null {
  const seconds = Number(headers.get('x-rate-limit-reset') ?? NaN);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds * 1000 : null;
}
