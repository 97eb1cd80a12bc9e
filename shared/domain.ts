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

/**
 * The inbox views. needs_reply = open; mine = assigned to me and not closed;
 * the others are one status each; all = everything.
 */
export const View = z.enum(['needs_reply', 'mine', 'pending', 'snoozed', 'closed', 'all']);
export type View = z.infer<typeof View>;
export const VIEWS = View.options;

/** How a view is ordered. `priority` is negative first, then the SLA clock, then age (see shared/triage/priority.ts). */
export const InboxSort = z.enum(['priority', 'sla', 'newest', 'oldest']);
export type InboxSort = z.infer<typeof InboxSort>;

export const SentimentClass = z.enum(['negative', 'neutral', 'positive']);
export type SentimentClass = z.infer<typeof SentimentClass>;

/** Narrows any view; every field is optional and they combine with AND. */
export const InboxFilter = z
  .object({
    accountId: Id.optional(),
    platform: Platform.optional(),
    kind: ConversationKind.optional(),
    tagId: Id.optional(),
    lang: Language.optional(),
    sentiment: SentimentClass.optional(),
  })
  .strict();
export type InboxFilter = z.infer<typeof InboxFilter>;

/** Conversations per view under a filter, and how many of them are past their SLA. */
export const ViewCounts = z.object({
  total: z.record(View, z.number().int().nonnegative()),
  overdue: z.record(View, z.number().int().nonnegative()),
});
export type ViewCounts = z.infer<typeof ViewCounts>;

export const TagColor = z.string().regex(/^#[0-9a-f]{6}$/u, 'a colour is #rrggbb');
export const Tag = z.object({
  id: Id,
  name: z.string().trim().min(1).max(40),
  color: TagColor,
});
export type Tag = z.infer<typeof Tag>;

/** Someone a conversation can be assigned to. Locally there is "me" and named colleagues until the team hub. */
export const Agent = z.object({ id: Id, name: z.string().trim().min(1).max(60), isMe: z.boolean() });
export type Agent = z.infer<typeof Agent>;
export const ME = 'me';

/** What an agent does to conversations; one or many at once, always undoable. */
export const ConversationAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('close') }).strict(),
  z.object({ type: z.literal('reopen') }).strict(),
  z.object({ type: z.literal('snooze'), until: Timestamp }).strict(),
  z.object({ type: z.literal('tag'), tagId: Id, on: z.boolean() }).strict(),
  z.object({ type: z.literal('assign'), agentId: Id.nullable() }).strict(),
]);
export type ConversationAction = z.infer<typeof ConversationAction>;

/**
 * active: syncing and sending; paused: the agent stopped it (queued replies wait);
 * needs_reconnect: the platform no longer accepts its token (queued replies wait for a new one).
 */
export const AccountStatus = z.enum(['active', 'paused', 'needs_reconnect']);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const AccountSummary = z.object({
  id: Id,
  platform: Platform,
  name: z.string(),
  handle: z.string(),
  status: AccountStatus,
});
export type AccountSummary = z.infer<typeof AccountSummary>;

/** What the accounts screen shows of one account. Never a token. */
export const AccountDetails = AccountSummary.extend({
  /** The last good read of any of its streams. */
  lastSyncAt: Timestamp.nullable(),
  /** Its streams' latest problem, in the platform's or the engine's words (e.g. "Messages may be lost: …"). */
  lastError: z.string().nullable(),
  /** Held on this computer; removing the account deletes them. */
  conversations: z.number().int().nonnegative(),
  /** Replies waiting to go out (or waiting for the agent after a failure); removing the account discards them. */
  queued: z.number().int().nonnegative(),
});
export type AccountDetails = z.infer<typeof AccountDetails>;

/** A bot or API token as pasted by the agent; only ever passed on to the SecretStore and the platform. */
export const AccountToken = z
  .string()
  .trim()
  .min(1, 'the token is empty')
  .max(4_096, 'the token is longer than any platform issues');

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
  sentiment: SentimentClass,
  /** −1 (angry) … 1 (delighted); null before any inbound message was scored. */
  sentimentScore: z.number().min(-1).max(1).nullable(),
  /** When the first-response target runs out (business hours applied); null when nothing waits on us. */
  slaDueAt: Timestamp.nullable(),
  snoozedUntil: Timestamp.nullable(),
  assigneeId: Id.nullable(),
  tagIds: z.array(Id),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

