import type { InboundItem } from '../../inbox/ingest';
import { requestJson } from '../http';
import { PlatformError, type AccountIdentity, type Connector, type PublishedReply, type QuarantinedPayload, type ReplyRequest, type RequestBudget, type StreamPacing, type UpdatesPage } from '../types';
import { quarantine } from '../quarantine';
import { vkError, withoutEnvelope } from './errors';
import { commentId, guidFor, messageId, parseThreadId, randomIdFor } from './ids';
import { inWindow, mapComments, mapEvents, rawDate, type Community, type MappedComments, type ScanWindow } from './mapper';
import {
  API_VERSION,
  AccessToken,
  VK_API,
  WireCreatedComment,
  WireEnvelope,
  WireGroupsById,
  WireItems,
  WireLongPollAnswer,
  WireLongPollServer,
  WirePost,
  WireSendResults,
} from './wire';

export interface VkConfig {
  /** Default https://api.vk.com; the fake server's address in tests. */
  apiUrl?: string;
  /**
   * The community (group) this account answers for, a positive number. Null
   * while a new token is checked: verify() then says whose it is, and the
   * account's connector is built with that id.
   */
  groupId: number | null;
  /** A community access token with the messages, wall and manage rights. It goes into request bodies only. */
  token: string;
  /** How long one long poll may wait for news; VK allows 1–90 s and recommends 25, as some proxies cut idle connections at 30. */
  longPollSeconds?: number;
  /** How long a call may take on top of its long poll (default 30 s). */
  requestTimeoutMs?: number;
  /** How far back the first sync reads wall comments (default 14 days). */
  backfillDays?: number;
  /** The latest posts whose comments each poll reads (default 20, at most 100). */
  postsPerScan?: number;
}

export type VkStream = 'messages' | 'wall_comments';

const DEFAULT_LONG_POLL_S = 25;
const DEFAULT_TIMEOUT_MS = 30_000;
const DAY_MS = 24 * 60 * 60_000;
/** wall.getComments returns at most 100 per call. */
const COMMENT_PAGE = 100;
/** A bound on one post's comment pages per poll: 1,000 top-level comments is far beyond a support backlog. */
const MAX_COMMENT_PAGES = 10;
/** Replies returned inside each top-level comment; a longer thread is read with its own call. */
const THREAD_ITEMS = 10;
/** failed 2/3 are answered by one new session; a fresh session failing again is not going to get better now. */
const MAX_SESSION_ROUNDS = 3;

type Params = Record<string, string | number>;

interface LongPollSession {
  server: string;
  key: string;
}

/**
 * A VK community over the VK API (wire format: wire.ts; ids: ids.ts; errors: errors.ts).
 *
 * Messages come from the Bots Long Poll. The sync cursor is the long poll's
 * `ts` alone, committed by the scheduler with the page, so no event is treated
 * as read before it is in SQLite. The session's server and key live only in
 * memory (the key is a credential): after a restart, or when VK says failed 2
 * (key expired), a new session is asked for and the stored ts kept; failed 3
 * (history lost) takes the new session's ts; failed 1 goes on from the ts VK
 * gives. In the last two cases events between the two ts are gone on VK's
 * side; nothing here can read them back.
 *
 * Wall comments are read by scanning the latest posts (wall.get) and their
 * comments (wall.getComments) since a watermark: the newest date read in the
 * last scan, in VK's own clock. A scan reads every comment of the posts it
 * scans, so nothing dated before the watermark was missed. Comments of that very second are read again (ingest is
 * idempotent), so one posted in the same second after a scan is not skipped.
 *
 * Sends deduplicate on VK's side: messages.send carries a random_id and
 * wall.createComment a guid, both derived from the outbox row id (ids.ts), so a
 * resend after an unknown outcome returns the message VK already has. VK checks
 * a random_id against the community's whole message history, so a resend after
 * any outage dedupes; for a guid VK states no period, and the outbox's retries
 * come within minutes unless the app itself was off.
 */
export class VkConnector implements Connector {
  readonly streams: readonly VkStream[] = ['messages', 'wall_comments'];
  readonly dedupesSends = true;
  /** VK allows a community token 20 calls a second; the account's reads keep to half of that, leaving room for sends. */
  readonly readBudget: RequestBudget = { requests: 10, windowMs: 1_000 };

  /** Messages come by long poll (VK holds the request until news): no wait. The wall is scanned every 15 s, less often while quiet. */
  pacing(stream: string): StreamPacing {
    return stream === 'messages' ? { minIntervalMs: 0, maxIntervalMs: 0 } : { minIntervalMs: 15_000, maxIntervalMs: 120_000 };
  }
  private readonly apiUrl: string;
  private readonly token: string;
  private readonly community: Community | null;
  private session: LongPollSession | null = null;

