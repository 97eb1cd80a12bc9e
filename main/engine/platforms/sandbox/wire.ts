import { z } from 'zod';

/**
 * The sandbox platform's HTTP wire format. The sandbox is a fake platform for
 * the demo workspace and the tests; its client (client.ts), mapper (mapper.ts)
 * and server (fake/) all agree on these schemas.
 *
 *   GET  /v1/me                                   → WireMe
 *   GET  /v1/updates?after=<cursor>&limit=<1..200> → WireUpdatesPage   (after omitted = from the start; comments carry `hidden`)
 *   POST /v1/threads/:threadId/replies            → 201 WireReply (200 + `Idempotent-Replayed: true` for a repeated key)
 *        headers: Idempotency-Key (required, ≤ 64 chars); body WireReplyRequest
 *   GET  /v1/threads/:threadId/replies            → { replies: WireReply[] }  (what was published there; for reconciliation)
 *   PUT  /v1/items/:itemId/hidden                 → 200 WireHidden; body WireHideRequest. Hides a customer's comment from
 *        the public or shows it again; setting the state it has is fine. Only inbound comments: others answer 422 not_hideable.
 *   errors: status ≥ 400 with WireError; 429 carries `Retry-After` (seconds)
 *
 * Control endpoints, for tests and the demo only:
 *   GET    /_sandbox/published → { published: WirePublished[] }
 *   GET    /_sandbox/moderation → { items: WireModeration[] }: every item ever hidden or shown, with its state now
 *   GET    /_sandbox/faults    → the faults still queued and the latency in force
 *   POST   /_sandbox/faults    → body WireFaults: queue faults for the next requests
 *   DELETE /_sandbox/faults    → clear faults
 *   POST   /_sandbox/emit      → body { count } : produce `count` new inbound items now → { emitted: WireItem[] }
 */

export const WireKind = z.enum(['dm', 'comment', 'mention', 'review']);
export const WireLang = z.enum(['en', 'ru', 'pl']);

export const WireMe = z.object({ id: z.string(), name: z.string(), handle: z.string() });
export type WireMe = z.infer<typeof WireMe>;

export const WireItem = z.object({
  id: z.string().min(1).max(64),
  thread: z.object({
    id: z.string().min(1).max(64),
    kind: WireKind,
    /** For comments: the brand's post text; for reviews: the place reviewed; for DMs: empty. */
    title: z.string().max(1000),
    rating: z.number().int().min(1).max(5).optional(),
  }),
  author: z.object({
    id: z.string().min(1).max(64),
    name: z.string().max(200),
    handle: z.string().max(200),
    lang: WireLang,
  }),
  text: z.string().max(100_000),
  created_at: z.iso.datetime(),
  direction: z.enum(['in', 'out']),
  visibility: z.enum(['public', 'private']),
  /**
   * On a customer's comment: whether the brand hid it (PUT /v1/items/:id/hidden), as it stands when
   * the item is served. The feed is append-only, so a later change shows only when the item is served
   * again (a read from the start after a cursor reset); there is no change event, as on Meta.
   */
  hidden: z.boolean().optional(),
});
export type WireItem = z.infer<typeof WireItem>;

/** Items are parsed one by one by the mapper, so one malformed item is quarantined and the rest go on. */
export const WireUpdatesPage = z.object({
  updates: z.array(z.unknown()),
  cursor: z.string(),
  has_more: z.boolean(),
  /** How many items the platform holds in all, for the backfill's progress bar. */
  total: z.number().int().nonnegative(),
  /** Items after this page, so a client can show how far a catch-up has come. */
  remaining: z.number().int().nonnegative(),
});
export type WireUpdatesPage = z.infer<typeof WireUpdatesPage>;

export const WireReplyRequest = z.object({
  text: z.string().min(1).max(10_000),
  visibility: z.enum(['public', 'private']),
});
export type WireReplyRequest = z.infer<typeof WireReplyRequest>;

export const WireReply = z.object({
  id: z.string(),
  thread_id: z.string(),
  text: z.string(),
  visibility: z.enum(['public', 'private']),
  idempotency_key: z.string(),
  created_at: z.iso.datetime(),
});
export type WireReply = z.infer<typeof WireReply>;

export const WirePublished = WireReply.extend({
  /** How many POSTs carried this idempotency key (retries included); the reply exists once regardless. */
  attempts: z.number().int().positive(),
});
export type WirePublished = z.infer<typeof WirePublished>;

export const WireHideRequest = z.object({ hidden: z.boolean() });
export type WireHideRequest = z.infer<typeof WireHideRequest>;

export const WireHidden = z.object({ id: z.string(), hidden: z.boolean() });
export type WireHidden = z.infer<typeof WireHidden>;

export const WireModeration = WireHidden.extend({
  /** How many PUTs reached this item (retries included). */
  requests: z.number().int().positive(),
  /** When its state last changed. */
  changed_at: z.iso.datetime(),
});
export type WireModeration = z.infer<typeof WireModeration>;

export const WireError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Faults are queued and consumed by the next matching requests, so a test is
 * deterministic: `{ fail: { status: 503, count: 2 }, route: 'replies' }` fails
 * exactly the next two reply POSTs. `commit_then_fail` publishes the reply and
 * then answers 502 — the ambiguous outcome the outbox must handle.
 */
export const WireFaults = z.object({
  route: z.enum(['any', 'updates', 'replies', 'moderation']).default('any'),
  latency_ms: z.number().int().min(0).max(60_000).optional(),
  fail: z.object({ status: z.number().int().min(500).max(599), count: z.number().int().min(1).max(1000) }).optional(),
  rate_limit: z.object({ retry_after_s: z.number().int().min(0).max(3600), count: z.number().int().min(1).max(1000) }).optional(),
  drop: z.object({ count: z.number().int().min(1).max(1000) }).optional(),
  commit_then_fail: z.object({ count: z.number().int().min(1).max(1000) }).optional(),
});
export type WireFaults = z.infer<typeof WireFaults>;
