import { z } from 'zod';

/**
 * The part of the Telegram Bot API this connector speaks
 * (reference: https://core.telegram.org/bots/api). The client (client.ts), the
 * mapper (mapper.ts) and the fake server (fake/) agree on these schemas.
 *
 *   POST {baseUrl}/bot{token}/getMe       → User                     (#getme)
 *   POST {baseUrl}/bot{token}/getUpdates  {offset, limit, timeout, allowed_updates} → Update[]   (#getupdates)
 *   POST {baseUrl}/bot{token}/sendMessage {chat_id, text, reply_parameters?}         → Message    (#sendmessage)
 *
 * Every answer is an envelope (#making-requests): `{ok: true, result}` or
 * `{ok: false, error_code, description, parameters?: ResponseParameters}`.
 * Fields the connector does not use are not declared: zod drops them, so a
 * new field Telegram adds tomorrow changes nothing here.
 */

export const TELEGRAM_API = 'https://api.telegram.org';

/** Bot tokens look like `123456789:AAH…` (#authorizing-your-bot); anything else is refused before it reaches a URL. */
export const BotToken = z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, 'not a Telegram bot token (digits, a colon, then letters, digits, _ or -)');

/** Identifiers can exceed 32 bits but stay below 52 (#chat): a JS number holds them exactly. */
const TelegramId = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const Name = z.string().max(256);

/** #user */
export const WireUser = z.object({
  id: TelegramId,
  is_bot: z.boolean(),
  first_name: Name,
  last_name: Name.optional(),
  username: Name.optional(),
});
export type WireUser = z.infer<typeof WireUser>;

/** #chat */
export const WireChat = z.object({
  id: TelegramId,
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: Name.optional(),
  username: Name.optional(),
  first_name: Name.optional(),
  last_name: Name.optional(),
});
export type WireChat = z.infer<typeof WireChat>;

/** Text of a message (4096 after entities) or a caption (1024); a generous cap keeps a hostile payload out of SQLite. */
const Text = z.string().max(100_000);
/** Seconds since the epoch; a date past the year 3000 is a broken payload, not a message. */
const UnixTime = z.number().int().min(0).max(32_503_680_000);

/** The media a customer may send without text; the mapper shows which one arrived. */
export const MEDIA_KINDS = ['photo', 'video', 'voice', 'audio', 'document', 'sticker', 'animation', 'video_note', 'location', 'contact', 'poll'] as const;
const media = Object.fromEntries(MEDIA_KINDS.map((kind) => [kind, z.unknown().optional()])) as Record<(typeof MEDIA_KINDS)[number], z.ZodOptional<z.ZodUnknown>>;

/** The message another message replies to; Telegram never nests a further reply_to_message inside it (#message). */
const WireRepliedMessage = z.object({ message_id: z.number().int().positive(), text: Text.optional(), caption: Text.optional() });

/** #message — only the fields the console shows. */
export const WireMessage = z.object({
  message_id: z.number().int().positive(),
  from: WireUser.optional(),
  /** Set instead of `from` when a channel or an anonymous group admin writes. */
  sender_chat: WireChat.optional(),
  date: UnixTime,
  chat: WireChat,
  reply_to_message: WireRepliedMessage.optional(),
  text: Text.optional(),
  caption: Text.optional(),
  ...media,
});
export type WireMessage = z.infer<typeof WireMessage>;

/** The update types the connector asks for; see client.ts for why only these. */
export const ALLOWED_UPDATES = ['message'] as const;

/** #update: exactly one optional field is set per update; the others are types this connector does not ask for. */
export const WireUpdate = z.object({
  update_id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  message: WireMessage.optional(),
});
export type WireUpdate = z.infer<typeof WireUpdate>;

/** Just the position, read apart from the rest so a malformed update can still be acknowledged. */
export const WireUpdateId = WireUpdate.pick({ update_id: true });

/** #responseparameters */
export const WireResponseParameters = z.object({
  migrate_to_chat_id: TelegramId.optional(),
  retry_after: z.number().int().nonnegative().optional(),
});

/** #making-requests: the envelope around every answer. */
export const WireEnvelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int(),
    description: z.string().max(10_000),
    parameters: WireResponseParameters.optional(),
  }),
]);
export type WireEnvelope = z.infer<typeof WireEnvelope>;

/** #getupdates */
export const WireGetUpdates = z.object({
  offset: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.number().int().min(1).max(100).default(100),
  timeout: z.number().int().min(0).max(3600).default(0),
  allowed_updates: z.array(z.string()).optional(),
});
export type WireGetUpdates = z.input<typeof WireGetUpdates>;

/** #replyparameters */
export const WireReplyParameters = z.object({
  message_id: z.number().int().positive(),
  allow_sending_without_reply: z.boolean().optional(),
});

/** #sendmessage — text is 1–4096 characters after entities parsing; no parse_mode, so what the agent typed is sent literally. */
export const WireSendMessage = z.object({
  chat_id: z.union([TelegramId, z.string().min(1).max(64)]),
  text: z.string(),
  reply_parameters: WireReplyParameters.optional(),
});
export type WireSendMessage = z.infer<typeof WireSendMessage>;

/** What sendMessage returns that the outbox keeps: the new message's id, chat and time. */
export const WireSentMessage = WireMessage.pick({ message_id: true, chat: true, date: true });
