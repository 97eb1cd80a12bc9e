import { z } from 'zod';

/**
 * The slice of the X API v2 this connector speaks, as zod schemas shared by
 * the client (client.ts), the mapper (mapper.ts) and the fake (fake/).
 * Shapes follow the official references cited in tests/fixtures/x/api.ts.
 *
 *   GET  /2/users/me                                            → WireMe
 *   GET  /2/users/:id/mentions?since_id&pagination_token&max_results(5–100)&tweet.fields&expansions=author_id&user.fields
 *                                                               → WireList of WireTweet, newest first (the latest 800 only)
 *   GET  /2/users/:id/tweets?start_time&max_results&tweet.fields → WireList of WireTweet, newest first (the account's own)
 *   POST /2/tweets  WireCreateTweet                             → 201 WireCreatedTweet
 *   GET  /2/dm_events?event_types&dm_event.fields&expansions=sender_id&user.fields&max_results(1–100)&pagination_token
 *                                                               → WireList of WireDmEvent, newest first (the last 30 days)
 *   GET  /2/dm_conversations/with/:participant_id/dm_events     → the same, one one-to-one conversation
 *   GET  /2/dm_conversations/:dm_conversation_id/dm_events      → the same, one (group) conversation
 *   POST /2/dm_conversations/with/:participant_id/messages { text }  → 201 WireDmSent
 *   POST /2/dm_conversations/:dm_conversation_id/messages { text }   → 201 WireDmSent
 *   PUT  /2/tweets/:id/hidden  WireHideReply                    → 200 WireHiddenReply (hide replies: only a reply in a
 *        conversation the account started; 403 otherwise; setting the state a reply already has succeeds)
 *   errors: WireProblem (401, 403, 400, 429, 5xx); every answer carries x-rate-limit-limit/-remaining/-reset.
 */

export const X_API = 'https://api.x.com';

/** Tweet, user and DM event ids are snowflakes: decimal, up to 19 digits, increasing with time. */
export const SNOWFLAKE = /^[1-9]\d{0,18}$/;
export const Snowflake = z.string().regex(SNOWFLAKE, 'not an X id');

/** X's own epoch for snowflakes (2010-11-04T01:42:54.657Z): the id's top bits are ms since it. */
export const TWEPOCH_MS = 1_288_834_974_657;

const Time = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text));
const Text = z.string().max(100_000);
const Name = z.string().max(500);

export const WireUser = z.object({ id: Snowflake, name: Name, username: Name });
export type WireUser = z.infer<typeof WireUser>;

export const WireMe = z.object({ data: WireUser });

/** A list answer. Items stay unknown here: the mapper parses each alone, so one bad item is quarantined, not the page. */
export const WireList = z.object({
  data: z.array(z.unknown()).optional(),
  includes: z.object({ users: z.array(z.unknown()).optional() }).optional(),
  meta: z.object({
    result_count: z.number().int().nonnegative(),
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    next_token: z.string().min(1).max(1024).optional(),
    previous_token: z.string().optional(),
  }),
  /** Partial errors next to data (e.g. an author that could not be expanded); the data still counts. */
  errors: z.array(z.unknown()).optional(),
});
export type WireList = z.infer<typeof WireList>;

/** Just the id of an item that may not parse as a whole: enough to move past it. */
export const WireItemId = z.object({ id: Snowflake });

const WireUrlEntity = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  url: z.string().max(2048),
  expanded_url: z.string().max(4096).optional(),
});

const WireEntities = z.object({ urls: z.array(WireUrlEntity).max(100).optional() }).loose();

export const WireTweet = z.object({
  id: Snowflake,
  text: Text,
  author_id: Snowflake,
  created_at: Time,
  conversation_id: Snowflake.optional(),
  in_reply_to_user_id: Snowflake.optional(),
  referenced_tweets: z.array(z.object({ type: z.string().max(40), id: Snowflake })).max(10).optional(),
  entities: WireEntities.optional(),
  /** A post over 280 characters (X Premium): `text` is then its first 280, and this is the whole. */
  note_tweet: z.object({ text: Text, entities: WireEntities.optional() }).loose().optional(),
  edit_history_tweet_ids: z.array(Snowflake).optional(),
});
export type WireTweet = z.infer<typeof WireTweet>;

/** One-to-one conversations are `<lower id>-<higher id>`; group conversations a single id. */
export const DM_CONVERSATION_ID = /^[1-9]\d{0,18}(?:-[1-9]\d{0,18})?$/;

/** MessageCreate carries a text and a sender; ParticipantsJoin/Leave (group DMs) carry neither and are skipped. */
export const WireDmEvent = z.object({
  id: Snowflake,
  event_type: z.string().max(40),
  text: Text.optional(),
  sender_id: Snowflake.optional(),
  dm_conversation_id: z.string().regex(DM_CONVERSATION_ID, 'not a DM conversation id').optional(),
  created_at: Time,
  participant_ids: z.array(Snowflake).max(100).optional(),
});
export type WireDmEvent = z.infer<typeof WireDmEvent>;

export const WireMessageCreate = WireDmEvent.extend({
  event_type: z.literal('MessageCreate'),
  text: Text,
  sender_id: Snowflake,
  dm_conversation_id: z.string().regex(DM_CONVERSATION_ID, 'not a DM conversation id'),
});

export const WireCreateTweet = z
  .object({
    text: z.string().min(1).max(25_000),
    reply: z.object({ in_reply_to_tweet_id: Snowflake }).strict().optional(),
  })
  .strict();
export type WireCreateTweet = z.infer<typeof WireCreateTweet>;

export const WireCreatedTweet = z.object({ data: z.object({ id: Snowflake, text: Text, edit_history_tweet_ids: z.array(Snowflake).optional() }) });

export const WireDmSend = z.object({ text: z.string().min(1).max(10_000) }).strict();
export type WireDmSend = z.infer<typeof WireDmSend>;

export const WireDmSent = z.object({ data: z.object({ dm_conversation_id: z.string().regex(DM_CONVERSATION_ID), dm_event_id: Snowflake }) });

/** Hide replies: `{ "hidden": true }` hides a reply, `false` shows it again. */
export const WireHideReply = z.object({ hidden: z.boolean() }).strict();
export type WireHideReply = z.infer<typeof WireHideReply>;

export const WireHiddenReply = z.object({ data: z.object({ hidden: z.boolean() }) });

/**
 * X's error answers: an RFC 7807-style problem (`title`, `detail`, `type`,
 * `status`), for invalid requests with `errors[]` naming the parameters; the
 * rate-limit page still documents the v1.1 shape `{ errors: [{ code, message }] }`.
 */
export const WireProblem = z.object({
  title: z.string().max(1000).optional(),
  detail: z.string().max(4000).optional(),
  type: z.string().max(1000).optional(),
  status: z.number().int().optional(),
  errors: z.array(z.object({ message: z.string().max(4000).optional(), code: z.number().int().optional() }).loose()).max(50).optional(),
});
export type WireProblem = z.infer<typeof WireProblem>;
