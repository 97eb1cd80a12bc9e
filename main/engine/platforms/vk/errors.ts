import { parseRetryAfter, type HttpResponse } from '../http';
import { PlatformError } from '../types';
import type { WireApiError } from './wire';

/**
 * VK's error codes (reference/errors) in the terms the outbox and the
 * scheduler act on. VK answers HTTP 200 with an error object, so the code
 * decides; only a proxy in between answers with an HTTP error status.
 */
export const USER_AUTHORIZATION_FAILED = 5;
export const TOO_MANY_REQUESTS_PER_SECOND = 6;
export const FLOOD_CONTROL = 9;
export const INTERNAL_SERVER_ERROR = 10;
export const RATE_LIMIT_REACHED = 29;

/**
 * How long to wait after each throttling code, since VK gives no Retry-After:
 * 6 is the per-second request cap (3/s for a user token, 20/s for a community);
 * 9 is too many actions of one kind (e.g. messages to one person) and eases
 * within minutes; 29 is a method's daily quota, so an hour is the useful step.
 */
export const THROTTLE_WAIT_MS: Readonly<Record<number, number>> = {
  [TOO_MANY_REQUESTS_PER_SECOND]: 1_000,
  [FLOOD_CONTROL]: 60_000,
  [RATE_LIMIT_REACHED]: 60 * 60_000,
};

export function vkError(error: WireApiError, method: string): PlatformError {
  const message = `VK ${method}: ${error.error_msg} (error ${error.error_code})`;
  if (error.error_code === USER_AUTHORIZATION_FAILED) return new PlatformError('unauthorized', message);
  const wait = THROTTLE_WAIT_MS[error.error_code];
  if (wait !== undefined) return new PlatformError('rate_limited', message, wait);
  if (error.error_code === INTERNAL_SERVER_ERROR) return new PlatformError('server', message);
  return new PlatformError('refused', message);
}

/** An answer that is not VK's: a proxy's 429 or 5xx, a truncated body. */
export function withoutEnvelope(response: HttpResponse, what: string, now: number): PlatformError {
  const message = `VK ${what}: the answer is not VK's (HTTP ${response.status})`;
  if (response.status === 429) return new PlatformError('rate_limited', message, parseRetryAfter(response.headers.get('retry-after'), now) ?? THROTTLE_WAIT_MS[TOO_MANY_REQUESTS_PER_SECOND]!);
  if (response.status === 401) return new PlatformError('unauthorized', message);
  if (response.status >= 400 && response.status < 500) return new PlatformError('refused', message);
  return new PlatformError('server', message);
}
