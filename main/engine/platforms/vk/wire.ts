import { z } from 'zod';

/**
 * The part of the VK API this connector speaks (reference: https://dev.vk.com/en/reference).
 * The client (client.ts), the mapper (mapper.ts) and the fake server (fake/) agree on these schemas.
 *
 *   POST {apiUrl}/method/groups.getById           group_id                        → {groups: [Group]}        (method/groups.getById)
 *   POST {apiUrl}/method/groups.getLongPollServer group_id                        → {key, server, ts}        (method/groups.getLongPollServer)
 *   GET  {server}?act=a_check&key=&ts=&wait=      → {ts, updates: [Event]} | {failed: 1, ts} | {failed: 2|3} (api/bots-long-poll/getting-started)
 *   POST {apiUrl}/method/messages.send            peer_ids, random_id, message    → [{peer_id, message_id, conversation_message_id}] (method/messages.send)
 *   POST {apiUrl}/method/wall.get                 owner_id, count, offset          → {count, items: [Post]}   (method/wall.get)
 *   POST {apiUrl}/method/wall.getComments         owner_id, post_id, sort, offset, count, thread_items_count, comment_id? → {count, items: [Comment]} (method/wall.getComments)
 *   POST {apiUrl}/method/wall.createComment       owner_id, post_id, from_group, message, reply_to_comment, guid → {comment_id, parents_stack} (method/wall.createComment)
 *
 * Every method call carries `v` and `access_token` in its form body (never in the URL, which
 * proxies log), and answers HTTP 200 with `{response}` or `{error: {error_code, error_msg}}`
 * (reference/errors). Fields the connector does not use are not declared: zod drops them.
 */

export const VK_API = 'https://api.vk.com';
/** Every call names the API version; payload shapes below are those of this version. */
export const API_VERSION = '5.199';

/** Community tokens are long opaque strings (vk1.a.… today); anything with spaces or control characters is refused before it is sent. */
export const AccessToken = z.string().regex(/^[A-Za-z0-9._-]{20,512}$/, 'not a VK access token (20–512 letters, digits, dots, _ or -)');

const VkId = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const PositiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Seconds since the epoch; past the year 3000 is a broken payload. */
const UnixTime = z.number().int().min(0).max(32_503_680_000);
/** Messages are at most 9000 characters (method/messages.send); a generous cap keeps a hostile payload out of SQLite. */
const Text = z.string().max(100_000);

/** reference/errors: the error object of a failed call. */
export const WireApiError = z.object({
  error_code: z.number().int(),
  error_msg: z.string().max(10_000),
});
export type WireApiError = z.infer<typeof WireApiError>;

export const WireEnvelope = z.union([z.object({ response: z.unknown() }), z.object({ error: WireApiError })]);

/** reference/objects/group, as groups.getById returns it since 5.194 (an object with `groups`). */
export const WireGroup = z.object({ id: PositiveId, name: z.string().max(1000), screen_name: z.string().max(200).optional() });
export const WireGroupsById = z.object({ groups: z.array(WireGroup).min(1) });

/** method/groups.getLongPollServer. `ts` is a string in the reference's example; numbers are accepted too. */
const Ts = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().nonnegative()]).transform(String);
export const WireLongPollServer = z.object({ key: z.string().min(1).max(1000), server: z.url({ protocol: /^https?$/ }), ts: Ts });
export type WireLongPollServer = z.infer<typeof WireLongPollServer>;

/**
 * api/bots-long-poll/getting-started, "Data format" and "Errors":
 * failed 1 — the history is outdated or partly lost, go on from the `ts` given;
 * failed 2 — the key expired, get a new one (groups.getLongPollServer) and keep your ts;
 * failed 3 — the information is lost, get a new key and ts.
 */
export const WireLongPollAnswer = z.union([
  z.object({ ts: Ts, updates: z.array(z.unknown()) }),
  z.object({ failed: z.literal(1), ts: Ts }),
  z.object({ failed: z.union([z.literal(2), z.literal(3)]) }),
]);
export type WireLongPollAnswer = z.infer<typeof WireLongPollAnswer>;

/** reference/objects/attachments: only the type is kept, to show which media came without text. */
const Attachments = z.array(z.object({ type: z.string().max(100) })).max(100);

/** reference/objects/message — only what the console shows. */
export const WireMessage = z.object({
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  date: UnixTime,
  peer_id: VkId,
  from_id: VkId,
  text: Text,
  /** Unique within the conversation, and set in chats too, where a community sees `id: 0`. */
  conversation_message_id: PositiveId,
  out: z.union([z.literal(0), z.literal(1)]).optional(),
  attachments: Attachments.optional(),
});
export type WireMessage = z.infer<typeof WireMessage>;

/** Just the type of an event, read apart from the rest so an event this connector does not map is skipped, not quarantined. */
export const WireEventType = z.object({ type: z.string().max(200) });

/** api/community-events/json-schema: message_new carries {message, client_info}; message_reply carries the message itself. */
export const WireMessageNew = z.object({ type: z.literal('message_new'), group_id: PositiveId, object: z.object({ message: WireMessage }) });
export const WireMessageReply = z.object({ type: z.literal('message_reply'), group_id: PositiveId, object: WireMessage });
export const MESSAGE_EVENTS = ['message_new', 'message_reply'] as const;

/** reference/objects/post */
export const WirePost = z.object({
  id: PositiveId,
  owner_id: VkId,
  date: UnixTime,
  text: Text,
  comments: z.object({ count: z.number().int().nonnegative() }).optional(),
});
export type WirePost = z.infer<typeof WirePost>;

/** reference/objects/comment. `thread` holds the first replies of a top-level comment when thread_items_count is asked. */
export const WireComment = z.object({
  id: PositiveId,
  from_id: VkId,
  date: UnixTime,
  text: Text,
  post_id: PositiveId.optional(),
  owner_id: VkId.optional(),
  parents_stack: z.array(PositiveId).max(100).optional(),
  thread: z.object({ count: z.number().int().nonnegative(), items: z.array(z.unknown()).max(1000).optional() }).optional(),
  attachments: Attachments.optional(),
  /** Set on a comment that was deleted but still holds its replies' place. */
  deleted: z.boolean().optional(),
});
export type WireComment = z.infer<typeof WireComment>;

/** wall.get and wall.getComments: items are parsed one by one, so one malformed item is quarantined and the rest go on. */
export const WireItems = z.object({ count: z.number().int().nonnegative(), items: z.array(z.unknown()) });

/** method/messages.send with peer_ids: one entry per peer; an entry with `error` was not sent. */
export const WireSendResults = z.array(
  z.object({
    peer_id: VkId,
    message_id: z.number().int().nonnegative().optional(),
    conversation_message_id: PositiveId.optional(),
    error: z.object({ code: z.number().int(), description: z.string().max(10_000) }).optional(),
  }),
);

/** method/wall.createComment */
export const WireCreatedComment = z.object({ comment_id: PositiveId, parents_stack: z.array(PositiveId).optional() });
