import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../fake-kit/loopback-server';
import { z } from 'zod';
import { WireHideRequest, WireReplyRequest, type WireItem, type WireModeration, type WirePublished, type WireUpdatesPage } from '../wire';
import { BRAND } from './brand';
import { decodeCursor, encodeCursor } from './cursor';
import { FaultPlan, SandboxFaults, type FaultRoute } from './faults';
import { Feed } from './feed';
import { Seed, seedTag } from './generator';
import { describeIssues } from '../../quarantine';
import { HttpError, errorResponse, readJson, sendJson, type JsonResponse } from '../../fake-kit/http';
import { ModerationLedger } from './moderation';
import { ReplyLedger } from './replies';

export interface SandboxOptions {
  /** PRNG seed, 0..2^32-1. */
  seed: number;
  /** 0 = any free port (default 0). */
  port?: number;
  /** ms since the Unix epoch; backfill items are dated before it, live items after. Default: now, rounded down to the minute. */
  epoch?: number;
  /** Items available at start (default 400). */
  backfill?: number;
  /** A new inbound item becomes available every N ms after the epoch (default null: no live items). */
  liveIntervalMs?: number | null;
  /** The clock (default Date.now), for tests. */
  now?: () => number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  /** The replies received, deduplicated by idempotency key, with how many POSTs carried each key. */
  published(): WirePublished[];
  /** Every comment the brand hid or showed again, with its state now. */
  moderation(): WireModeration[];
  /** Produces `count` (1..1000) new inbound items now. */
  emit(count: number): WireItem[];
  /** Stops listening and destroys open sockets, so tests end promptly. */
  close(): Promise<void>;
}

const Options = z.object({
  seed: Seed,
  port: z.number().int().min(0).max(65_535).default(0),
  epoch: z.number().int().min(0).optional(),
  backfill: z.number().int().min(0).max(100_000).default(400),
  liveIntervalMs: z.number().int().min(1).nullable().default(null),
});

const EmitCount = z.number().int().min(1).max(1000);
const EmitRequest = z.object({ count: EmitCount });

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 200;
const MAX_KEY_LENGTH = 64;
const THREAD_REPLIES = /^\/v1\/threads\/([^/]+)\/replies$/;
const ITEM_HIDDEN = /^\/v1\/items\/([^/]+)\/hidden$/;

function parseLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw new HttpError(400, 'invalid_limit', `limit must be an integer from 1 to ${MAX_LIMIT}.`);
  return limit;
}

function allow(request: IncomingMessage, ...methods: string[]): void {
  if (!methods.includes(request.method ?? '')) {
    throw new HttpError(405, 'method_not_allowed', `Use ${methods.join(' or ')} here.`, { allow: methods.join(', ') });
  }
}

/** As on the big platforms: a Page hides what others wrote under its posts, not its own replies or private messages. */
function hideable(item: WireItem): boolean {
  return item.direction === 'in' && item.thread.kind === 'comment';
}

function idFrom(encoded: string, what: 'thread' | 'item'): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new HttpError(404, `${what}_not_found`, `No such ${what}.`);
  }
}

