import { requestJson } from '../http';
import { PlatformError, type AccountIdentity, type Connector, type HideRequest, type PublishedReply, type QuarantinedPayload, type ReplyRequest, type RequestBudget, type StreamPacing, type UpdatesPage } from '../types';
import { DEFAULT_THROTTLE_WAIT_MS, MessagingWindowClosed, graphError } from './graph-errors';
import type { ZodError } from 'zod';
import { quarantine, type Mapped } from '../quarantine';
import { mapIgComments, mapMessages, mapPageComments, rawTime, type Owner } from './mapper';
import { scanStep, type ParentPage, type ScanSource } from './scan';
import { isDirect, parseThreadId, type ThreadRef } from './threads';
import { THROTTLE_AT_PERCENT, parseUsage, type UsageBudget } from './usage';
import { messagingWindow, type MessagingWindow } from './window';
import {
  WireConversation,
  WireCreated,
  WireIgMedia,
  WireList,
  WireNode,
  WirePost,
  WirePrivateReplyState,
  WireSendResponse,
  WireSuccess,
  NODE_ID,
  type WireSendRequest,
} from './wire';

export interface MetaConfig {
  /** Versioned, e.g. https://graph.facebook.com/v21.0 */
  baseUrl: string;
  /**
   * The Page's id. Null while a new token is checked: verify() then says which
   * Page it belongs to, and the account's connector is built with that id.
   */
  pageId: string | null;
  /** The Page access token; it is sent in the Authorization header, never in a URL. */
  accessToken: string;
  /** The Instagram professional account linked to the Page, when its comments and messages are synced too. */
  instagramAccountId?: string;
  /** Parents (conversations, posts, media) per list request; default 25. */
  pageSize?: number;
  /** Posts and media older than this are not scanned for new comments; default 14. */
  commentHorizonDays?: number;
  /** How far back the first sync reads messages and comments; default 30 days. */
  backfillDays?: number;
  timeoutMs?: number;
}

export type MetaStream = 'messenger' | 'page_comments' | 'instagram_comments' | 'instagram_messages';

const CHILD_PAGE_SIZE = 100;
/** A bound on one parent's child pages per scan; 100 × 100 messages since the floor is far beyond any real backlog. */
const MAX_CHILD_PAGES = 100;
/** Latest messages read to find the customer's last one, for the reply window and reconciliation. */
const RECENT_MESSAGES = 25;
/** Graph stores times to the second and its clock is not ours: a reply found this much before `sentAfter` still counts. */
const FIND_TOLERANCE_MS = 5_000;
const DAY_MS = 24 * 60 * 60_000;

const MESSAGE_FIELDS = 'id,created_time,from,to,message';
const COMMENT_FIELDS = 'id,created_time,from,message,parent{id},is_hidden';
/** Comments read with their post: a quiet post then costs no request of its own. */
const INLINE_COMMENTS = 25;
const IG_COMMENT_FIELDS = 'id,text,timestamp,from,username,hidden';
const IG_COMMENT_WITH_REPLIES = `${IG_COMMENT_FIELDS},replies{${IG_COMMENT_FIELDS}}`;

interface GraphAnswer {
  body: unknown;
  serverTime: number | null;
}

type Query = Record<string, string>;

/**
 * One connected Facebook Page over the Graph API (Messenger, Page comments),
 * optionally with its Instagram professional account (comments, messages).
 * Graph does not deduplicate sends, so after an ambiguous send the outbox asks
 * findPublished, which reads the thread back.
 */
export class MetaConnector implements Connector {
  readonly streams: readonly MetaStream[];
  readonly dedupesSends = false;
  /**
   * A Page's reads, all streams together, kept well under Graph's per-hour
   * allowance; the usage headers stop reads earlier when Graph says the app is
   * close to its limit.
   */
  readonly readBudget: RequestBudget = { requests: 600, windowMs: 3_600_000 };

  /** A quiet poll costs one request per stream; news brings the pace back to every 15 s. */
  pacing(): StreamPacing {
    return { minIntervalMs: 15_000, maxIntervalMs: 120_000 };
  }

