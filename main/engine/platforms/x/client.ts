import { lengthLimit, measure } from '../../checks/length';
import { requestJson } from '../http';
import { PlatformError, type AccountIdentity, type Connector, type HideRequest, type PublishedReply, type ReplyRequest, type StreamPacing, type UpdatesPage } from '../types';
import { xError } from './errors';
import { otherParticipant, parseThreadId, snowflakeTime, type XThread } from './ids';
import { mapDmEvents, mapMentions, tweetText, usersById, withoutReplyMentions } from './mapper';
import { RateLimits } from './rate-limits';
import { scanStep, type ListPage } from './scan';
import { SNOWFLAKE, WireCreatedTweet, WireDmSent, WireHiddenReply, WireList, WireMe, WireTweet, X_API, type WireCreateTweet, type WireDmSend, type WireHideReply, type WireUser } from './wire';

export interface XConfig {
  /** Default https://api.x.com; the fake server's address in tests. */
  baseUrl?: string;
  /** An OAuth 2.0 user access token (tweet.read, tweet.write, tweet.moderate.write, users.read, dm.read, dm.write). Sent in the Authorization header only. */
  accessToken: string;
  /** The account's X user id when known; otherwise asked of /2/users/me once. */
  userId?: string;
  /** Items per list request: 5–100 (default 100). */
  pageSize?: number;
  timeoutMs?: number;
}

export type XStream = 'mentions' | 'dms';

/** X stores times to the second and its clock is not ours: a reply found this much before `sentAfter` still counts. */
const FIND_TOLERANCE_MS = 5_000;
/** The account's latest tweets or a conversation's latest DM events read to find a reply after an unknown outcome. */
const RECENT = 100;
const TWEET_FIELDS = 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,entities,note_tweet';
const DM_FIELDS = 'id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids';
const USER_FIELDS = 'name,username';

interface XPage extends ListPage {
  users: ReadonlyMap<string, WireUser>;
}

type Query = Record<string, string>;

/**
 * The X API v2 connector (wire format: wire.ts; thread ids: ids.ts; cursors:
 * scan.ts; rate limits: rate-limits.ts).
 *
 * Two streams: `mentions` (the account's mentions timeline, since_id) and
 * `dms` (its DM events). X does not deduplicate tweets or DMs, so after an
 * ambiguous send the outbox asks findPublished, which reads the account's
 * latest tweets (or the conversation's DM events) and matches text, the tweet
 * answered and time. Hiding a reply (setHidden) sets a state, so after an
 * unknown outcome it is simply set again.
 */
export class XConnector implements Connector {
  readonly streams: readonly XStream[] = ['mentions', 'dms'];
  readonly dedupesSends = false;

  /**
   * Under X's per-endpoint windows (mentions 180, DM events 15 per 15 minutes
   * on the basic tier): mentions every 5 s at most, DMs every minute, both
   * stretched while quiet. The connector still refuses a read once X says a
   * window is spent, until it resets.
   */
  pacing(stream: string): StreamPacing {
    return stream === 'dms' ? { minIntervalMs: 60_000, maxIntervalMs: 300_000 } : { minIntervalMs: 5_000, maxIntervalMs: 60_000 };
  }

  private readonly baseUrl: string;
  private readonly limits: RateLimits;
  private userId: string | null;

  constructor(
    private readonly config: XConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.baseUrl = (config.baseUrl ?? X_API).replace(/\/+$/, '');
    this.limits = new RateLimits(now);
    this.userId = config.userId ?? null;
  }

  async verify(signal: AbortSignal): Promise<AccountIdentity> {
    const me = parsed(WireMe, await this.call('GET', 'users/me', '/2/users/me', { 'user.fields': USER_FIELDS }, undefined, signal), 'answer to /2/users/me').data;
    if (this.config.userId !== undefined && me.id !== this.config.userId) {
      throw new PlatformError('unauthorized', `The token belongs to X user ${me.id}, not to ${this.config.userId}`);
    }
    this.userId = me.id;
    return { platformAccountId: me.id, displayName: `${me.name} (@${me.username})` };
  }

