import type { ZodError } from 'zod';
import type { InboundItem } from '../../inbox/ingest';
import { quarantine, type Mapped } from '../quarantine';
import { threadId } from './threads';
import { WireComment, WireIgComment, WireMessage, parseGraphTime, type WireParty } from './wire';

const MAX_TITLE = 1000;

/** Whose messages are the brand's own: the Page and, when attached, its Instagram account. */
export interface Owner {
  ids: ReadonlySet<string>;
}

/**
 * Each raw item is parsed on its own: a malformed one is quarantined with its
 * error and the rest go through. Nothing in here throws on bad input.
 */
function mapEach<T>(raw: readonly unknown[], parse: (value: unknown) => { success: true; data: T } | { success: false; error: ZodError }, toDomain: (value: T, out: Mapped) => void): Mapped {
  const out: Mapped = { items: [], quarantined: [] };
  for (const entry of raw) {
    const parsed = parse(entry);
    if (parsed.success) toDomain(parsed.data, out);
    else out.quarantined.push(quarantine(entry, parsed.error));
  }
  return out;
}

/** Messages of one Messenger or Instagram conversation. */
export function mapMessages(raw: readonly unknown[], surface: 'messenger' | 'instagram', conversationId: string, owner: Owner): Mapped {
  return mapEach(raw, (value) => WireMessage.safeParse(value), (message, out) => {
    const outbound = owner.ids.has(message.from.id);
    out.items.push({
      platformId: message.id,
      thread: { platformId: threadId(surface, conversationId), kind: 'dm', title: '', rating: null },
      author: party(message.from),
      lang: null,
      body: message.message ?? '',
      createdAt: message.created_time,
      direction: outbound ? 'out' : 'in',
      visibility: 'private',
    });
  });
}

/** Comments of one Page post (filter=stream: replies come flat, with `parent`). Each top-level comment is a thread. */
export function mapPageComments(raw: readonly unknown[], postText: string, owner: Owner): Mapped {
  return mapEach(raw, (value) => WireComment.safeParse(value), (comment, out) => {
    const author = comment.from ?? { id: `anonymous:${comment.id}` };
    out.items.push({
      platformId: comment.id,
      thread: { platformId: threadId('page_comment', comment.parent?.id ?? comment.id), kind: 'comment', title: postText.slice(0, MAX_TITLE), rating: null },
      author: party(author),
      lang: null,
      body: comment.message,
      createdAt: comment.created_time,
      direction: owner.ids.has(author.id) ? 'out' : 'in',
      visibility: 'public',
      // Hidden by the Page, here or in Meta's own apps: its author and their friends still see it.
      hidden: comment.is_hidden,
    });
  });
}

/** Comments of one Instagram media, with their `replies` edge: a reply joins its top-level comment's thread. */
export function mapIgComments(raw: readonly unknown[], caption: string, owner: Owner): Mapped {
  const title = caption.slice(0, MAX_TITLE);
  return mapEach(raw, (value) => WireIgComment.safeParse(value), (comment, out) => {
    const push = (entry: WireIgComment, topId: string) => {
      const author = entry.from ?? { id: `anonymous:${entry.id}`, username: entry.username ?? '' };
      out.items.push({
        platformId: entry.id,
        thread: { platformId: threadId('ig_comment', topId), kind: 'comment', title, rating: null },
        author: { platformId: author.id, name: author.username, handle: author.username ? `@${author.username}` : '' },
        lang: null,
        body: entry.text,
        createdAt: entry.timestamp,
        direction: owner.ids.has(author.id) ? 'out' : 'in',
        visibility: 'public',
        hidden: entry.hidden,
      });
    };
    push(comment, comment.id);
    const replies = mapEach(comment.replies?.data ?? [], (value) => WireIgComment.safeParse(value), (reply) => push(reply, comment.id));
    out.quarantined.push(...replies.quarantined);
  });
}

/**
 * The time of a raw item that may not parse as a whole, when its own time
 * field reads: lets a re-read skip a malformed item already quarantined by an
 * earlier scan instead of quarantining it again.
 */
export function rawTime(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const { created_time: created, timestamp } = value as { created_time?: unknown; timestamp?: unknown };
  const text = typeof created === 'string' ? created : typeof timestamp === 'string' ? timestamp : null;
  return text === null ? null : parseGraphTime(text);
}

function party(from: WireParty): InboundItem['author'] {
  const name = from.name ?? from.username ?? '';
  return { platformId: from.id, name, handle: from.username ? `@${from.username}` : '' };
}
