import { DM_CONVERSATION_ID, SNOWFLAKE, TWEPOCH_MS } from './wire';

/**
 * How X's ids become the console's thread ids.
 *
 * A mention is a conversation of its own, `mention:<tweet id>/<author id>`: a
 * public reply answers that tweet (reply.in_reply_to_tweet_id), a private one
 * goes to its author as a DM. When the customer answers our reply, that tweet
 * mentions us again and starts a conversation of its own, as in Telegram groups
 * (the mentions timeline is the only read that sees customers' tweets, and
 * grouping by conversation_id would leave no tweet to reply to once stored).
 *
 * A DM conversation is `dm:<dm_conversation_id>`: `<id>-<id>` between two
 * people, a single id for a group.
 */
export type XThread = { kind: 'mention'; tweetId: string; authorId: string } | { kind: 'dm'; conversationId: string };

const MENTION = /^mention:(\d{1,19})\/(\d{1,19})$/;
const DM = /^dm:(.{1,40})$/;

export function mentionThreadId(tweetId: string, authorId: string): string {
  return `mention:${tweetId}/${authorId}`;
}

export function dmThreadId(conversationId: string): string {
  return `dm:${conversationId}`;
}

/** The thread in an id, or null when threadId did not make it (a corrupt row, another platform's id). */
export function parseThreadId(id: string): XThread | null {
  const mention = MENTION.exec(id);
  if (mention && SNOWFLAKE.test(mention[1]!) && SNOWFLAKE.test(mention[2]!)) return { kind: 'mention', tweetId: mention[1]!, authorId: mention[2]! };
  const dm = DM.exec(id);
  if (dm && DM_CONVERSATION_ID.test(dm[1]!)) return { kind: 'dm', conversationId: dm[1]! };
  return null;
}

/** The other person in a one-to-one conversation, or null for a group conversation (or one `me` is not in). */
export function otherParticipant(conversationId: string, me: string): string | null {
  const ids = conversationId.split('-');
  if (ids.length !== 2 || !ids.includes(me)) return null;
  return ids[0] === me ? ids[1]! : ids[0]!;
}

/** Snowflakes compare as numbers; as strings they would put "9" after "10". */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** When X made a snowflake: its top bits are ms since TWEPOCH. */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> 22n) + TWEPOCH_MS;
}

/** A snowflake for `at`, above `after` (the fake's and the tests' ids). */
export function makeSnowflake(at: number, after: string | null): string {
  const made = BigInt(Math.max(0, at - TWEPOCH_MS)) << 22n;
  const floor = after === null ? 0n : BigInt(after) + 1n;
  return String(made > floor ? made : floor);
}
