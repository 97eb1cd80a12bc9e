import { z } from 'zod';

/**
 * The slice of the Meta Graph API this connector speaks, as zod schemas shared
 * by the client (client.ts), the mapper (mapper.ts) and the fake (fake/).
 * Shapes follow the official references cited in tests/fixtures/meta/graph.ts.
 *
 * All paths sit under a versioned base URL (https://graph.facebook.com/v21.0):
 *   GET  /me                                            → WireNode (the Page, for a Page token)
 *   GET  /{page-id}/conversations?platform=messenger|instagram&fields=id,updated_time&limit&after
 *                                                       → WireList of WireConversation, most recently updated first
 *   GET  /{conversation-id}/messages?fields=id,created_time,from,to,message&limit&after
 *                                                       → WireList of WireMessage, newest first (Instagram: only the latest 20)
 *   POST /{page-id}/messages  body WireSendRequest      → WireSendResponse (DMs and private replies to comments)
 *   GET  /{page-id}/feed?fields=id,message,created_time,comments.filter(stream).order(reverse_chronological).limit(n){…}&since&limit&after
 *                                                       → WireList of WirePost, newest first, each with its latest comments inline
 *   GET  /{post-id}/comments?filter=stream&order=reverse_chronological&fields=…
 *                                                       → WireList of WireComment (replies included, with `parent`)
 *   POST /{comment-id}/comments  { message }            → WireCreated (reply to a Page comment)
 *   POST /{comment-id}  { is_hidden }                   → WireSuccess (hide/unhide a Page comment)
 *   GET  /{comment-id}?fields=can_reply_privately       → { id, can_reply_privately }
 *   GET  /{ig-user-id}/media?fields=id,caption,timestamp,comments.limit(n){…,replies{…}}&limit&after
 *                                                       → WireList of WireIgMedia, newest first, each with its comments inline
 *   GET  /{ig-media-id}/comments?fields=id,text,timestamp,from,replies{…} → WireList of WireIgComment, newest first
 *   POST /{ig-comment-id}/replies  { message }          → WireCreated
 *   GET  /{ig-comment-id}/replies?fields=…              → WireList of WireIgComment
 *   POST /{ig-comment-id}  { hide }                     → WireSuccess
 *   errors: WireGraphError, HTTP 400/401/403/500…; usage in `X-App-Usage` / `X-Business-Use-Case-Usage`.
 */

export const GRAPH_VERSION = 'v21.0';

/** Graph writes times as `2017-02-02T00:51:53+0000` (no colon in the offset), which ISO parsers reject. */
const GRAPH_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d{1,3})?([+-])(\d{2}):?(\d{2})$/;

export function parseGraphTime(text: string): number | null {
  const match = GRAPH_TIME.exec(text);
  if (!match) return null;
  const ms = Date.parse(`${match[1]}${match[2]}${match[3]}:${match[4]}`);
  return Number.isNaN(ms) ? null : ms;
}