  constructor(
    private readonly config: VkConfig,
    private readonly now: () => number = Date.now,
  ) {
    const token = AccessToken.safeParse(config.token);
    // The zod message would quote the input: say what is wrong without it.
    if (!token.success) throw new RangeError('The VK access token is not valid: expected 20–512 letters, digits, dots, _ or -');
    if (config.groupId !== null && !(Number.isSafeInteger(config.groupId) && config.groupId > 0)) throw new RangeError('A VK community id is a positive integer');
    this.token = token.data;
    this.apiUrl = (config.apiUrl ?? VK_API).replace(/\/+$/, '');
    this.community = config.groupId === null ? null : { groupId: config.groupId };
  }

  /** The community every call but verify() is about; a connector that has only checked a token has none. */
  private group(): Community {
    if (this.community === null) throw new Error('VkConnector: the community is not known until verify() has named it');
    return this.community;
  }

  /** The community the token belongs to; a token of another community is refused as unauthorized for this account. */
  async verify(signal: AbortSignal): Promise<AccountIdentity> {
    const { groups } = parseOr(WireGroupsById, await this.call('groups.getById', {}, signal), 'groups.getById');
    const group = groups[0]!;
    if (this.config.groupId !== null && group.id !== this.config.groupId) throw new PlatformError('unauthorized', `The token belongs to community ${group.id}, not to ${this.config.groupId}`);
    return { platformAccountId: String(group.id), displayName: group.name };
  }

  async fetchUpdates(stream: string, cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    switch (stream) {
      case 'messages':
        return this.pollMessages(cursor, signal);
      case 'wall_comments':
        return this.scanWall(cursor, signal);
      default:
        throw new PlatformError('refused', `VK has no stream "${stream}"`);
    }
  }

  async sendReply(request: ReplyRequest, signal: AbortSignal): Promise<PublishedReply> {
    const thread = parseThreadId(request.threadPlatformId);
    if (!thread) throw new PlatformError('refused', `"${request.threadPlatformId.slice(0, 80)}" is not a VK conversation`);
    if (thread.kind === 'dm') {
      const params = { peer_ids: thread.peerId, random_id: randomIdFor(request.idempotencyKey), message: request.text };
      const results = parseOr(WireSendResults, await this.call('messages.send', params, signal), 'messages.send');
      const result = results.find((entry) => entry.peer_id === thread.peerId);
      if (result?.error) throw new PlatformError('refused', `VK messages.send: ${result.error.description} (error ${result.error.code})`);
      // The message went out; only its receipt is unreadable. Ambiguous, and the resend is deduplicated.
      if (result?.conversation_message_id === undefined) throw new PlatformError('server', 'VK messages.send answered without the message id');
      return { platformId: messageId(thread.peerId, result.conversation_message_id), createdAt: this.now() };
    }
    if (request.visibility === 'private') throw new PlatformError('refused', 'VK has no private reply to a wall comment: write to the person in messages instead');
    const params = {
      owner_id: thread.ownerId,
      post_id: thread.postId,
      from_group: this.group().groupId,
      message: request.text,
      reply_to_comment: thread.commentId,
      guid: guidFor(request.idempotencyKey),
    };
    const created = parseOr(WireCreatedComment, await this.call('wall.createComment', params, signal), 'wall.createComment');
    return { platformId: commentId(thread.ownerId, created.comment_id), createdAt: this.now() };
  }

  private async pollMessages(cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    if (cursor !== null && !/^\d{1,20}$/.test(cursor)) throw new PlatformError('cursor_invalid', 'The stored VK long poll position is not a number');
    let ts = cursor;
    for (let round = 0; round < MAX_SESSION_ROUNDS; round++) {
      let session = this.session;
      if (session === null || ts === null) {
        const fresh = await this.newSession(signal);
        session = fresh;
        ts ??= fresh.ts;
      }
      // The first read after connecting returns at once; later ones wait for news.
      const wait = cursor === null ? 0 : (this.config.longPollSeconds ?? DEFAULT_LONG_POLL_S);
      const answer = await this.check(session, ts, wait, signal);
      if ('updates' in answer) {
        const { items, quarantined } = mapEvents(answer.updates, this.group());
        return { items, quarantined, cursor: answer.ts, hasMore: false, remaining: null };
      }
      // failed 1: go on from the ts given, at once (hasMore), so the scheduler commits it.
      if (answer.failed === 1) return { items: [], quarantined: [], cursor: answer.ts, hasMore: true, remaining: null };
      this.session = null;
      if (answer.failed === 3) ts = null;
    }
    throw new PlatformError('server', 'VK keeps refusing new long poll sessions');
  }

  private async newSession(signal: AbortSignal): Promise<LongPollSession & { ts: string }> {
    const server = parseOr(WireLongPollServer, await this.call('groups.getLongPollServer', { group_id: this.group().groupId }, signal), 'groups.getLongPollServer');
    this.session = { server: server.server, key: server.key };
    return server;
  }

