import { formatGraphTime } from '../wire';

/**
 * The fake Graph's state: one Page, optionally its Instagram account, their
 * conversations, posts, media and comments, with Meta's rules on top (reply
 * window, one private reply per comment, hidden comments, Instagram's latest
 * 20 messages). Test and demo code seeds it through the methods below; the
 * HTTP layer (server.ts) reads and writes it in Graph's wire shapes.
 */
export interface Person {
  id: string;
  name: string;
  /** Instagram people have a username and no name. */
  username?: string;
}

export interface FakeMessage {
  id: string;
  createdAt: number;
  from: Person;
  to: Person;
  text: string;
  /** Served instead of the message, for malformed-payload tests. */
  raw?: unknown;
}

export interface FakeConversation {
  id: string;
  platform: 'messenger' | 'instagram';
  customer: Person;
  /** Oldest first. */
  messages: FakeMessage[];
}

export interface FakePost {
  id: string;
  text: string;
  createdAt: number;
}

export interface FakeComment {
  id: string;
  /** A Page post or an Instagram media. */
  parentObjectId: string;
  surface: 'page' | 'instagram';
  /** The top-level comment this one replies to. */
  replyTo: string | null;
  from: Person;
  text: string;
  createdAt: number;
  hidden: boolean;
  /** The Send API message id of the private reply, once sent (one per comment). */
  privateReply: string | null;
  raw?: unknown;
}

export class GraphRuleError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly subcode?: number,
  ) {
    super(message);
  }
}

const DAY_MS = 24 * 60 * 60_000;
/** Instagram's Conversations API returns only a conversation's 20 latest messages. */
export const INSTAGRAM_MESSAGE_LIMIT = 20;

export class GraphStore {
  readonly conversations = new Map<string, FakeConversation>();
  readonly posts = new Map<string, FakePost>();
  readonly media = new Map<string, FakePost>();
  readonly comments = new Map<string, FakeComment>();
  /** Every Send API call that published something, in order. */
  readonly sent: { messageId: string; recipient: string; messagingType: string; tag: string | null; text: string; at: number }[] = [];
  private counter = 0;

  constructor(
    readonly page: Person,
    readonly instagram: Person | null,
    private readonly now: () => number,
  ) {}

  private nextId(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  /** A customer writes to the Page (or its Instagram account); opens the conversation on the first message. */
  customerWrites(platform: 'messenger' | 'instagram', customer: Person, text: string, at = this.now()): { conversationId: string; messageId: string } {
    const conversation = this.conversationWith(platform, customer);
    const message = this.append(conversation, customer, this.ownerOf(platform), text, at);
    return { conversationId: conversation.id, messageId: message.id };
  }

  /** Appends an item served verbatim in the conversation's messages, dated `at` for ordering. */
  rawMessage(conversationId: string, raw: unknown, at = this.now()): void {
    const conversation = this.conversation(conversationId);
    this.append(conversation, conversation.customer, this.ownerOf(conversation.platform), '', at).raw = raw;
  }

  addPost(text: string, at = this.now()): string {
    const id = `${this.page.id}_${this.nextId('')}`;
    this.posts.set(id, { id, text, createdAt: at });
    return id;
  }

  addMedia(caption: string, at = this.now()): string {
    if (!this.instagram) throw new Error('This fake Page has no Instagram account');
    const id = this.nextId('1790000000');
    this.media.set(id, { id, text: caption, createdAt: at });
    return id;
  }

  /** A comment by `from` on a post or media, or a reply under a top-level comment. */
  addComment(objectId: string, from: Person, text: string, options: { replyTo?: string; at?: number; raw?: unknown } = {}): string {
    const surface = this.posts.has(objectId) ? 'page' : this.media.has(objectId) ? 'instagram' : null;
    if (surface === null) throw new Error(`No post or media ${objectId}`);
    const id = surface === 'page' ? `${objectId.split('_')[1]}_${this.nextId('')}` : this.nextId('1787000000');
    const replyTo = options.replyTo === undefined ? null : (this.comment(options.replyTo).replyTo ?? options.replyTo);
    this.comments.set(id, { id, parentObjectId: objectId, surface, replyTo, from, text, createdAt: options.at ?? this.now(), hidden: false, privateReply: null, raw: options.raw });
    return id;
  }

  conversation(id: string): FakeConversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw new GraphRuleError(100, `Unsupported get request. Object with ID '${id}' does not exist`, 33);
    return conversation;
  }

  comment(id: string): FakeComment {
    const comment = this.comments.get(id);
    if (!comment) throw new GraphRuleError(100, `Unsupported request. Object with ID '${id}' does not exist`, 33);
    return comment;
  }

  /** Most recently active first, as Graph lists them. */
  conversationsOf(platform: 'messenger' | 'instagram'): FakeConversation[] {
    return [...this.conversations.values()]
      .filter((conversation) => conversation.platform === platform)
      .sort((a, b) => updatedAt(b) - updatedAt(a) || b.id.localeCompare(a.id));
  }

  /** Newest first; Instagram keeps only the latest 20 visible. */
  messagesOf(conversation: FakeConversation): FakeMessage[] {
    const newestFirst = [...conversation.messages].reverse();
    return conversation.platform === 'instagram' ? newestFirst.slice(0, INSTAGRAM_MESSAGE_LIMIT) : newestFirst;
  }

