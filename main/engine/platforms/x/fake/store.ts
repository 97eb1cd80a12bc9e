import { lengthLimit, measure } from '../../../checks/length';
import { ModerationLedger } from '../../sandbox/fake/moderation';
import type { WireModeration } from '../../sandbox/wire';
import { makeSnowflake } from '../ids';

/**
 * The fake X's state: the account, the people who write to it, tweets and DM
 * events, with X's rules on top (ids are snowflakes increasing with time,
 * replies carry the @mention of the person answered, links become t.co ones,
 * a tweet repeating one of the account's recent texts is refused, 280
 * weighted characters per tweet, 10,000 per DM, only replies in a
 * conversation the account started can be hidden). Test and demo code seeds it
 * through the methods below; the HTTP layer (server.ts) serves it in X's wire
 * shapes.
 */
export interface FakeUser {
  id: string;
  name: string;
  username: string;
}

export interface FakeTweet {
  id: string;
  author: FakeUser;
  /** As X stores it: with the reply's leading @mention and t.co links. */
  text: string;
  /** The links X shortened: t.co → the original. */
  links: { url: string; expanded: string }[];
  createdAt: number;
  replyTo: { tweetId: string; userId: string } | null;
  conversationId: string;
  /** Served instead of the tweet, for malformed-payload tests. */
  raw?: unknown;
}

export interface FakeDmEvent {
  id: string;
  conversationId: string;
  sender: FakeUser;
  text: string;
  createdAt: number;
  raw?: unknown;
}

/** A refusal by X's rules, answered as a problem with this status. */
export class XRuleError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

const DUPLICATE_WINDOW_MS = 24 * 60 * 60_000;
const LINK = /https?:\/\/[^\s]+/g;

export class XStore {
  readonly users = new Map<string, FakeUser>();
  /** In creation order, which is id order. */
  readonly tweets: FakeTweet[] = [];
  readonly dmEvents: FakeDmEvent[] = [];
  /** Every tweet and DM the account published through the API, in order. */
  readonly published: { kind: 'tweet' | 'dm'; id: string; text: string; target: string; at: number }[] = [];
  /** The replies the account hid or showed again, as the sandbox keeps its comments' (one state per post, requests counted). */
  private readonly hiding = new ModerationLedger();
  private lastId: string | null = null;
  private links = 0;

  constructor(
    readonly me: FakeUser,
    private readonly now: () => number,
  ) {
    this.users.set(me.id, me);
  }

  /** A customer's tweet mentioning the account (the @mention is added when the text lacks it), or a reply to one of its tweets. */
  mention(from: FakeUser, text: string, options: { replyTo?: string; at?: number } = {}): FakeTweet {
    const mentioned = new RegExp(`@${this.me.username}\\b`, 'i').test(text) || options.replyTo !== undefined;
    return this.addTweet(from, mentioned ? text : `@${this.me.username} ${text}`, options.at ?? this.now(), options.replyTo ?? null);
  }

  /** A mention served verbatim (a malformed payload), placed in id order at `at`. */
  rawMention(raw: unknown, at = this.now()): FakeTweet {
    const tweet = this.addTweet(this.me, '', at, null);
    tweet.raw = raw;
    return tweet;
  }

  /** The account's own post, which starts a conversation whose replies it may hide. */
  post(text: string, at = this.now()): FakeTweet {
    return this.addTweet(this.me, text, at, null);
  }

  /** A customer's DM to the account, in their one-to-one conversation. */
  customerDm(from: FakeUser, text: string, at = this.now()): FakeDmEvent {
    this.users.set(from.id, from);
    return this.addDm(oneToOne(from.id, this.me.id), from, text, at);
  }

  /** A DM event served verbatim, in `conversationId`. */
  rawDmEvent(conversationId: string, raw: unknown, at = this.now()): FakeDmEvent {
    const event = this.addDm(conversationId, this.me, '', at);
    event.raw = raw;
    return event;
  }

  tweet(id: string): FakeTweet | undefined {
    return this.tweets.find((tweet) => tweet.id === id);
  }

  /** Tweets that mention the account or reply to it, not its own; newest first. */
  mentions(): FakeTweet[] {
    const handle = new RegExp(`@${this.me.username}\\b`, 'i');
    return this.tweets.filter((tweet) => tweet.raw !== undefined || (tweet.author.id !== this.me.id && (handle.test(tweet.text) || tweet.replyTo?.userId === this.me.id))).reverse();
  }

