import { API_VERSION } from '../wire';
import { EventQueue } from './events';

/** Why a call is refused, as VK's error object: thrown by the store, answered by the server. */
export class VkApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SentMessage {
  peer_id: number;
  message_id: number;
  conversation_message_id: number;
  random_id: number;
  text: string;
  date: number;
}

export interface StoredComment {
  owner_id: number;
  post_id: number;
  id: number;
  /** The top-level comment it replies under, or null for a top-level comment. */
  top: number | null;
  date: number;
  guid: string | null;
  /** What wall.getComments returns for it, without `thread` (built when listed). */
  raw: Record<string, unknown>;
}

interface Post {
  id: number;
  date: number;
  raw: Record<string, unknown>;
}

/** VK's documented cap on a message (method/messages.send: message, max length 9000). */
export const MAX_MESSAGE = 9000;
/** How long the fake remembers a guid; see VkCommunity.createComment. */
export const DEFAULT_DEDUPE_WINDOW_MS = 60 * 60_000;

/**
 * One community's state behind the fake VK API: who has written to it, the
 * messages in each conversation, the wall, and the long poll events all of
 * this produces.
 *
 * Deduplication, as VK documents it (vk.com/dev/messages.send): a random_id is
 * unique per sender (the community) over its whole message history, so the
 * same random_id again — to any peer, at any time — returns the message already
 * sent and sends nothing; a random_id of 0 is never deduplicated.
 * wall.createComment remembers a guid per author and post; VK states no period
 * for it, so the fake forgets it after a window (an hour by default), and a
 * test relying on a longer memory would notice. Times are the fake's clock (`now`).
 */
export class VkCommunity {
  readonly events: EventQueue;
  readonly sent: SentMessage[] = [];
  readonly comments: StoredComment[] = [];
  private readonly posts: Post[] = [];
  private readonly writers = new Set<number>();
  private readonly conversationIds = new Map<number, number>();
  private readonly sentByRandomId = new Map<number, SentMessage>();
  private readonly blocked = new Set<number>();
  private nextMessageId = 1000;
  private nextWallId = 1;

