import { z } from 'zod';
import { PlatformError } from '../types';
import type { QuarantinedPayload } from '../types';
import { cursorCodec } from '../cursor-codec';
import type { Mapped } from '../quarantine';

/**
 * How a stream walks Graph: a list of parents (conversations, posts, media),
 * then each parent's children (messages, comments) newer than a floor. One
 * fetchUpdates call reads one page of parents; the cursor carries the rest.
 *
 * The cursor holds two times, both in the platform's clock:
 * - `floor` (f): every child created before it has been delivered;
 * - `watermark` (w): every parent last active before it has been fully delivered.
 * A scan lists parents down to w and reads their children down to f. It
 * starts at the server time of its first request (`t`, from the Date header,
 * less a margin for Graph's own clock spread).
 *
 * Posts and media are listed by creation, so their order never changes and a
 * finished scan has seen every child created before `t`: f and w move to t.
 *
 * Conversations are listed by latest activity, so a conversation that gets a
 * new message while a multi-page scan is under way jumps to the first page,
 * already read, and is missed. It is then active after t, so the next scan
 * (listing down to w = t) sees it — but its older unseen messages are older
 * than t, so the floor stays where it was until a scan that fits one page:
 * a single request is a consistent snapshot, nothing can jump over it. Items
 * are re-read, never lost; ingest is idempotent, so re-reading costs requests only.
 */
export interface ParentPage<P> {
  parents: P[];
  /** List entries that did not parse: their children cannot be read, and the error is kept. */
  quarantined: QuarantinedPayload[];
  /** Graph's paging cursor for the next page, null on the last. */
  after: string | null;
  /** The answer's Date header, ms; null when absent. */
  serverTime: number | null;
}

export interface ScanSource<P> {
  listParents(after: string | null, signal: AbortSignal): Promise<ParentPage<P>>;
  /** Conversations are listed by latest activity; posts and media by creation. */
  readonly listedBy: 'activity' | 'creation';
  /** A parent's latest activity; asked only of lists ordered by it. */
  activityOf(parent: P): number;
  readChildren(parent: P, floor: number, signal: AbortSignal): Promise<Mapped>;
}

export interface ScanStep {
  mapped: Mapped;
  cursor: string;
  hasMore: boolean;
}

/** Graph's servers do not share one clock to the millisecond; overlap by this much and let ingest drop the repeats. */
export const CLOCK_MARGIN_MS = 2 * 60_000;

const Cursor = z
  .object({
    v: z.literal(1),
    w: z.number().int().nonnegative(),
    f: z.number().int().nonnegative(),
    scan: z.object({ t: z.number().int().nonnegative(), after: z.string().min(1).max(2048), pages: z.number().int().positive() }).optional(),
  })
  .strict();
type Cursor = z.infer<typeof Cursor>;

export const { encode: encodeScanCursor, decode: decodeScanCursor } = cursorCodec(Cursor, 'Meta');

export async function scanStep<P>(source: ScanSource<P>, cursorText: string | null, start: { floor: number; now: number }, signal: AbortSignal): Promise<ScanStep> {
  let state: Cursor = cursorText === null ? { v: 1, w: start.floor, f: start.floor } : decodeScanCursor(cursorText);
  let page: ParentPage<P>;
  try {
    page = await source.listParents(state.scan?.after ?? null, signal);
  } catch (error) {
    // Graph's paging cursors expire; a refused one costs the scan in progress, not the stream's position.
    if (!(state.scan && error instanceof PlatformError && error.kind === 'refused')) throw error;
    state = { v: 1, w: state.w, f: state.f };
    page = await source.listParents(null, signal);
  }
  const t = state.scan?.t ?? Math.max(0, (page.serverTime ?? start.now) - CLOCK_MARGIN_MS);
  const pages = (state.scan?.pages ?? 0) + 1;

  const mapped: Mapped = { items: [], quarantined: [...page.quarantined] };
  let reachedWatermark = false;
  for (const parent of page.parents) {
    if (source.listedBy === 'activity' && source.activityOf(parent) < state.w) {
      reachedWatermark = true;
      break;
    }
    const children = await source.readChildren(parent, state.f, signal);
    mapped.items.push(...children.items);
    mapped.quarantined.push(...children.quarantined);
  }

  if (!reachedWatermark && page.after !== null) {
    return { mapped, cursor: encodeScanCursor({ v: 1, w: state.w, f: state.f, scan: { t, after: page.after, pages } }), hasMore: true };
  }
  const floor = source.listedBy === 'creation' || pages === 1 ? Math.max(state.f, t) : state.f;
  return { mapped, cursor: encodeScanCursor({ v: 1, w: Math.max(state.w, t), f: floor }), hasMore: false };
}
