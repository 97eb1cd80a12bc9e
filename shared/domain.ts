import { z } from 'zod';

/**
 * Domain types shared by the engine and the renderer. The engine is the source
 * of truth; the renderer only ever sees these shapes through the contract.
 */

export const Id = z.string().min(1).max(64);
export const Timestamp = z.number().int().nonnegative(); // ms since the Unix epoch

export const Platform = z.enum(['sandbox', 'facebook', 'instagram', 'x', 'telegram', 'vk', 'reviews']);
export type Platform = z.infer<typeof Platform>;

export const ConversationKind = z.enum(['dm', 'comment', 'mention', 'review']);
export type ConversationKind = z.infer<typeof ConversationKind>;

export const ConversationStatus = z.enum(['open', 'pending', 'snoozed', 'closed']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Direction = z.enum(['in', 'out']);
export const Visibility = z.enum(['public', 'private']);
export type Visibility = z.infer<typeof Visibility>;

/** Life of an outbound message: queued → sending → sent, or failed / cancelled. */
export const OutboundState = z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled']);
export type OutboundState = z.infer<typeof OutboundState>;

export const Language = z.enum(['en', 'ru', 'pl']);
export type Language = z.infer<typeof Language>;

export const View = z.enum(['needs_reply', 'pending', 'snoozed', 'closed', 'all']);
export type View = z.infer<typeof View>;

export const AccountSummary = z.object({
  id: Id,
  platform: Platform,
  name: z.string(),
  handle: z.string(),
  status: z.enum(['active', 'paused', 'error']),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const ConversationSummary = z.object({
  id: Id,
  accountId: Id,
  platform: Platform,
  kind: ConversationKind,
  status: ConversationStatus,
  contactName: z.string(),
  contactHandle: z.string(),
  title: z.string(),
  preview: z.string(),
  lastMessageAt: Timestamp,
  rating: z.number().int().min(1).max(5).nullable(),
  lang: Language.nullable(),
  hasDraft: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  direction: Direction,
  visibility: Visibility,
  authorName: z.string(),
  body: z.string(),
  createdAt: Timestamp,
  state: OutboundState.nullable(),
  error: z.string().nullable(),
  /** For outbound messages, the id the client chose when sending: lets the screen match its optimistic copy. */
  clientId: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

export const Conversation = ConversationSummary.extend({
  messages: z.array(Message),
});
export type Conversation = z.infer<typeof Conversation>;

/** What the renderer shows in the connectivity indicator. */
export const Connectivity = z.enum(['online', 'offline', 'syncing']);
export type Connectivity = z.infer<typeof Connectivity>;

export const SyncProgress = z.object({
  accountId: Id,
  fetched: z.number().int().nonnegative(),
  /** Estimated total for the backfill, when the platform tells it. */
  total: z.number().int().nonnegative().nullable(),
  done: z.boolean(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const SearchHit = z.object({
  messageId: Id,
  conversationId: Id,
  contactName: z.string(),
  /** The matching excerpt; matched terms are wrapped in U+E000 … U+E001 so the renderer can highlight them as text. */
  snippet: z.string(),
  createdAt: Timestamp,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/** The longest reply body the engine accepts; platforms have lower limits of their own. */
export const MAX_REPLY_LENGTH = 10_000;
