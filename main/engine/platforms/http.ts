import { PlatformError } from './types';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * fetch with a timeout, JSON decoding and failures translated to PlatformError.
 * No retries here: retrying is the outbox's and the scheduler's decision.
 */
export async function requestJson(url: string, init: RequestInit & { timeoutMs?: number }, signal: AbortSignal): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(init.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.any([signal, timeout]) });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new PlatformError('network', timeout.aborted ? 'The platform did not answer in time' : 'The platform could not be reached', null, { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new PlatformError('network', 'The connection dropped while reading the answer', null, { cause: error });
  }
  let body: unknown = null;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body };
}

/** Seconds or an HTTP date, per RFC 9110; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