  tweetsBy(userId: string): FakeTweet[] {
    return this.tweets.filter((tweet) => tweet.raw === undefined && tweet.author.id === userId).reverse();
  }

  /** DM events the account can see, optionally of one conversation; newest first. */
  events(conversationId?: string): FakeDmEvent[] {
    return this.dmEvents.filter((event) => conversationId === undefined || event.conversationId === conversationId).reverse();
  }

  /** POST /2/tweets with a reply: X puts the answered author's @mention in front. */
  reply(text: string, inReplyTo: string): FakeTweet {
    const target = this.tweet(inReplyTo);
    if (!target || target.raw !== undefined) throw new XRuleError(400, 'Invalid Request', `The tweet ${inReplyTo} you are replying to does not exist or has been deleted.`);
    const { count } = measure(text, lengthLimit('x', 'public'));
    if (count > 280) throw new XRuleError(400, 'Invalid Request', `Your Tweet text is too long: ${count} weighted characters, the limit is 280.`);
    const stored = target.author.id === this.me.id ? text : `@${target.author.username} ${text}`;
    const since = this.now() - DUPLICATE_WINDOW_MS;
    if (this.tweetsBy(this.me.id).some((tweet) => tweet.createdAt >= since && this.original(tweet) === stored)) {
      throw new XRuleError(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    }
    const tweet = this.addTweet(this.me, stored, this.now(), inReplyTo);
    this.published.push({ kind: 'tweet', id: tweet.id, text, target: inReplyTo, at: this.now() });
    return tweet;
  }

  /** POST …/messages: to a person the account has a conversation with, or in a group conversation it is in. */
  sendDm(conversationId: string, text: string): FakeDmEvent {
    if (!this.dmEvents.some((event) => event.conversationId === conversationId)) {
      throw new XRuleError(403, 'Forbidden', 'You cannot send messages to this user.');
    }
    if ([...text].length > 10_000) throw new XRuleError(400, 'Invalid Request', 'The text of your direct message is over the 10000 character limit.');
    const event = this.addDm(conversationId, this.me, text, this.now());
    this.published.push({ kind: 'dm', id: event.id, text, target: conversationId, at: this.now() });
    return event;
  }

  /**
   * PUT /2/tweets/:id/hidden: someone else's reply in a conversation whose first post is the
   * account's own; anything else (an unknown post, a post that is no reply, a reply in someone
   * else's conversation, the account's own reply) is refused with 403 in X's words. Setting the
   * state a reply already has succeeds.
   */
  setHidden(tweetId: string, hidden: boolean): WireModeration {
    const tweet = this.tweet(tweetId);
    const root = tweet && this.tweet(tweet.conversationId);
    const hideable = tweet !== undefined && tweet.raw === undefined && tweet.replyTo !== null && tweet.author.id !== this.me.id && root?.author.id === this.me.id;
    if (!hideable) throw new XRuleError(403, 'Forbidden', 'Forbidden');
    return this.hiding.set(tweetId, hidden, this.now());
  }

  /** Every reply the account hid or showed again, with its state now and how many requests set it. */
  moderation(): WireModeration[] {
    return this.hiding.items();
  }

  /** A tweet's text with its links as written. */
  original(tweet: FakeTweet): string {
    return tweet.links.reduce((text, link) => text.split(link.url).join(link.expanded), tweet.text);
  }

  private addTweet(author: FakeUser, text: string, at: number, replyTo: string | null): FakeTweet {
    this.users.set(author.id, author);
    const id = this.nextId(at);
    const target = replyTo === null ? undefined : this.tweet(replyTo);
    const links: FakeTweet['links'] = [];
    const shortened = text.replace(LINK, (expanded) => {
      const url = `https://t.co/${(++this.links).toString(36).padStart(10, 'x')}`;
      links.push({ url, expanded });
      return url;
    });
    const tweet: FakeTweet = {
      id,
      author,
      text: shortened,
      links,
      createdAt: at,
      replyTo: target ? { tweetId: target.id, userId: target.author.id } : null,
      conversationId: target?.conversationId ?? id,
    };
    this.tweets.push(tweet);
    return tweet;
  }

  private addDm(conversationId: string, sender: FakeUser, text: string, at: number): FakeDmEvent {
    const event: FakeDmEvent = { id: this.nextId(at), conversationId, sender, text, createdAt: at };
    this.dmEvents.push(event);
    return event;
  }

  private nextId(at: number): string {
    this.lastId = makeSnowflake(at, this.lastId);
    return this.lastId;
  }
}

/** X names a one-to-one conversation by its two user ids, lower first. */
export function oneToOne(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
}