  async fetchUpdates(stream: string, cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    const me = await this.me(signal);
    const size = String(this.config.pageSize ?? 100);
    let step;
    switch (stream) {
      case 'mentions':
        step = await scanStep(
          (since, token) => {
            const query: Query = { max_results: size, 'tweet.fields': TWEET_FIELDS, expansions: 'author_id', 'user.fields': USER_FIELDS };
            if (since !== null) query.since_id = since;
            if (token !== null) query.pagination_token = token;
            return this.list('users/:id/mentions', `/2/users/${me}/mentions`, query, signal);
          },
          (raw, page) => mapMentions(raw, page.users, me),
          cursor,
        );
        break;
      case 'dms':
        step = await scanStep(
          (_since, token) => {
            const query: Query = { max_results: size, event_types: 'MessageCreate', 'dm_event.fields': DM_FIELDS, expansions: 'sender_id', 'user.fields': USER_FIELDS };
            if (token !== null) query.pagination_token = token;
            return this.list('dm_events', '/2/dm_events', query, signal);
          },
          (raw, page) => mapDmEvents(raw, page.users, me),
          cursor,
        );
        break;
      default:
        throw new PlatformError('refused', `X has no stream "${stream}"`);
    }
    return { ...step.mapped, cursor: step.cursor, hasMore: step.hasMore, remaining: null };
  }

  /** A public reply to a mention is a tweet answering it; anything private is a DM (to the mention's author, or in the DM conversation). */
  async sendReply(request: ReplyRequest, signal: AbortSignal): Promise<PublishedReply> {
    const thread = this.thread(request.threadPlatformId);
    this.checkLength(request);
    if (thread.kind === 'mention' && request.visibility === 'public') {
      const body: WireCreateTweet = { text: request.text, reply: { in_reply_to_tweet_id: thread.tweetId } };
      const created = parsed(WireCreatedTweet, await this.call('POST', 'tweets', '/2/tweets', {}, body, signal), 'answer to POST /2/tweets').data;
      return { platformId: created.id, createdAt: snowflakeTime(created.id) };
    }
    const body: WireDmSend = { text: request.text };
    const path = `${await this.dmPath(thread, signal)}/messages`;
    const sent = parsed(WireDmSent, await this.call('POST', 'dm_conversations/messages', path, {}, body, signal), 'answer to a DM send').data;
    return { platformId: sent.dm_event_id, createdAt: snowflakeTime(sent.dm_event_id) };
  }

  async findPublished(request: ReplyRequest, sentAfter: number, signal: AbortSignal): Promise<PublishedReply | null> {
    const thread = this.thread(request.threadPlatformId);
    const me = await this.me(signal);
    const from = sentAfter - FIND_TOLERANCE_MS;
    const text = comparable(request.text);
    if (thread.kind === 'mention' && request.visibility === 'public') {
      const query: Query = { max_results: String(RECENT), 'tweet.fields': TWEET_FIELDS, start_time: xTime(from) };
      const page = await this.list('users/:id/tweets', `/2/users/${me}/tweets`, query, signal);
      for (const entry of page.raw) {
        const tweet = WireTweet.safeParse(entry);
        if (!tweet.success || tweet.data.created_at < from) continue;
        const answers = tweet.data.referenced_tweets?.some((ref) => ref.type === 'replied_to' && ref.id === thread.tweetId) ?? false;
        if (answers && comparable(withoutReplyMentions(tweetText(tweet.data))) === text) return { platformId: tweet.data.id, createdAt: tweet.data.created_at };
      }
      return null;
    }
    const query: Query = { max_results: String(RECENT), event_types: 'MessageCreate', 'dm_event.fields': DM_FIELDS };
    const page = await this.list('dm_conversations/dm_events', `${await this.dmPath(thread, signal)}/dm_events`, query, signal);
    const match = mapDmEvents(page.raw, page.users, me).items.find((item) => item.direction === 'out' && item.createdAt >= from && comparable(item.body) === text);
    return match ? { platformId: match.platformId, createdAt: match.createdAt } : null;
  }

