import type { HttpResponse } from '../http';
import { PlatformError } from '../types';
import { WireProblem } from './wire';

/**
 * A non-2xx X answer as a PlatformError (the HTTP status decides; X's codes
 * follow it, developer.x.com/en/support/x-api/error-troubleshooting):
 * 401 the token is no longer valid; 429 wait `waitMs`; 5xx the outcome of a
 * write is unknown; any other 4xx is a definite no, with X's own reason.
 */
export function xError(response: HttpResponse, what: string, waitMs: number): PlatformError {
  const reason = describeProblem(response.body) ?? `HTTP ${response.status}`;
  if (response.status === 401) return new PlatformError('unauthorized', `X does not accept this account's token: ${reason}`);
  if (response.status === 429) return new PlatformError('rate_limited', `X asks to slow down on ${what}: ${reason}`, waitMs);
  if (response.status >= 500) return new PlatformError('server', `X failed on ${what}: ${reason}`);
  return new PlatformError('refused', `X refused ${what}: ${reason}`);
}

/** The problem's detail, then each listed error's message; null for a body that is no problem object. */
function describeProblem(body: unknown): string | null {
  const parsed = WireProblem.safeParse(body);
  if (!parsed.success) return null;
  const { title, detail, errors = [] } = parsed.data;
  const parts = [detail ?? title, ...errors.map((error) => error.message)].filter((part): part is string => part !== undefined && part.length > 0);
  return parts.length > 0 ? [...new Set(parts)].join('; ').slice(0, 1000) : null;
}
