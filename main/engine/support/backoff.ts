export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the window is fixed, half is
 * random, so many clients that failed together do not retry together, yet no
 * retry comes sooner than half the nominal delay.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const window = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(window / 2 + (random() * window) / 2);
}
