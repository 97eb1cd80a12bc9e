import { z } from 'zod';
import { PlatformError } from '../types';
import { compareIds } from './ids';
import { cursorCodec } from '../cursor-codec';
import type { Mapped } from '../quarantine';
import { itemId } from './mapper';
import { Snowflake } from './wire';

/**
 * How a stream reads a newest-first X list (mentions, DM events) without
 * losing what arrives or what a crash interrupts.
 *
 * The cursor's `since` is the newest id delivered: everything up to it has
 * been committed. A scan reads from the newest item down to `since`, page by
 * page with X's pagination_token, and the scheduler commits each page with a
 * cursor that carries the scan (`top`, the newest id of its first page, and
 * the token to the next page). Only when the scan reaches `since` (or the end
 * of the list) does `since` move to `top`; a crash mid-scan resumes at the
 * stored token, and new items that arrive meanwhile are above `top`, read by
 * the next scan. Mentions take `since` as since_id; dm_events has no such
 * parameter, so the scan drops what is not above `since` and stops there.
 */
export interface ListPage {
  raw: unknown[];
  next: string | null;
}

export interface ScanStep {
  mapped: Mapped;
  cursor: string;
  hasMore: boolean;
}

/** A bound on one scan: X keeps the latest 800 mentions and 30 days of DMs, far fewer than this many full pages. */
export const MAX_SCAN_PAGES = 50;

const Cursor = z
  .object({
    v: z.literal(1),
    since: Snowflake.nullable(),
    scan: z.object({ top: Snowflake.nullable(), next: z.string().min(1).max(1024), pages: z.number().int().positive() }).strict().optional(),
  })
  .strict();
type Cursor = z.infer<typeof Cursor>;

export const { encode: encodeCursor, decode: decodeCursor } = cursorCodec(Cursor, 'X');

/** One step of a scan: reads a page (`read` gets `since` and the page token) and maps what is above `since` with that page's help. */
export async function scanStep<P extends ListPage>(
  read: (since: string | null, token: string | null) => Promise<P>,
  map: (raw: unknown[], page: P) => Mapped,
  cursorText: string | null,
): Promise<ScanStep> {
  let state: Cursor = cursorText === null ? { v: 1, since: null } : decodeCursor(cursorText);
  let page: P;
  try {
    page = await read(state.since, state.scan?.next ?? null);
  } catch (error) {
    // Pagination tokens can expire: a refused one costs the scan in progress, not the stream's position.
    if (!(state.scan && error instanceof PlatformError && error.kind === 'refused')) throw error;
    state = { v: 1, since: state.since };
    page = await read(state.since, null);
  }
  const since = state.since;
  const fresh = page.raw.filter((entry) => {
    const id = itemId(entry);
    return id === null || since === null || compareIds(id, since) > 0;
  });
  const reachedSince = fresh.length < page.raw.length;
  const pageTop = newest(page.raw.map(itemId));
  const top = state.scan ? state.scan.top : pageTop;
  const pages = (state.scan?.pages ?? 0) + 1;
  const mapped = map(fresh, page);

  if (page.next !== null && !reachedSince && pages < MAX_SCAN_PAGES) {
    return { mapped, cursor: encodeCursor({ v: 1, since, scan: { top, next: page.next, pages } }), hasMore: true };
  }
  return { mapped, cursor: encodeCursor({ v: 1, since: newest([since, top]) }), hasMore: false };
}

function newest(ids: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const id of ids) if (id !== null && (best === null || compareIds(id, best) > 0)) best = id;
  return best;
}