  private readonly owner: Owner;
  private budget: { usage: UsageBudget; at: number } | null = null;

  constructor(
    private readonly config: MetaConfig,
    private readonly now: () => number = Date.now,
  ) {
    const ig = config.instagramAccountId;
    this.streams = ig === undefined ? ['messenger', 'page_comments'] : ['messenger', 'page_comments', 'instagram_comments', 'instagram_messages'];
    this.owner = { ids: new Set([config.pageId, ig].filter((id): id is string => id !== null && id !== undefined)) };
  }

  /** The latest usage the platform reported, for the scheduler's budget; null until Graph sends the headers. */
  usage(): UsageBudget | null {
    return this.budget?.usage ?? null;
  }

  async verify(signal: AbortSignal): Promise<AccountIdentity> {
    const me = parseOrServer(WireNode, (await this.graph('GET', '/me', { fields: 'id,name' }, undefined, signal)).body, 'Page profile');
    if (this.config.pageId !== null && me.id !== this.config.pageId) throw new PlatformError('unauthorized', `The token belongs to ${me.id}, not to Page ${this.config.pageId}`);
    return { platformAccountId: me.id, displayName: me.name };
  }

  /** The Page every call but verify() is about; a connector that has only checked a token has none. */
  private page(): string {
    if (this.config.pageId === null) throw new Error('MetaConnector: the Page is not known until verify() has named it');
    return this.config.pageId;
  }

  async fetchUpdates(stream: string, cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    const horizon = this.now() - (this.config.commentHorizonDays ?? 14) * DAY_MS;
    const start = { floor: Math.max(0, this.now() - (this.config.backfillDays ?? 30) * DAY_MS), now: this.now() };
    let step;
    switch (stream) {
      case 'messenger':
      case 'instagram_messages':
        step = await scanStep(this.conversations(stream === 'messenger' ? 'messenger' : 'instagram'), cursor, start, signal);
        break;
      case 'page_comments':
        step = await scanStep(this.pagePosts(horizon), cursor, start, signal);
        break;
      case 'instagram_comments':
        step = await scanStep(this.igMedia(this.instagramId(), horizon), cursor, start, signal);
        break;
      default:
        throw new PlatformError('refused', `Meta has no stream "${stream}"`);
    }
    return { ...step.mapped, cursor: step.cursor, hasMore: step.hasMore, remaining: null };
  }

  /**
   * A DM goes through the Send API inside the reply window (see window.ts); a
   * public reply to a comment is a comment under it; a private reply to a
   * comment is a Send API message addressed to the comment.
   */
  async sendReply(request: ReplyRequest, signal: AbortSignal): Promise<PublishedReply> {
    const thread = this.thread(request.threadPlatformId);
    if (isDirect(thread.surface)) return this.sendDirect(thread, request.text, signal);
    if (request.visibility === 'private') {
      const sent = await this.send({ recipient: { comment_id: thread.graphId }, messaging_type: 'RESPONSE', message: { text: request.text } }, signal);
      return { platformId: sent, createdAt: this.now() };
    }
    const edge = thread.surface === 'page_comment' ? 'comments' : 'replies';
    const answer = await this.graph('POST', `/${thread.graphId}/${edge}`, {}, { message: request.text }, signal);
    return { platformId: parseOrServer(WireCreated, answer.body, 'comment id').id, createdAt: this.now() };
  }

  async findPublished(request: ReplyRequest, sentAfter: number, signal: AbortSignal): Promise<PublishedReply | null> {
    const thread = this.thread(request.threadPlatformId);
    if (!isDirect(thread.surface) && request.visibility === 'private') return this.findPrivateReply(thread, sentAfter, signal);
    const recent = await this.recentInThread(thread, signal);
    const match = recent.items.find(
      (item) => item.direction === 'out' && item.body === request.text && item.createdAt >= sentAfter - FIND_TOLERANCE_MS,
    );
    return match ? { platformId: match.platformId, createdAt: match.createdAt } : null;
  }