/**
 * The error of a reply that may or may not have been published: the connection failed after it
 * left, and the platform offers no way to check. It is never resent on its own; the screen asks
 * the agent to look on the platform first.
 */
export const UNCONFIRMED_SEND = 'unconfirmed';

export const Message = z.object({
  id: Id,
  conversationId: Id,
  direction: Direction,
  visibility: Visibility,
  authorName: z.string(),
  body: z.string(),
  createdAt: Timestamp,
  state: OutboundState.nullable(),
  /** Why an outbound message failed: the platform's own words, or UNCONFIRMED_SEND. */
  error: z.string().nullable(),
  /** For outbound messages, the id the client chose when sending: lets the screen match its optimistic copy. */
  clientId: z.string().nullable(),
  /**
   * For a reply still in its undo window: when the outbox will first try to publish it, so the screen
   * can count down. Null once the outbox has tried (it can no longer be undone) and for inbound messages.
   */
  sendAt: Timestamp.nullable(),
  /**
   * For an inbound comment: hidden from the public on the platform (its author and friends still see
   * it). The agent's latest wish, shown at once; `hideState` says whether the platform has it yet.
   */
  hidden: z.boolean(),
  /** The latest hide or unhide while the outbox carries it (`pending`) or after the platform refused it (`failed`); null once applied. */
  hideState: z.enum(['pending', 'failed']).nullable(),
  /** Why the latest hide or unhide failed, in the platform's words. */
  hideError: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

/**
 * Where a platform lets a Page or profile hide a customer's message from the public: comments on
 * Facebook and Instagram (`is_hidden`), replies to the account's own posts on X (hide replies), the
 * sandbox's comments. Telegram, VK and review sites offer no such thing (deleting is not hiding).
 */
const HIDEABLE: Readonly<Record<Platform, readonly ConversationKind[]>> = {
  sandbox: ['comment'],
  facebook: ['comment'],
  instagram: ['comment'],
  x: ['mention'],
  telegram: [],
  vk: [],
  reviews: [],
};

export function canHide(platform: Platform, kind: ConversationKind): boolean {
  return HIDEABLE[platform].includes(kind);
}

/** One term of the priority score, for "why is this first?" (factor names are i18n keys under `priority.`). */
export const PriorityPart = z.object({
  factor: z.enum(['sentiment.negative', 'sentiment.neutral', 'sentiment.positive', 'sentiment.score', 'sla.overdue', 'sla.due_soon', 'sla.time_left', 'age']),
  points: z.number(),
});

/** A piece of text that moved the sentiment score, with its span in that message's body. */
export const SentimentEvidence = z.object({
  messageId: Id,
  kind: z.enum(['word', 'phrase', 'negation', 'intensifier', 'emoji', 'shouting', 'care_phrase']),
  text: z.string(),
  weight: z.number(),
});

export const Conversation = ConversationSummary.extend({
  messages: z.array(Message),
  /** The score and its parts at the moment of the call; the parts add up to the score. */
  priority: z.object({ score: z.number(), parts: z.array(PriorityPart) }),
  sentimentEvidence: z.array(SentimentEvidence),
});
export type Conversation = z.infer<typeof Conversation>;

/** What the renderer shows in the connectivity indicator. */
export const Connectivity = z.enum(['online', 'offline', 'syncing']);
export type Connectivity = z.infer<typeof Connectivity>;

/** One account stream's sync, for the diagnostics view. */
export const StreamHealth = z.object({
  accountId: Id,
  accountName: z.string(),
  platform: Platform,
  stream: z.string(),
  /** Whether it has a position on the platform yet (false: the first backfill has not finished a page). */
  positioned: z.boolean(),
  failures: z.number().int().nonnegative(),
  /** The next read waits until then (a back-off the platform asked for, or ours after failures). */
  backoffUntil: Timestamp.nullable(),
  lastSuccessAt: Timestamp.nullable(),
  lastError: z.string().nullable(),
});
export type StreamHealth = z.infer<typeof StreamHealth>;

/** A platform payload that did not parse, kept with its error; the payload is cut to a preview. */
export const QuarantinedItem = z.object({
  id: z.number().int(),
  accountName: z.string(),
  platform: Platform,
  stream: z.string(),
  error: z.string(),
  payload: z.string(),
  /** The stored payload's length: more than the preview when it was cut. */
  payloadLength: z.number().int().nonnegative(),
  receivedAt: Timestamp,
});
export type QuarantinedItem = z.infer<typeof QuarantinedItem>;

/** How much of a quarantined payload the diagnostics view shows. */
export const QUARANTINE_PREVIEW_CHARS = 2_000;

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
  contactHandle: z.string(),
  platform: Platform,
  kind: ConversationKind,
  status: ConversationStatus,
  /** The matching excerpt; matched terms are wrapped in U+E000 … U+E001 so the renderer can highlight them as text. */
  snippet: z.string(),
  createdAt: Timestamp,
});
/** A filter in the query the engine could not use (e.g. `before:someday`); it is left out and the rest still runs. */
export const SearchIgnored = z.object({ token: z.string(), reason: z.enum(['unknown_filter', 'bad_value']) });
export type SearchIgnored = z.infer<typeof SearchIgnored>;
export type SearchHit = z.infer<typeof SearchHit>;

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

