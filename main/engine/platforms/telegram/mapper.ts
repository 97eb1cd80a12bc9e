import type { InboundItem } from '../../inbox/ingest';
import { quarantine } from '../quarantine';
import type { QuarantinedPayload } from '../types';
import { messageId, threadId } from './ids';
import { MEDIA_KINDS, WireUpdate, WireUpdateId, type WireChat, type WireMessage, type WireUser } from './wire';

export interface MappedUpdates {
  items: InboundItem[];
  quarantined: QuarantinedPayload[];
  /**
   * The getUpdates offset that acknowledges everything read here: the highest
   * update_id + 1, counting updates that were quarantined or skipped, so a bad
   * update is never delivered again. Null when no update carried a usable id.
   */
  nextOffset: number | null;
}

/**
 * getUpdates' result → domain items. Never throws: each update is parsed on
 * its own, one that does not parse is quarantined with its error, and updates
 * that carry no customer message (another update type, a service message such
 * as "X joined the group", a channel's own post) are acknowledged and skipped.
 */
export function mapUpdates(raw: readonly unknown[]): MappedUpdates {
  const items: InboundItem[] = [];
  const quarantined: QuarantinedPayload[] = [];
  let nextOffset: number | null = null;
  for (const entry of raw) {
    const position = WireUpdateId.safeParse(entry);
    if (position.success) nextOffset = Math.max(nextOffset ?? 0, position.data.update_id + 1);
    const parsed = WireUpdate.safeParse(entry);
    if (!parsed.success) {
      quarantined.push(quarantine(entry, parsed.error, '(update)'));
      continue;
    }
    const item = parsed.data.message && toDomain(parsed.data.message);
    if (item) items.push(item);
  }
  return { items, quarantined, nextOffset };
}

function toDomain(message: WireMessage): InboundItem | null {
  const { chat } = message;
  if (chat.type === 'channel') return null;
  const body = bodyOf(message);
  if (body === null) return null;
  const group = chat.type !== 'private';
  return {
    platformId: messageId(chat.id, message.message_id),
    thread: {
      platformId: threadId({ chatId: chat.id, replyTo: group ? (message.reply_to_message?.message_id ?? message.message_id) : null }),
      kind: group ? 'comment' : 'dm',
      title: group ? (chat.title ?? '') : '',
      rating: null,
    },
    author: authorOf(message),
    // from.language_code is the app's language, often English for a Russian or Polish writer: the text decides (ingest detects it).
    lang: null,
    body,
    createdAt: message.date * 1000,
    direction: 'in',
    visibility: group ? 'public' : 'private',
  };
}

/** Text, else the caption, else which media came ("[photo]"); null for a service message, which carries none of these. */
function bodyOf(message: WireMessage): string | null {
  if (message.text !== undefined) return message.text;
  if (message.caption !== undefined) return message.caption;
  const kind = MEDIA_KINDS.find((k) => message[k] !== undefined);
  return kind === undefined ? null : `[${kind}]`;
}

function authorOf(message: WireMessage): InboundItem['author'] {
  if (message.from) return personOf(message.from);
  // A channel or an anonymous admin writing in a group; failing both, the chat itself speaks.
  return chatAsAuthor(message.sender_chat ?? message.chat);
}

function personOf(user: WireUser): InboundItem['author'] {
  return {
    platformId: String(user.id),
    name: [user.first_name, user.last_name].filter((part) => part !== undefined && part.length > 0).join(' '),
    handle: user.username ? `@${user.username}` : '',
  };
}

function chatAsAuthor(chat: WireChat): InboundItem['author'] {
  const name = chat.title ?? [chat.first_name, chat.last_name].filter((part) => part !== undefined && part.length > 0).join(' ');
  return { platformId: String(chat.id), name, handle: chat.username ? `@${chat.username}` : '' };
}