  private async check(session: LongPollSession, ts: string, wait: number, signal: AbortSignal) {
    const url = new URL(session.server);
    url.search = new URLSearchParams({ act: 'a_check', key: session.key, ts, wait: String(wait) }).toString();
    try {
      const response = await requestJson(url.toString(), { method: 'GET', timeoutMs: wait * 1000 + (this.config.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS) }, signal);
      const answer = WireLongPollAnswer.safeParse(response.body);
      if (response.status !== 200 || !answer.success) throw withoutEnvelope(response, 'long poll', this.now());
      return answer.data;
    } catch (error) {
      // The server may have moved or the key been revoked: the next poll asks for a fresh session.
      this.session = null;
      // The session key is in the URL; fetch's errors do not quote it, and nothing else here does.
      throw error;
    }
  }

  private async scanWall(cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    if (cursor !== null && !/^\d{1,12}$/.test(cursor)) throw new PlatformError('cursor_invalid', 'The stored VK wall watermark is not a number');
    const window: ScanWindow =
      cursor === null ? { since: Math.floor((this.now() - (this.config.backfillDays ?? 14) * DAY_MS) / 1000), firstScan: true } : { since: Number(cursor), firstScan: false };
    const posts = parseOr(WireItems, await this.call('wall.get', { owner_id: -this.group().groupId, count: this.config.postsPerScan ?? 20 }, signal), 'wall.get');
    const items = new Map<string, InboundItem>();
    const quarantined = new Map<string, QuarantinedPayload>();
    let watermark = window.since;
    for (const raw of posts.items) {
      const post = WirePost.safeParse(raw);
      if (!post.success) {
        const date = rawDate(raw);
        if (inWindow(date, window, true)) {
          const entry = quarantine(raw, post.error);
          quarantined.set(entry.payload, entry);
        }
        // Past the watermark, so the next scan does not quarantine it again.
        watermark = Math.max(watermark, date ?? watermark);
        continue;
      }
      if ((post.data.comments?.count ?? 0) === 0) continue;
      for (const mapped of await this.readComments(post.data, window, signal)) {
        // A long thread's first replies come twice: inline, and again when the thread is read.
        for (const item of mapped.items) items.set(item.platformId, item);
        for (const entry of mapped.quarantined) quarantined.set(entry.payload, entry);
        watermark = Math.max(watermark, mapped.latest ?? watermark);
      }
    }
    return { items: [...items.values()], quarantined: [...quarantined.values()], cursor: String(watermark), hasMore: false, remaining: null };
  }

  /** The top-level comments of a post (newest first, bounded), and each thread with more replies than came inline. */
  private async readComments(post: WirePost, window: ScanWindow, signal: AbortSignal): Promise<MappedComments[]> {
    const out: MappedComments[] = [];
    const base: Params = { owner_id: post.owner_id, post_id: post.id, sort: 'desc', count: COMMENT_PAGE };
    for (let page = 0; page < MAX_COMMENT_PAGES; page++) {
      const answer = parseOr(WireItems, await this.call('wall.getComments', { ...base, offset: page * COMMENT_PAGE, thread_items_count: THREAD_ITEMS }, signal), 'wall.getComments');
      out.push(mapComments(answer.items, post, this.group(), window));
      for (const top of answer.items) {
        const longThread = threadTail(top);
        if (longThread === null) continue;
        const replies = parseOr(WireItems, await this.call('wall.getComments', { ...base, comment_id: longThread }, signal), 'wall.getComments');
        out.push(mapComments(replies.items, post, this.group(), window));
      }
      if ((page + 1) * COMMENT_PAGE >= answer.count || answer.items.length === 0) break;
    }
    return out;
  }

  /** One API method call: POSTed as a form with the version and the token, answered with VK's envelope. */
  private async call(method: string, params: Params, signal: AbortSignal): Promise<unknown> {
    const body = new URLSearchParams({ ...Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])), v: API_VERSION, access_token: this.token });
    const response = await requestJson(
      `${this.apiUrl}/method/${method}`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(), timeoutMs: this.config.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS },
      signal,
    );
    const envelope = WireEnvelope.safeParse(response.body);
    if (response.status !== 200 || !envelope.success) throw withoutEnvelope(response, method, this.now());
    if ('error' in envelope.data) throw vkError(envelope.data.error, method);
    return envelope.data.response;
  }
}

/** The id of a top-level comment whose thread holds more replies than came inline, else null. */
function threadTail(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, thread } = raw as { id?: unknown; thread?: { count?: unknown; items?: unknown } };
  if (typeof id !== 'number' || typeof thread !== 'object' || thread === null || typeof thread.count !== 'number') return null;
  const inline = Array.isArray(thread.items) ? thread.items.length : 0;
  return thread.count > inline ? id : null;
}

function parseOr<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, body: unknown, method: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new PlatformError('server', `VK sent a malformed answer to ${method}`);
  return parsed.data;
}
