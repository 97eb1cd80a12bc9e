import { parseRetryAfter, type HttpResponse } from '../http';
import { PlatformError } from '../types';
import type { UsageBudget } from './usage';
import { WireGraphError } from './wire';

/** Codes from the Graph error reference (graph-api/guides/error-handling). */
const INVALID_TOKEN = new Set([102, 190]);
/** Application, user, Page and custom-level throttling; 80001–80014 are the business use case limits. */
const THROTTLED = new Set([4, 17, 32, 613]);
const TRANSIENT = new Set([1, 2]);
/** Messenger: "This message is sent outside of allowed window". */
export const OUTSIDE_WINDOW_SUBCODE = 2_018_278;

/** Without a regain estimate, wait this long after a throttling error: Graph's window is a rolling hour. */
export const DEFAULT_THROTTLE_WAIT_MS = 5 * 60_000;

/**
 * A DM refused because Messenger's (or Instagram's) reply window has closed:
 * more than 7 days since the customer last wrote. Retrying cannot help until
 * the customer writes again; the agent needs to know this is why.
 */
export class MessagingWindowClosed extends PlatformError {
  constructor(
    message: string,
    /** The customer's latest message, when known. */
    readonly lastCustomerMessageAt: number | null,
  ) {
    super('refused', message);
    this.name = 'MessagingWindowClosed';
  }
}

function isThrottle(code: number): boolean {
  return THROTTLED.has(code) || (code >= 80_001 && code <= 80_014);
}

/**
 * A non-2xx Graph answer as a PlatformError: the error object decides when it
 * parses (Graph puts throttling and token errors under HTTP 400/403), the HTTP
 * status otherwise.
 */
export function graphError(response: HttpResponse, usage: UsageBudget | null, now: number): PlatformError {
  const parsed = WireGraphError.safeParse(response.body);
  const waitMs = parseRetryAfter(response.headers.get('retry-after'), now) ?? usage?.regainAccessMs ?? DEFAULT_THROTTLE_WAIT_MS;
  if (!parsed.success) {
    const message = `The platform answered HTTP ${response.status} without a Graph error`;
    if (response.status === 429) return new PlatformError('rate_limited', message, waitMs);
    if (response.status === 401) return new PlatformError('unauthorized', message);
    return new PlatformError(response.status >= 500 ? 'server' : 'refused', message);
  }
  const { code, error_subcode: subcode, is_transient: transient, fbtrace_id: trace } = parsed.data.error;
  const message = `${parsed.data.error.message} (Graph code ${code}${subcode === undefined ? '' : `/${subcode}`}${trace ? `, fbtrace_id ${trace}` : ''})`;
  if (INVALID_TOKEN.has(code)) return new PlatformError('unauthorized', message);
  if (isThrottle(code)) return new PlatformError('rate_limited', message, waitMs);
  if (subcode === OUTSIDE_WINDOW_SUBCODE) return new MessagingWindowClosed(message, null);
  if (TRANSIENT.has(code) || transient === true || response.status >= 500) return new PlatformError('server', message);
  return new PlatformError('refused', message);
}