  /** Where a DM thread stands with Meta's reply window now. */
  async messagingWindow(threadPlatformId: string, signal: AbortSignal): Promise<MessagingWindow> {
    const thread = this.thread(threadPlatformId);
    if (!isDirect(thread.surface)) throw new PlatformError('refused', 'Only direct messages have a reply window');
    return messagingWindow((await this.recentInThread(thread, signal)).items, this.now());
  }

  /** Hides a comment from everyone but its author and their friends (Page), or from everyone but its author (Instagram), or shows it again. */
  async setHidden({ threadPlatformId, messagePlatformId: commentId, hidden }: HideRequest, signal: AbortSignal): Promise<void> {
    const thread = this.thread(threadPlatformId);
    if (isDirect(thread.surface)) throw new PlatformError('refused', 'Only comments can be hidden');
    if (!NODE_ID.test(commentId)) throw new PlatformError('refused', `"${commentId.slice(0, 80)}" is not a Meta comment id`);
    const body = thread.surface === 'page_comment' ? { is_hidden: hidden } : { hide: hidden };
    const answer = parseOrServer(WireSuccess, (await this.graph('POST', `/${commentId}`, {}, body, signal)).body, 'hide answer');
    if (!answer.success) throw new PlatformError('refused', `Meta did not ${hidden ? 'hide' : 'unhide'} comment ${commentId}`);
  }

