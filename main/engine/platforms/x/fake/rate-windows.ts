/**
 * X's per-endpoint rate limits as the fake keeps them: each endpoint allows
 * `limit` calls in a 15-minute window that opens with its first call, and
 * every answer says where the window stands (x-rate-limit-limit, -remaining,
 * -reset in epoch seconds). A call over the limit is refused with 429.
 */
const WINDOW_MS = 15 * 60_000;

/** Per-user limits of the Basic tier, per 15 minutes (docs.x.com/x-api/fundamentals/rate-limits). */
export const DEFAULT_LIMITS: Readonly<Record<string, number>> = {
  'GET /2/users/me': 75,
  'GET /2/users/:id/mentions': 180,
  'GET /2/users/:id/tweets': 900,
  'POST /2/tweets': 200,
  'GET /2/dm_events': 15,
  'GET /2/dm_conversations/dm_events': 15,
  'POST /2/dm_conversations/messages': 200,
  'PUT /2/tweets/:id/hidden': 50,
};

interface Window {
  openedAt: number;
  used: number;
}

export class RateWindows {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: Readonly<Record<string, number>>,
    private readonly now: () => number,
  ) {}

  /** Counts a call; `admitted` is false (and nothing counted) once the window is spent. */
  take(endpoint: string): { admitted: boolean; headers: Record<string, string> } {
    const window = this.current(endpoint);
    const limit = this.limits[endpoint] ?? 900;
    const admitted = window.used < limit;
    if (admitted) window.used++;
    return { admitted, headers: this.headers(window, limit) };
  }

  /** Spends the window now, as if other calls had used it: the next call is refused until `resetInS` from now. */
  exhaust(endpoint: string, resetInS: number): Record<string, string> {
    const limit = this.limits[endpoint] ?? 900;
    const window = { openedAt: this.now() + resetInS * 1000 - WINDOW_MS, used: limit };
    this.windows.set(endpoint, window);
    return this.headers(window, limit);
  }

  private current(endpoint: string): Window {
    const existing = this.windows.get(endpoint);
    if (existing && this.now() < existing.openedAt + WINDOW_MS) return existing;
    const opened = { openedAt: this.now(), used: 0 };
    this.windows.set(endpoint, opened);
    return opened;
  }

  private headers(window: Window, limit: number): Record<string, string> {
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - window.used)),
      'x-rate-limit-reset': String(Math.ceil((window.openedAt + WINDOW_MS) / 1000)),
    };
  }
}