/** The sandbox platform: a fake social network over real HTTP on 127.0.0.1 (routes and faults: see ../wire.ts). */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const parsed = Options.safeParse(options);
  if (!parsed.success) throw new RangeError(`Invalid sandbox options: ${describeIssues(parsed.error)}`);
  const { seed, port, backfill, liveIntervalMs } = parsed.data;
  const now = options.now ?? Date.now;
  const epoch = parsed.data.epoch ?? Math.floor(now() / 60_000) * 60_000;

  const feed = new Feed({ seed, epoch, backfill, liveIntervalMs });
  const ledger = new ReplyLedger(seedTag(seed));
  const moderation = new ModerationLedger();
  const faults = new FaultPlan();
  /** An item as the platform shows it now: a customer's comment says whether it is hidden. */
  const served = (item: WireItem): WireItem => (hideable(item) ? { ...item, hidden: moderation.hidden(item.id) } : item);

  function updates(url: URL): JsonResponse {
    feed.catchUp(now());
    const after = url.searchParams.get('after');
    const position = after === null ? 0 : decodeCursor(after);
    if (position === null || position > feed.size) throw new HttpError(400, 'invalid_cursor', 'The cursor was not issued by this feed.');
    const items = feed.slice(position, position + parseLimit(url.searchParams.get('limit'))).map(served);
    const end = position + items.length;
    const page: WireUpdatesPage = {
      updates: items,
      cursor: items.length > 0 ? encodeCursor(end) : (after ?? encodeCursor(0)),
      has_more: end < feed.size,
      total: feed.size,
      remaining: feed.size - end,
    };
    return { status: 200, body: page };
  }

  async function publishReply(request: IncomingMessage, threadId: string): Promise<JsonResponse> {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new HttpError(400, 'invalid_idempotency_key', `The Idempotency-Key header is required, 1 to ${MAX_KEY_LENGTH} characters.`);
    }
    const body = await readJson(request, WireReplyRequest);
    feed.catchUp(now());
    if (!feed.thread(threadId)) throw new HttpError(404, 'thread_not_found', 'No such thread.');
    const outcome = ledger.submit(threadId, key, body, now());
    switch (outcome.status) {
      case 'conflict':
        throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different reply.');
      case 'replayed':
        return { status: 200, body: outcome.reply, headers: { 'idempotent-replayed': 'true' } };
      case 'created':
        feed.addReply(outcome.reply);
        return { status: 201, body: outcome.reply };
    }
  }

  function threadReplies(threadId: string): JsonResponse {
    feed.catchUp(now());
    if (!feed.thread(threadId)) throw new HttpError(404, 'thread_not_found', 'No such thread.');
    return { status: 200, body: { replies: ledger.inThread(threadId) } };
  }

  async function setHidden(request: IncomingMessage, itemId: string): Promise<JsonResponse> {
    const { hidden } = await readJson(request, WireHideRequest);
    feed.catchUp(now());
    const item = feed.item(itemId);
    if (!item) throw new HttpError(404, 'item_not_found', 'No such item.');
    if (!hideable(item)) throw new HttpError(422, 'not_hideable', 'Only customers\' comments can be hidden.');
    const record = moderation.set(itemId, hidden, now());
    return { status: 200, body: { id: record.id, hidden: record.hidden } };
  }

  /** Runs `work` under the fault plan: a queued fault is consumed on arrival and decides what the client gets. */
  async function underFaults(route: FaultRoute, request: IncomingMessage, response: ServerResponse, work: () => Promise<JsonResponse> | JsonResponse) {
    const fault = await faults.arrive(route, server.sleep);
    switch (fault?.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'fail':
        throw new HttpError(fault.status, 'injected_failure', `Injected ${fault.status} (sandbox fault).`);
      case 'rate_limit':
        throw new HttpError(429, 'rate_limited', 'Too many requests (sandbox fault).', { 'retry-after': String(fault.retryAfterS) });
    }
    const result = await work();
    if (fault?.kind === 'commit_then_fail' && result.status < 300) {
      throw new HttpError(502, 'bad_gateway', 'The upstream failed after the change was committed (sandbox fault).');
    }
    sendJson(response, result);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const threadMatch = THREAD_REPLIES.exec(path);
    const hiddenMatch = ITEM_HIDDEN.exec(path);

    if (path === '/v1/updates') {
      allow(request, 'GET');
      return underFaults('updates', request, response, () => updates(url));
    }
    if (threadMatch) {
      allow(request, 'GET', 'POST');
      const threadId = idFrom(threadMatch[1]!, 'thread');
      if (request.method === 'GET') return sendJson(response, threadReplies(threadId));
      return underFaults('replies', request, response, () => publishReply(request, threadId));
    }
    if (hiddenMatch) {
      allow(request, 'PUT');
      const itemId = idFrom(hiddenMatch[1]!, 'item');
      return underFaults('moderation', request, response, () => setHidden(request, itemId));
    }
    switch (path) {
      case '/v1/me':
        allow(request, 'GET');
        return sendJson(response, { status: 200, body: BRAND });
      case '/_sandbox/published':
        allow(request, 'GET');
        return sendJson(response, { status: 200, body: { published: ledger.published() } });
      case '/_sandbox/moderation':
        allow(request, 'GET');
        return sendJson(response, { status: 200, body: { items: moderation.items() } });
      case '/_sandbox/faults':
        allow(request, 'GET', 'POST', 'DELETE');
        if (request.method === 'POST') faults.addPlan(await readJson(request, SandboxFaults));
        else if (request.method === 'DELETE') faults.clear();
        return sendJson(response, { status: 200, body: faults.describe() });
      case '/_sandbox/emit': {
        allow(request, 'POST');
        const { count } = await readJson(request, EmitRequest);
        return sendJson(response, { status: 200, body: { emitted: feed.emit(count, now()).map(served) } });
      }
    }
    throw new HttpError(404, 'not_found', `No route for ${path}.`);
  }

  const server = await listenOnLoopback(
    route,
    (error, response) => {
      sendJson(response, errorResponse(error instanceof HttpError ? error : new HttpError(500, 'internal', 'Internal sandbox error.')));
    },
    port,
  );

  return {
    url: server.origin,
    published: () => ledger.published(),
    moderation: () => moderation.items(),
    emit: (count) => feed.emit(EmitCount.parse(count), now()).map(served),
    close: () => server.close(),
  };
}