  /** Comments under a post or media (stream: replies included), or the replies under one comment. */
  commentsUnder(objectId: string, options: { stream: boolean }): FakeComment[] {
    return [...this.comments.values()]
      .filter((comment) => (comment.parentObjectId === objectId && (options.stream || comment.replyTo === null)) || comment.replyTo === objectId)
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /**
   * The Send API to a person: RESPONSE within 24 hours of their latest
   * message, MESSAGE_TAG with HUMAN_AGENT within 7 days; error 10/2018278 otherwise.
   */
  sendToPerson(recipientId: string, messagingType: string, tag: string | null, text: string): { messageId: string } {
    const conversation = [...this.conversations.values()].find((candidate) => candidate.customer.id === recipientId);
    if (!conversation) throw new GraphRuleError(100, 'No matching user found', 2_018_001);
    const last = conversation.messages.filter((message) => message.from.id === recipientId).at(-1);
    const elapsed = last === undefined ? Infinity : this.now() - last.createdAt;
    const allowed = messagingType === 'RESPONSE' ? elapsed <= DAY_MS : messagingType === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT' && elapsed <= 7 * DAY_MS;
    if (!allowed) throw new GraphRuleError(10, 'This message is sent outside of allowed window.', 2_018_278);
    const message = this.append(conversation, this.ownerOf(conversation.platform), conversation.customer, text, this.now());
    this.sent.push({ messageId: message.id, recipient: recipientId, messagingType, tag, text, at: this.now() });
    return { messageId: message.id };
  }

  /** A private reply to a comment: one per comment, within 7 days of it; it opens a conversation with the commenter. */
  sendPrivateReply(commentId: string, text: string): { messageId: string; recipientId: string } {
    const comment = this.comment(commentId);
    if (comment.privateReply !== null) throw new GraphRuleError(10_900, 'Activity already replied to');
    if (this.now() - comment.createdAt > 7 * DAY_MS) throw new GraphRuleError(10, 'This message is sent outside of allowed window.', 2_018_278);
    const platform = comment.surface === 'page' ? 'messenger' : 'instagram';
    const conversation = this.conversationWith(platform, comment.from);
    const message = this.append(conversation, this.ownerOf(platform), comment.from, text, this.now());
    comment.privateReply = message.id;
    this.sent.push({ messageId: message.id, recipient: `comment:${commentId}`, messagingType: 'RESPONSE', tag: null, text, at: this.now() });
    return { messageId: message.id, recipientId: comment.from.id };
  }

  /** The Page's (or Instagram account's) public reply under a comment; Instagram refuses replies to hidden comments. */
  replyToComment(commentId: string, text: string): string {
    const target = this.comment(commentId);
    if (target.surface === 'instagram' && target.hidden) throw new GraphRuleError(100, 'Cannot reply to a hidden comment');
    const author = target.surface === 'page' ? this.page : this.instagram!;
    return this.addComment(target.parentObjectId, author, text, { replyTo: target.id });
  }

  setHidden(commentId: string, hidden: boolean): void {
    const comment = this.comment(commentId);
    const own = comment.from.id === (comment.surface === 'page' ? this.page.id : this.instagram?.id);
    if (own) throw new GraphRuleError(100, "The owner's own comments cannot be hidden");
    comment.hidden = hidden;
  }

  private conversationWith(platform: 'messenger' | 'instagram', customer: Person): FakeConversation {
    const existing = [...this.conversations.values()].find((candidate) => candidate.platform === platform && candidate.customer.id === customer.id);
    if (existing) return existing;
    const id = platform === 'messenger' ? this.nextId('t_') : this.nextId('aWdfZAGQ');
    const conversation: FakeConversation = { id, platform, customer, messages: [] };
    this.conversations.set(id, conversation);
    return conversation;
  }

  private append(conversation: FakeConversation, from: Person, to: Person, text: string, at: number): FakeMessage {
    const message: FakeMessage = { id: this.nextId(conversation.platform === 'messenger' ? 'm_' : 'aWdfaXRlbT'), createdAt: at, from, to, text };
    conversation.messages.push(message);
    conversation.messages.sort((a, b) => a.createdAt - b.createdAt);
    return message;
  }

  private ownerOf(platform: 'messenger' | 'instagram'): Person {
    if (platform === 'messenger') return this.page;
    if (!this.instagram) throw new Error('This fake Page has no Instagram account');
    return this.instagram;
  }
}

export function updatedAt(conversation: FakeConversation): number {
  return conversation.messages.at(-1)?.createdAt ?? 0;
}

/** Graph's wire shapes for the stored objects. */
export const wire = {
  /** Messenger shows a name and a proxy email; Instagram a username. */
  person: (person: Person) => ({ id: person.id, ...(person.username === undefined ? { name: person.name, email: `${person.id}@facebook.com` } : { username: person.username }) }),
  message(message: FakeMessage) {
    if (message.raw !== undefined) return message.raw;
    return {
      id: message.id,
      created_time: formatGraphTime(message.createdAt),
      from: wire.person(message.from),
      to: { data: [wire.person(message.to)] },
      message: message.text,
    };
  },
  pageComment(comment: FakeComment) {
    if (comment.raw !== undefined) return comment.raw;
    return {
      id: comment.id,
      created_time: formatGraphTime(comment.createdAt),
      from: { id: comment.from.id, name: comment.from.name },
      message: comment.text,
      ...(comment.replyTo === null ? {} : { parent: { id: comment.replyTo } }),
      is_hidden: comment.hidden,
    };
  },
  igComment(comment: FakeComment) {
    if (comment.raw !== undefined) return comment.raw;
    const username = comment.from.username ?? comment.from.name;
    return { id: comment.id, timestamp: formatGraphTime(comment.createdAt), text: comment.text, from: { id: comment.from.id, username }, username, hidden: comment.hidden };
  },
};