  /**
   * Hides a customer's reply under the account's own post, or shows it again (X's hide replies). X
   * allows it only for replies in conversations the account started, and to tokens granted
   * tweet.moderate.write; otherwise it answers 403, often with no more than "Forbidden". That is a
   * definite refusal, which the agent sees in X's words with the rules that explain them.
   */
  async setHidden(request: HideRequest, signal: AbortSignal): Promise<void> {
    if (this.thread(request.threadPlatformId).kind !== 'mention') throw new PlatformError('refused', 'X hides replies to posts, not direct messages');
    const tweetId = request.messagePlatformId;
    if (!SNOWFLAKE.test(tweetId)) throw new PlatformError('refused', `"${tweetId.slice(0, 80)}" is not an X post id`);
    const body: WireHideReply = { hidden: request.hidden };
    let answer: unknown;
    try {
      answer = await this.call('PUT', 'tweets/:id/hidden', `/2/tweets/${tweetId}/hidden`, {}, body, signal);
    } catch (error) {
      if (!(error instanceof PlatformError) || error.kind !== 'refused') throw error;
      throw new PlatformError('refused', `${error.message} (X hides only replies in conversations the account started, and only with a token allowed tweet.moderate.write)`, null, { cause: error });
    }
    const state = parsed(WireHiddenReply, answer, 'answer to PUT /2/tweets/:id/hidden').data;
    if (state.hidden !== request.hidden) throw new PlatformError('server', `X answered hidden: ${state.hidden} for post ${tweetId}, asked ${request.hidden}`);
  }

  private async me(signal: AbortSignal): Promise<string> {
    return this.userId ?? (await this.verify(signal)).platformAccountId;
  }

  /** Where a thread's DMs live: the one-to-one conversation with a person, or a group conversation by its id. */
  private async dmPath(thread: XThread, signal: AbortSignal): Promise<string> {
    if (thread.kind === 'mention') return `/2/dm_conversations/with/${thread.authorId}`;
    if (!thread.conversationId.includes('-')) return `/2/dm_conversations/${thread.conversationId}`;
    const other = otherParticipant(thread.conversationId, await this.me(signal));
    if (other === null) throw new PlatformError('refused', `This account is not in DM conversation ${thread.conversationId}`);
    return `/2/dm_conversations/with/${other}`;
  }

  /** The composer blocks these already (checks/length.ts); this keeps a stale draft from costing a call that X would refuse. */
  private checkLength(request: ReplyRequest): void {
    const limit = lengthLimit('x', request.visibility);
    const { count } = measure(request.text, limit);
    if (count > limit.limit) throw new PlatformError('refused', `X takes at most ${limit.limit} characters here; this reply counts ${count}`);
  }

  private thread(threadPlatformId: string): XThread {
    const thread = parseThreadId(threadPlatformId);
    if (!thread) throw new PlatformError('refused', `"${threadPlatformId.slice(0, 80)}" is not an X thread`);
    return thread;
  }

  private async list(endpoint: string, path: string, query: Query, signal: AbortSignal): Promise<XPage> {
    const page = parsed(WireList, await this.call('GET', endpoint, path, query, undefined, signal), `list from ${endpoint}`);
    return { raw: page.data ?? [], next: page.meta.next_token ?? null, users: usersById(page.includes?.users) };
  }

  /**
   * One X call. `endpoint` names the rate-limit window it counts against; a
   * window known to be spent refuses the call before it is made.
   */
  private async call(method: 'GET' | 'POST' | 'PUT', endpoint: string, path: string, query: Query, body: unknown, signal: AbortSignal): Promise<unknown> {
    const key = `${method} ${endpoint}`;
    this.limits.check(key);
    const search = Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await requestJson(
      `${this.baseUrl}${path}${search}`,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: this.config.timeoutMs },
      signal,
    );
    this.limits.record(key, response.headers);
    if (response.status < 200 || response.status >= 300) throw xError(response, key, this.limits.waitAfter429(response.headers));
    if (typeof response.body !== 'object' || response.body === null) throw new PlatformError('server', `X answered ${key} with something that is not JSON`);
    return response.body;
  }
}

/** Texts as X and we may differ on without being different replies: composition of accents, edge whitespace. */
function comparable(text: string): string {
  return text.normalize('NFC').trim();
}

/** X takes times to the second: YYYY-MM-DDTHH:mm:ssZ. */
function xTime(ms: number): string {
  return `${new Date(Math.max(0, ms)).toISOString().slice(0, 19)}Z`;
}

/** A 2xx whose body does not parse: for a write it went through and only the receipt is unreadable — ambiguous, like a lost answer. */
function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new PlatformError('server', `X sent a malformed ${what}`);
  return result.data;
}