  private async sendDirect(thread: ThreadRef, text: string, signal: AbortSignal): Promise<PublishedReply> {
    const window = messagingWindow((await this.recentInThread(thread, signal)).items, this.now());
    if (window.state === 'closed' || window.customerId === null) {
      throw new MessagingWindowClosed('The reply window has closed: the customer last wrote more than 7 days ago', window.lastCustomerMessageAt);
    }
    const request: WireSendRequest =
      window.state === 'open'
        ? { recipient: { id: window.customerId }, messaging_type: 'RESPONSE', message: { text } }
        : { recipient: { id: window.customerId }, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text } };
    return { platformId: await this.send(request, signal), createdAt: this.now() };
  }

  private async send(request: WireSendRequest, signal: AbortSignal): Promise<string> {
    const answer = await this.graph('POST', `/${this.page()}/messages`, {}, request, signal);
    return parseOrServer(WireSendResponse, answer.body, 'Send API answer').message_id;
  }

  /** Graph allows one private reply per comment and then reports can_reply_privately = false: that is the only trace a desktop can read. */
  private async findPrivateReply(thread: ThreadRef, sentAfter: number, signal: AbortSignal): Promise<PublishedReply | null> {
    const answer = await this.graph('GET', `/${thread.graphId}`, { fields: 'can_reply_privately' }, undefined, signal);
    const state = parseOrServer(WirePrivateReplyState, answer.body, 'comment');
    return state.can_reply_privately ? null : { platformId: `private_reply:${thread.graphId}`, createdAt: sentAfter };
  }

  /** The newest items of one thread: a conversation's latest messages, or a comment with the replies under it. */
  private async recentInThread(thread: ThreadRef, signal: AbortSignal): Promise<Mapped> {
    switch (thread.surface) {
      case 'messenger':
      case 'instagram': {
        const answer = await this.graph('GET', `/${thread.graphId}/messages`, { fields: MESSAGE_FIELDS, limit: String(RECENT_MESSAGES) }, undefined, signal);
        return mapMessages(parseOrServer(WireList, answer.body, 'message list').data, thread.surface, thread.graphId, this.owner);
      }
      case 'page_comment': {
        const query = { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological', limit: String(RECENT_MESSAGES) };
        const answer = await this.graph('GET', `/${thread.graphId}/comments`, query, undefined, signal);
        return mapPageComments(parseOrServer(WireList, answer.body, 'comment list').data, '', this.owner);
      }
      case 'ig_comment': {
        const answer = await this.graph('GET', `/${thread.graphId}/replies`, { fields: IG_COMMENT_FIELDS }, undefined, signal);
        return mapIgComments(parseOrServer(WireList, answer.body, 'reply list').data, '', this.owner);
      }
    }
  }

  private conversations(platform: 'messenger' | 'instagram'): ScanSource<WireConversation> {
    return {
      listedBy: 'activity',
      activityOf: (conversation) => conversation.updated_time,
      listParents: (after, signal) =>
        this.listPage({ path: `/${this.page()}/conversations`, query: { platform, fields: 'id,updated_time' }, after, parse: (v) => WireConversation.safeParse(v) }, signal),
      readChildren: (conversation, floor, signal) =>
        this.readEdge(`/${conversation.id}/messages`, { fields: MESSAGE_FIELDS }, (raw) => mapMessages(raw, platform, conversation.id, this.owner), floor, true, signal),
    };
  }

  private pagePosts(horizon: number): ScanSource<WirePost> {
    return {
      listedBy: 'creation',
      activityOf: (post) => post.created_time,
      listParents: (after, signal) =>
        this.listPage(
          {
            path: `/${this.page()}/feed`,
            query: {
              fields: `id,message,created_time,comments.filter(stream).order(reverse_chronological).limit(${INLINE_COMMENTS}){${COMMENT_FIELDS}}`,
              since: String(Math.floor(horizon / 1000)),
            },
            after,
            parse: (v) => WirePost.safeParse(v),
          },
          signal,
        ),
      readChildren: (post, floor, signal) =>
        this.readEdge(
          `/${post.id}/comments`,
          { fields: COMMENT_FIELDS, filter: 'stream', order: 'reverse_chronological' },
          (raw) => mapPageComments(raw, post.message ?? '', this.owner),
          floor,
          true,
          signal,
          post.comments ?? { data: [] },
        ),
    };
  }

  /** Instagram media have no `since`: the list is cut where media get older than the horizon. */
  private igMedia(igUserId: string, horizon: number): ScanSource<WireIgMedia> {
    return {
      listedBy: 'creation',
      activityOf: (media) => media.timestamp,
      listParents: async (after, signal) => {
        const fields = `id,caption,timestamp,comments.limit(${INLINE_COMMENTS}){${IG_COMMENT_WITH_REPLIES}}`;
        const page = await this.listPage({ path: `/${igUserId}/media`, query: { fields }, after, parse: (v) => WireIgMedia.safeParse(v) }, signal);
        const recent = page.parents.filter((media) => media.timestamp >= horizon);
        return { ...page, parents: recent, after: recent.length < page.parents.length ? null : page.after };
      },
      // A new reply can arrive under an old comment and Instagram lists comments by their own time, so every page is read.
      readChildren: (media, floor, signal) =>
        this.readEdge(
          `/${media.id}/comments`,
          { fields: IG_COMMENT_WITH_REPLIES },
          (raw) => mapIgComments(raw, media.caption ?? '', this.owner),
          floor,
          false,
          signal,
          media.comments ?? { data: [] },
        ),
    };
  }

  private async listPage<P>(
    list: { path: string; query: Query; after: string | null; parse: (value: unknown) => { success: true; data: P } | { success: false; error: ZodError } },
    signal: AbortSignal,
  ): Promise<ParentPage<P>> {
    const query: Query = { ...list.query, limit: String(this.config.pageSize ?? 25) };
    if (list.after !== null) query.after = list.after;
    const answer = await this.graph('GET', list.path, query, undefined, signal);
    const page = parseOrServer(WireList, answer.body, 'list');
    const parents: P[] = [];
    const quarantined: QuarantinedPayload[] = [];
    for (const entry of page.data) {
      const parsed = list.parse(entry);
      if (parsed.success) parents.push(parsed.data);
      else quarantined.push(quarantine(entry, parsed.error));
    }
    return { parents, quarantined, after: nextCursor(page), serverTime: answer.serverTime };
  }

  /**
   * Pages through a child edge. Newest-first edges stop at the first page that
   * reaches below the floor; the rest are read to the end. Items older than
   * the floor were delivered (or quarantined) before and are dropped here.
   * `expanded` is the edge's first page when it came inline with its parent.
   */
  private async readEdge(
    path: string,
    query: Query,
    map: (raw: unknown[]) => Mapped,
    floor: number,
    newestFirst: boolean,
    signal: AbortSignal,
    expanded?: WireList,
  ): Promise<Mapped> {
    const out: Mapped = { items: [], quarantined: [] };
    let after: string | null = null;
    for (let pages = 0; pages < MAX_CHILD_PAGES; pages++) {
      const page =
        pages === 0 && expanded
          ? expanded
          : parseOrServer(WireList, (await this.graph('GET', path, { ...query, limit: String(CHILD_PAGE_SIZE), ...(after === null ? {} : { after }) }, undefined, signal)).body, 'list');
      let reachedFloor = false;
      for (const entry of page.data) {
        const mapped = map([entry]);
        const fresh = mapped.items.filter((item) => item.createdAt >= floor);
        reachedFloor ||= fresh.length < mapped.items.length;
        out.items.push(...fresh);
        const at = rawTime(entry);
        if (at === null || at >= floor || fresh.length > 0) out.quarantined.push(...mapped.quarantined);
      }
      after = nextCursor(page);
      if (after === null || (newestFirst && reachedFloor)) break;
    }
    return out;
  }

  /**
   * One Graph call. Refuses up front while the last usage report is at or
   * over THROTTLE_AT_PERCENT and its wait has not passed, so a busy Page backs
   * off before Graph starts failing calls.
   */
  private async graph(method: 'GET' | 'POST', path: string, query: Query, body: unknown, signal: AbortSignal): Promise<GraphAnswer> {
    this.checkBudget();
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const url = `${this.config.baseUrl.replace(/\/+$/, '')}${encoded}${Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await requestJson(
      url,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: this.config.timeoutMs },
      signal,
    );
    const usage = parseUsage(response.headers);
    if (usage) this.budget = { usage, at: this.now() };
    if (response.status >= 300) throw graphError(response, usage, this.now());
    if (typeof response.body !== 'object' || response.body === null) throw new PlatformError('server', `Meta answered ${method} ${path} with something that is not JSON`);
    const date = response.headers.get('date');
    const serverTime = date === null ? null : Date.parse(date);
    return { body: response.body, serverTime: serverTime === null || Number.isNaN(serverTime) ? null : serverTime };
  }

  private checkBudget(): void {
    if (!this.budget || this.budget.usage.usedPercent < THROTTLE_AT_PERCENT) return;
    const waitMs = Math.max(this.budget.usage.regainAccessMs ?? 0, DEFAULT_THROTTLE_WAIT_MS);
    const left = this.budget.at + waitMs - this.now();
    if (left > 0) throw new PlatformError('rate_limited', `Meta usage is at ${this.budget.usage.usedPercent}% of the hourly allowance`, left);
  }

  private thread(threadPlatformId: string): ThreadRef {
    const thread = parseThreadId(threadPlatformId);
    if (!thread) throw new PlatformError('refused', `"${threadPlatformId.slice(0, 80)}" is not a Meta thread`);
    if ((thread.surface === 'instagram' || thread.surface === 'ig_comment') && this.config.instagramAccountId === undefined) {
      throw new PlatformError('refused', 'No Instagram account is connected to this Page');
    }
    return thread;
  }

  private instagramId(): string {
    if (this.config.instagramAccountId === undefined) throw new PlatformError('refused', 'No Instagram account is connected to this Page');
    return this.config.instagramAccountId;
  }
}

/** Graph gives `next` only when there is a next page; the `after` cursor is present either way. */
function nextCursor(page: WireList): string | null {
  return page.paging?.next !== undefined ? (page.paging.cursors?.after ?? null) : null;
}

function parseOrServer<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new PlatformError('server', `Meta sent a malformed ${what}`);
  return parsed.data;
}