export function formatGraphTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+0000`;
}

/** A Graph time, parsed to ms since the epoch. */
export const GraphTime = z.string().transform((text, ctx) => {
  const ms = parseGraphTime(text);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `not a Graph time: ${text.slice(0, 40)}` });
    return z.NEVER;
  }
  return ms;
});

const GraphId = z.string().min(1).max(128);
/**
 * Ids the connector later puts in a URL path (conversations, posts, media,
 * comments): a hostile `..` or `a/b` from the wire must not reach another node.
 */
export const NODE_ID = /^(?!\.{1,2}$)[\w.:+=-]{1,128}$/;
const NodeId = z.string().regex(NODE_ID, 'not a Graph node id');
const Text = z.string().max(100_000);

export const WireNode = z.object({ id: GraphId, name: z.string().max(500) });
export type WireNode = z.infer<typeof WireNode>;

/** A list edge. Items stay unknown here: the mapper parses each one alone, so one bad item is quarantined, not the page. */
export const WireList = z.object({
  data: z.array(z.unknown()),
  paging: z
    .object({
      cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
export type WireList = z.infer<typeof WireList>;

export const WireConversation = z.object({ id: NodeId, updated_time: GraphTime });
export type WireConversation = z.infer<typeof WireConversation>;

/** Messenger senders carry a name; Instagram ones a username. */
export const WireParty = z.object({
  id: GraphId,
  name: z.string().max(500).optional(),
  username: z.string().max(500).optional(),
  email: z.string().max(500).optional(),
});
export type WireParty = z.infer<typeof WireParty>;

export const WireMessage = z.object({
  id: GraphId,
  created_time: GraphTime,
  from: WireParty,
  to: z.object({ data: z.array(WireParty).max(100) }).optional(),
  /** Absent for a message that is only an attachment or a sticker. */
  message: Text.optional(),
});
export type WireMessage = z.infer<typeof WireMessage>;

export const WirePost = z.object({
  id: NodeId,
  created_time: GraphTime,
  message: Text.optional(),
  /** The comments edge expanded in the same request (field expansion): its first page, with the cursor to the rest. */
  comments: WireList.optional(),
});
export type WirePost = z.infer<typeof WirePost>;

export const WireComment = z.object({
  id: NodeId,
  created_time: GraphTime,
  /** Absent when the commenter has not authorised the app (Graph hides the author). */
  from: WireParty.optional(),
  message: Text,
  /** Present on a reply: the comment it answers. */
  parent: z.object({ id: NodeId }).optional(),
  /** Hidden by the Page (requested in the fields; absent if not asked). Anything but a boolean quarantines the comment, as any malformed field does. */
  is_hidden: z.boolean().optional(),
});
export type WireComment = z.infer<typeof WireComment>;

export const WireIgMedia = z.object({
  id: NodeId,
  timestamp: GraphTime,
  caption: Text.optional(),
  /** The comments edge expanded in the same request, replies included: its first page. */
  comments: WireList.optional(),
});
export type WireIgMedia = z.infer<typeof WireIgMedia>;

export const WireIgComment = z.object({
  id: NodeId,
  timestamp: GraphTime,
  text: Text,
  from: z.object({ id: GraphId, username: z.string().max(500) }).optional(),
  username: z.string().max(500).optional(),
  /** Hidden by the Instagram account, as `is_hidden` on a Page comment. */
  hidden: z.boolean().optional(),
  replies: z.object({ data: z.array(z.unknown()) }).optional(),
});
export type WireIgComment = z.infer<typeof WireIgComment>;

export const MessagingType = z.enum(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']);

export const WireSendRequest = z.object({
  recipient: z.union([z.object({ id: GraphId }).strict(), z.object({ comment_id: GraphId }).strict()]),
  messaging_type: MessagingType,
  tag: z.literal('HUMAN_AGENT').optional(),
  message: z.object({ text: z.string().min(1).max(2000) }),
});
export type WireSendRequest = z.infer<typeof WireSendRequest>;

export const WireSendResponse = z.object({ recipient_id: GraphId.optional(), message_id: GraphId });
export const WireCreated = z.object({ id: GraphId });
export const WireSuccess = z.object({ success: z.boolean() });
export const WirePrivateReplyState = z.object({ id: GraphId, can_reply_privately: z.boolean() });

export const WireGraphError = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type WireGraphError = z.infer<typeof WireGraphError>;

/** `X-App-Usage`: percentages of the app's hourly allowance. */
export const WireAppUsage = z.object({
  call_count: z.number().nonnegative(),
  total_time: z.number().nonnegative(),
  total_cputime: z.number().nonnegative(),
});

/** `X-Business-Use-Case-Usage`: per business object, per use case; regain time in minutes. */
export const WireBusinessUsage = z.record(
  z.string(),
  z.array(
    z.object({
      type: z.string(),
      call_count: z.number().nonnegative(),
      total_time: z.number().nonnegative(),
      total_cputime: z.number().nonnegative(),
      estimated_time_to_regain_access: z.number().nonnegative().optional(),
    }),
  ),
);