/** The longest reply body the engine accepts; platforms have lower limits of their own. */
export const MAX_REPLY_LENGTH = 10_000;

/** How long a sent reply can still be undone before the outbox publishes it (DESIGN.md, "Offline and exactly-once"). */
export const UndoWindowMs = z.number().int().min(0).max(60_000);
export const DEFAULT_UNDO_WINDOW_MS = 5_000;

/** The repeated-canned check warns when a canned reply went unchanged to more customers than this in 24 hours. */
export const CannedRepeatLimit = z.number().int().min(0).max(10_000);
export const DEFAULT_CANNED_REPEAT_LIMIT = 5;

/**
 * A reply from the canned library. Tags may not hold ";" because the CSV
 * format joins them with it; a shortcut is one word, typed after ";" in the
 * composer, and kept in lower case so that uniqueness ignores case in every
 * alphabet (SQLite's NOCASE folds only ASCII).
 */
/** The tag that marks the "let's continue privately" line the composer offers in the public thread after a private reply. */
export const HANDOFF_TAG = 'handoff';
export const CannedTag = z.string().trim().min(1).max(40).regex(/^[^;]+$/u, 'a tag may not contain ";"');
export const CannedShortcut = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}_.-]{1,32}$/u, 'a shortcut is 1–32 letters, digits, "-", "_" or "."');
export const CannedReplyFields = z.object({
  title: z.string().trim().min(1, 'the title is empty').max(120),
  body: z
    .string()
    .max(MAX_REPLY_LENGTH)
    .refine((s) => s.trim().length > 0, 'the body is empty'),
  lang: Language.nullable(),
  tags: z.array(CannedTag).max(20),
  shortcut: CannedShortcut.nullable(),
});
export type CannedReplyFields = z.infer<typeof CannedReplyFields>;
export const CannedReply = CannedReplyFields.extend({ id: Id, createdAt: Timestamp, updatedAt: Timestamp });
export type CannedReply = z.infer<typeof CannedReply>;
/** A fill-in field (`{{? order number }}`) in rendered text: UTF-16 offsets of the whole `{{…}}`, and its label. */
export const FillInField = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), label: z.string() });
export type FillInField = z.infer<typeof FillInField>;

/** Where a reply goes when the agent does not say: comments, mentions and reviews are answered in public, DMs in private. */
export function defaultVisibility(kind: ConversationKind): Visibility {
  return kind === 'dm' ? 'private' : 'public';
}

/**
 * One finding of the pre-publish checks (DESIGN.md, "Checks before publishing";
 * main/engine/checks). `block` needs the text changed; `warn` is overridden by
 * naming its `rule` in `reply.send`'s `overrides`. Offsets are UTF-16 into the
 * text as given; `messageKey` and `params` are the message in the UI language.
 */
export const Finding = z.object({
  kind: z.enum(['spelling', 'placeholder', 'personal_data', 'tone', 'sensitive_topic', 'profanity', 'repeated_canned', 'length', 'shouting']),
  rule: z.string(),
  severity: z.enum(['block', 'warn']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  suggestions: z.array(z.string()),
  fix: z.enum(['reply_privately', 'replace']).nullable(),
});
export type Finding = z.infer<typeof Finding>;

/** The language a reply is checked in: detected from the text, or the agent's choice. */
export const CheckLanguage = z.enum(['auto', ...Language.options]);
export type CheckLanguage = z.infer<typeof CheckLanguage>;

/** A brand or product name for spelling: one word as Hunspell sees it (letters, then letters, digits, apostrophes or hyphens). */
export const CustomWord = z
  .string()
  .trim()
  .regex(/^\p{L}[\p{L}\p{M}\p{N}'’-]{0,63}$/u, 'one word of up to 64 letters, digits, apostrophes or hyphens');
