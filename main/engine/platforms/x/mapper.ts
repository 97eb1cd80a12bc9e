import { ZodError } from 'zod';
import type { InboundItem } from '../../inbox/ingest';
import { quarantine, type Mapped } from '../quarantine';
import { dmThreadId, mentionThreadId } from './ids';
import { WireDmEvent, WireItemId, WireMessageCreate, WireTweet, WireUser } from './wire';

/**
 * X list answers → domain items. Never throws: each item is parsed on its own,
 * one that does not parse is quarantined with its error and the rest go
 * through; an author missing from `includes` leaves the item with its id only.
 */

/** The `includes.users` of an answer by id; users that do not parse are left out. */
export function usersById(raw: readonly unknown[] | undefined): Map<string, WireUser> {
  const users = new Map<string, WireUser>();
  for (const entry of raw ?? []) {
    const parsed = WireUser.safeParse(entry);
    if (parsed.success) users.set(parsed.data.id, parsed.data);
  }
  return users;
}

/**
 * Tweets that mention the account. Its own tweets (a self-mention) are not customers' and are skipped.
 * `hidden` is left unsaid: X API v2 has no field for a hidden reply on the Post object (not among the
 * tweet.fields of GET /2/users/:id/mentions, https://docs.x.com/x-api/users/get-mentions), and hide replies
 * is write-only (PUT /2/tweets/:id/hidden). A reply hidden in X's own app keeps the state last set here.
 */
export function mapMentions(raw: readonly unknown[], users: ReadonlyMap<string, WireUser>, me: string): Mapped {
  return mapEach(raw, (entry) => {
    const parsed = WireTweet.safeParse(entry);
    if (!parsed.success) return parsed.error;
    const tweet = parsed.data;
    if (tweet.author_id === me) return null;
    return {
      platformId: tweet.id,
      thread: { platformId: mentionThreadId(tweet.id, tweet.author_id), kind: 'mention', title: '', rating: null },
      author: person(tweet.author_id, users),
      lang: null,
      body: tweetText(tweet),
      createdAt: tweet.created_at,
      direction: 'in',
      visibility: 'public',
    };
  });
}

/**
 * DM events; the account's own messages are outbound. Events other than
 * MessageCreate carry no message and are skipped. DM text is kept as sent:
 * only tweets come HTML-escaped.
 */
export function mapDmEvents(raw: readonly unknown[], users: ReadonlyMap<string, WireUser>, me: string): Mapped {
  return mapEach(raw, (entry) => {
    const parsed = WireDmEvent.safeParse(entry);
    if (!parsed.success) return parsed.error;
    if (parsed.data.event_type !== 'MessageCreate') return null;
    const message = WireMessageCreate.safeParse(entry);
    if (!message.success) return message.error;
    const { id, text, sender_id: sender, dm_conversation_id: conversation, created_at: createdAt } = message.data;
    return {
      platformId: id,
      thread: { platformId: dmThreadId(conversation), kind: 'dm', title: '', rating: null },
      author: person(sender, users),
      lang: null,
      body: text,
      createdAt,
      direction: sender === me ? 'out' : 'in',
      visibility: 'private',
    };
  });
}

/** Each entry on its own: an item, null for one deliberately skipped, or the error that quarantines it. */
function mapEach(raw: readonly unknown[], toDomain: (entry: unknown) => InboundItem | ZodError | null): Mapped {
  const out: Mapped = { items: [], quarantined: [] };
  for (const entry of raw) {
    const result = toDomain(entry);
    if (result instanceof ZodError) out.quarantined.push(quarantine(entry, result));
    else if (result !== null) out.items.push(result);
  }
  return out;
}

/** The id of an item that may not parse as a whole, so a stream can move past it; null when even that is unreadable. */
export function itemId(value: unknown): string | null {
  const parsed = WireItemId.safeParse(value);
  return parsed.success ? parsed.data.id : null;
}

/**
 * A tweet's text as its author wrote it: the whole of a long post, with
 * &, < and > unescaped (X sends them as HTML entities) and each t.co link
 * replaced by the original its entities give.
 */
export function tweetText(tweet: WireTweet): string {
  const source = tweet.note_tweet ?? tweet;
  let text = source.text;
  for (const link of source.entities?.urls ?? []) {
    if (link.expanded_url !== undefined && link.url.length > 0) text = text.split(link.url).join(link.expanded_url);
  }
  return unescapeEntities(text);
}

/** The text of a reply without the @mentions X puts in front of it (the people it answers). */
export function withoutReplyMentions(text: string): string {
  return text.replace(/^(?:@\w{1,15}\s+)+/u, '');
}

function unescapeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>' })[name]!);
}

function person(id: string, users: ReadonlyMap<string, WireUser>): InboundItem['author'] {
  const user = users.get(id);
  return user ? { platformId: id, name: user.name, handle: `@${user.username}` } : { platformId: id, name: '', handle: '' };
}