  constructor(
    readonly group: { id: number; name: string; screen_name: string },
    private readonly now: () => number,
    private readonly dedupeWindowMs: number,
    firstTs: number,
    /** Whether the community asked for message_reply events (its own outgoing messages). */
    private readonly replyEvents: boolean,
  ) {
    this.events = new EventQueue(firstTs);
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** A person writes to the community: a message_new event, shaped like the reference's. */
  receive(fromId: number, text: string, options: { date?: number; attachments?: { type: string }[] } = {}): Record<string, unknown> {
    this.writers.add(fromId);
    const message = {
      date: options.date ?? this.seconds(),
      from_id: fromId,
      id: this.nextMessageId++,
      out: 0,
      attachments: options.attachments ?? [],
      conversation_message_id: this.nextConversationId(fromId),
      fwd_messages: [],
      important: false,
      is_hidden: false,
      peer_id: fromId,
      random_id: 0,
      text,
    };
    const event = { group_id: this.group.id, type: 'message_new', event_id: this.eventId(), v: API_VERSION, object: { message, client_info: CLIENT_INFO } };
    this.events.push(event);
    return event;
  }

  /** The person blocked the community's messages: messages.send to them fails with 901. */
  block(peerId: number): void {
    this.blocked.add(peerId);
  }

  send(peerId: number, randomId: number, text: string): SentMessage {
    const earlier = randomId === 0 ? undefined : this.sentByRandomId.get(randomId);
    if (earlier) return earlier;
    if (!this.writers.has(peerId) || this.blocked.has(peerId)) throw new VkApiError(901, "Can't send messages for users without permission");
    if (text.trim().length === 0) throw new VkApiError(100, 'One of the parameters specified was missing or invalid: message is empty');
    if (text.length > MAX_MESSAGE) throw new VkApiError(914, 'Message is too long');
    const sent: SentMessage = {
      peer_id: peerId,
      message_id: this.nextMessageId++,
      conversation_message_id: this.nextConversationId(peerId),
      random_id: randomId,
      text,
      date: this.seconds(),
    };
    this.sent.push(sent);
    if (randomId !== 0) this.sentByRandomId.set(randomId, sent);
    if (this.replyEvents) {
      const object = { date: sent.date, from_id: -this.group.id, id: sent.message_id, out: 1, attachments: [], conversation_message_id: sent.conversation_message_id, fwd_messages: [], important: false, is_hidden: false, peer_id: peerId, random_id: randomId, text, admin_author_id: 1 };
      this.events.push({ group_id: this.group.id, type: 'message_reply', event_id: this.eventId(), v: API_VERSION, object });
    }
    return sent;
  }

  addPost(text: string, date = this.seconds()): number {
    const id = this.nextWallId++;
    const raw = {
      id,
      from_id: -this.group.id,
      owner_id: -this.group.id,
      date,
      marked_as_ads: 0,
      post_type: 'post',
      text,
      can_pin: 1,
      attachments: [],
      post_source: { type: 'vk' },
      comments: { can_post: 1, count: 0, groups_can_post: true },
      likes: { can_like: 1, count: 0, user_likes: 0, can_publish: 1 },
      reposts: { count: 0, user_reposted: 0 },
      views: { count: 1 },
    };
    this.posts.push({ id, date, raw });
    return id;
  }

  /** Any post body, for deliberately broken ones; it still sorts by its own date when it has one. */
  rawPost(raw: Record<string, unknown>, date = this.seconds()): void {
    this.posts.push({ id: this.nextWallId++, date, raw });
  }

  /** A comment under a post (or, with `replyTo`, under a top-level comment's thread). */
  addComment(postId: number, fromId: number, text: string, options: { date?: number; replyTo?: number; guid?: string } = {}): StoredComment {
    const post = this.posts.find((candidate) => candidate.id === postId);
    if (!post) throw new VkApiError(100, 'One of the parameters specified was missing or invalid: post_id is invalid');
    const parent = options.replyTo === undefined ? null : this.comments.find((comment) => comment.post_id === postId && comment.id === options.replyTo);
    if (options.replyTo !== undefined && !parent) throw new VkApiError(100, 'One of the parameters specified was missing or invalid: reply_to_comment is invalid');
    const top = parent ? (parent.top ?? parent.id) : null;
    const id = this.nextWallId++;
    const date = options.date ?? this.seconds();
    const raw = {
      id,
      from_id: fromId,
      date,
      text,
      post_id: postId,
      owner_id: -this.group.id,
      parents_stack: top === null ? [] : [top],
      ...(parent && parent.top !== null ? { reply_to_user: parent.raw.from_id, reply_to_comment: parent.id } : {}),
    };
    const comment: StoredComment = { owner_id: -this.group.id, post_id: postId, id, top, date, guid: options.guid ?? null, raw };
    this.comments.push(comment);
    post.raw.comments = { ...(post.raw.comments as object), count: this.comments.filter((c) => c.post_id === postId).length };
    return comment;
  }

  /** Any comment body under a post, for deliberately broken ones. */
  rawComment(postId: number, raw: Record<string, unknown>, options: { date?: number; top?: number } = {}): void {
    const post = this.posts.find((candidate) => candidate.id === postId)!;
    this.comments.push({ owner_id: -this.group.id, post_id: postId, id: this.nextWallId++, top: options.top ?? null, date: options.date ?? this.seconds(), guid: null, raw });
    post.raw.comments = { ...(post.raw.comments as object), count: this.comments.filter((c) => c.post_id === postId).length };
  }

  /** The community's reply under a comment; the same guid by the same author on the same post within the window is the comment already made. */
  createComment(postId: number, text: string, replyTo: number | null, guid: string | null): StoredComment {
    const earlier = guid === null ? undefined : this.comments.find((c) => c.post_id === postId && c.guid === guid && c.raw.from_id === -this.group.id);
    if (earlier && this.now() - earlier.date * 1000 < this.dedupeWindowMs) return earlier;
    if (text.trim().length === 0) throw new VkApiError(100, 'One of the parameters specified was missing or invalid: message is empty');
    return this.addComment(postId, -this.group.id, text, { replyTo: replyTo ?? undefined, guid: guid ?? undefined });
  }

  /** wall.get: the newest posts first. */
  wall(offset: number, count: number): { count: number; items: Record<string, unknown>[] } {
    const sorted = [...this.posts].sort((a, b) => b.date - a.date || b.id - a.id);
    return { count: sorted.length, items: sorted.slice(offset, offset + count).map((post) => post.raw) };
  }

  /** wall.getComments: top-level comments (or one thread's replies), each top-level one with its first `threadItems` replies. */
  commentsOf(postId: number, options: { sort: 'asc' | 'desc'; offset: number; count: number; threadItems: number; commentId: number | null }): Record<string, unknown> {
    if (!this.posts.some((post) => post.id === postId)) throw new VkApiError(100, 'One of the parameters specified was missing or invalid: post_id is invalid');
    const level = this.comments.filter((c) => c.post_id === postId && c.top === options.commentId);
    const ordered = level.sort((a, b) => (options.sort === 'desc' ? b.date - a.date || b.id - a.id : a.date - b.date || a.id - b.id));
    const items = ordered.slice(options.offset, options.offset + options.count).map((comment) => {
      if (options.commentId !== null) return comment.raw;
      const replies = this.comments.filter((c) => c.post_id === postId && c.top === comment.id).sort((a, b) => a.date - b.date || a.id - b.id);
      const thread = { count: replies.length, items: replies.slice(0, options.threadItems).map((reply) => reply.raw), can_post: true, show_reply_button: true, groups_can_post: true };
      return { ...comment.raw, thread };
    });
    return { count: level.length, items, current_level_count: level.length, can_post: true, show_reply_button: true, groups_can_post: true };
  }

  private nextConversationId(peerId: number): number {
    const next = (this.conversationIds.get(peerId) ?? 0) + 1;
    this.conversationIds.set(peerId, next);
    return next;
  }

  private eventId(): string {
    return (this.events.position * 2_654_435_761).toString(16).padStart(40, '0').slice(-40);
  }
}

/** What the reference's message_new example says about the writer's app. */
const CLIENT_INFO = { button_actions: ['text', 'vkpay', 'open_app', 'location', 'open_link', 'callback', 'intent_subscribe', 'intent_unsubscribe'], keyboard: true, inline_keyboard: true, carousel: true, lang_id: 0 };
