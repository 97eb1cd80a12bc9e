import type { Visibility } from '../../../shared/domain';
import type { InboundItem } from '../inbox/ingest';

/** A wire payload that did not parse: kept with its error, and the stream goes on. */
export interface QuarantinedPayload {
  payload: string;
  error: string;
}

export interface UpdatesPage {
  items: InboundItem[];
  quarantined: QuarantinedPayload[];
  cursor: string;
  hasMore: boolean;
  /** Items still to fetch after this page, when the platform says; drives the backfill progress bar. */
  remaining: number | null;
}

export interface ReplyRequest {
  threadPlatformId: string;
  text: string;
  visibility: Visibility;
  /** Stable across retries of the same reply, for platforms that deduplicate on it. */
  idempotencyKey: string;
}

/** Hide a customer's message from the public, or show it again. */
export interface HideRequest {
  /** The conversation's platform id (as in ReplyRequest): some platforms route by it. */
  threadPlatformId: string;
  /** The message's own platform id: the comment, or the reply on X. */
  messagePlatformId: string;
  hidden: boolean;
}

export interface PublishedReply {
  platformId: string;
  createdAt: number;
}

/** Who a token belongs to, as the platform says (getMe, /me, groups.getById, /2/users/me). */
export interface AccountIdentity {
  platformAccountId: string;
  displayName: string;
}

/**
 * How often a stream is read once caught up: right after news the scheduler
 * waits `minIntervalMs`, and each read that brings nothing stretches the wait
 * towards `maxIntervalMs` (a quiet Page is not polled as often as a busy one).
 */
export interface StreamPacing {
  minIntervalMs: number;
  maxIntervalMs: number;
}

/** The most reads the platform allows this account in a window; the scheduler spreads its reads under it. */
export interface RequestBudget {
  requests: number;
  windowMs: number;
}

/**
 * What the sync and the outbox need from a platform. One implementation per
 * folder under platforms/, each with a thin fetch client and a zod mapper.
 */
export interface Connector {
  /** The streams this account syncs (e.g. DMs, comments, mentions), each with its own cursor. */
  readonly streams: readonly string[];
  /**
   * True when sending again with the same idempotencyKey can never publish twice
   * (VK random_id, comment guid, the sandbox's idempotency-key header). When false,
   * the outbox asks findPublished before any resend after an ambiguous outcome.
   */
  readonly dedupesSends: boolean;
  /** Validates the token against the platform; fails with `unauthorized` when it is not valid. */
  verify(signal: AbortSignal): Promise<AccountIdentity>;
  fetchUpdates(stream: string, cursor: string | null, signal: AbortSignal): Promise<UpdatesPage>;
  sendReply(request: ReplyRequest, signal: AbortSignal): Promise<PublishedReply>;
  /**
   * After an ambiguous send: reads the thread's latest outbound messages on the
   * platform and returns the one matching this request (sent at or after
   * `sentAfter`), or null when the platform certainly does not have it.
   * Required where dedupesSends is false; never asked otherwise.
   */
  findPublished?(request: ReplyRequest, sentAfter: number, signal: AbortSignal): Promise<PublishedReply | null>;
  /**
   * Sets a comment's hidden state on the platform. Setting a state is idempotent, so after an
   * unknown outcome the outbox simply sets it again. Present where shared/domain's canHide lists the
   * platform; refuses (`refused`) a message the platform cannot hide.
   */
  setHidden?(request: HideRequest, signal: AbortSignal): Promise<void>;
  /** The stream's reading pace; without one, the scheduler's own poll interval, stretched up to fourfold while quiet. */
  pacing?(stream: string): StreamPacing;
  /** Reads this account may make per window, shared by its streams. */
  readonly readBudget?: RequestBudget;
  /** How long the platform keeps updates nobody fetched, where it has no history call (Telegram: 24 h). */
  readonly updateRetentionMs?: number;
  /** Lets go of what the connector holds beyond its requests (Telegram's poller lock). */
  close?(): void;
}

/**
 * How a platform call failed, in the terms the outbox and the scheduler act on:
 * - network: the request may not have arrived (offline, reset, timeout) — outcome unknown for writes;
 * - server: a 5xx — outcome unknown for writes;
 * - rate_limited: the platform asked us to wait `retryAfterMs`;
 * - refused: a definite no (bad request, permission, window closed) — retrying will not help;
 * - unauthorized: the token is no longer valid;
 * - cursor_invalid: the platform no longer knows our sync position — read again from the start (ingest is idempotent).
 */
export type PlatformErrorKind = 'network' | 'server' | 'rate_limited' | 'refused' | 'unauthorized' | 'cursor_invalid';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PlatformError';
  }

  /** Whether a write that failed this way may nevertheless have been carried out. */
  get ambiguous(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}
