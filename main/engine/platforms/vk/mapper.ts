import type { InboundItem } from '../../inbox/ingest';
import { quarantine, type Mapped } from '../quarantine';
import { commentId, dmThreadId, messageId, wallThreadId } from './ids';
import { MESSAGE_EVENTS, WireComment, WireEventType, WireMessageNew, WireMessageReply, type WireMessage, type WirePost } from './wire';

const MAX_TITLE = 1000;

/** The community whose events these are: its own messages and comments are outbound. */
export interface Community {
  groupId: number;
}

/**
 * Long poll events → domain items. Never throws: each event is parsed on its
 * own and one that does not parse is quarantined with its error. Events of
 * other types (group_join, wall_post_new…) and messages without text or media
 * (a service message such as "the chat was renamed") are skipped: the long
 * poll's ts acknowledges them all the same.
 */
export function mapEvents(raw: readonly unknown[], community: Community): Mapped {
  const out: Mapped = { items: [], quarantined: [] };
  for (const entry of raw) {
    const type = WireEventType.safeParse(entry);
    if (type.success && !(MESSAGE_EVENTS as readonly string[]).includes(type.data.type)) continue;
    const parsed = type.success && type.data.type === 'message_reply' ? parseReply(entry) : parseNew(entry);
    if (!parsed.success) {
      out.quarantined.push(quarantine(entry, parsed.error));
      continue;
    }
    const item = messageItem(parsed.data, parsed.reply, community);
    if (item) out.items.push(item);
  }
  return out;
}

function parseNew(entry: unknown) {
  const parsed = WireMessageNew.safeParse(entry);
  return parsed.success ? { success: true as const, data: parsed.data.object.message, reply: false } : parsed;
}

function parseReply(entry: unknown) {
  const parsed = WireMessageReply.safeParse(entry);
  return parsed.success ? { success: true as const, data: parsed.data.object, reply: true } : parsed;
}

function messageItem(message: WireMessage, reply: boolean, { groupId }: Community): InboundItem | null {
  const body = bodyOf(message);
  if (body === null) return null;
  const outbound = reply || message.out === 1 || message.from_id === -groupId;
  return {
    platformId: messageId(message.peer_id, message.conversation_message_id),
    thread: { platformId: dmThreadId(message.peer_id), kind: 'dm', title: '', rating: null },
    author: outbound ? communityAuthor(groupId) : person(message.from_id),
    // VK says nothing about the writer's language that beats the text itself: ingest detects it.
    lang: null,
    body,
    createdAt: message.date * 1000,
    direction: outbound ? 'out' : 'in',
    visibility: 'private',
  };
}

/** Which comments a wall scan delivers: those since the watermark (unix seconds). */
export interface ScanWindow {
  since: number;
  /** The first scan quarantines what has no readable date; later ones would only repeat it. */
  firstScan: boolean;
}

/**
 * Items of the watermark's own second are delivered again (ingest ignores
 * repeats), so one posted in that second after the last scan is not lost. A
 * malformed one is quarantined only when strictly newer, so a re-read does not
 * quarantine it again.
 */
export function inWindow(date: number | null, window: ScanWindow, forQuarantine: boolean): boolean {
  if (date === null) return window.firstScan;
  return forQuarantine && !window.firstScan ? date > window.since : date >= window.since;
}

export interface MappedComments extends Mapped {
  /** The newest readable date among everything read, parsed or not: the next watermark. */
  latest: number | null;
}

/**
 * Comments of one post, as wall.getComments lists them (top-level comments,
 * each with the first replies of its thread). Each top-level comment is a
 * thread; a reply joins the thread of the top-level comment it sits under.
 */
export function mapComments(raw: readonly unknown[], post: WirePost, community: Community, window: ScanWindow): MappedComments {
  const out: MappedComments = { items: [], quarantined: [], latest: null };
  const visit = (entry: unknown, top: number | null) => {
    const date = rawDate(entry);
    if (date !== null) out.latest = Math.max(out.latest ?? date, date);
    const parsed = WireComment.safeParse(entry);
    if (!parsed.success) {
      if (inWindow(date, window, true)) out.quarantined.push(quarantine(entry, parsed.error));
      return;
    }
    const comment = parsed.data;
    const threadTop = top ?? comment.parents_stack?.[0] ?? comment.id;
    const item = commentItem(comment, post, threadTop, community);
    if (item && inWindow(comment.date, window, false)) out.items.push(item);
    for (const reply of comment.thread?.items ?? []) visit(reply, threadTop);
  };
  for (const entry of raw) visit(entry, null);
  return out;
}

function commentItem(comment: WireComment, post: WirePost, top: number, { groupId }: Community): InboundItem | null {
  const body = comment.deleted ? null : bodyOf(comment);
  if (body === null) return null;
  const outbound = comment.from_id === -groupId;
  return {
    platformId: commentId(post.owner_id, comment.id),
    thread: { platformId: wallThreadId(post.owner_id, post.id, top), kind: 'comment', title: post.text.slice(0, MAX_TITLE), rating: null },
    author: outbound ? communityAuthor(groupId) : person(comment.from_id),
    lang: null,
    body,
    createdAt: comment.date * 1000,
    direction: outbound ? 'out' : 'in',
    visibility: 'public',
  };
}

/** The date of a raw item that may not parse as a whole, when its own date field reads. */
export function rawDate(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const { date } = value as { date?: unknown };
  return typeof date === 'number' && Number.isSafeInteger(date) ? date : null;
}

/** Text, else which media came ("[photo]"); null when there is neither. */
function bodyOf(entry: { text: string; attachments?: { type: string }[] | undefined }): string | null {
  if (entry.text.length > 0) return entry.text;
  const kind = entry.attachments?.[0]?.type;
  return kind === undefined ? null : `[${kind}]`;
}

/**
 * Events carry ids, not names (names need users.get, one more call per poll);
 * the profile address `id<n>` is what VK itself shows for an unknown person.
 * A negative from_id is another community writing.
 */
function person(fromId: number): InboundItem['author'] {
  const handle = fromId < 0 ? `club${-fromId}` : `id${fromId}`;
  return { platformId: String(fromId), name: '', handle };
}

function communityAuthor(groupId: number): InboundItem['author'] {
  return { platformId: String(-groupId), name: '', handle: `club${groupId}` };
}
