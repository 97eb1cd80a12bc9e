/**
 * How Telegram's numbers become the console's platform ids.
 *
 * Message ids are unique only within a chat (#message), so a message is
 * `<chat id>/<message id>`.
 *
 * A private chat is one conversation, `<chat id>`: the reply is simply sent to
 * the chat. In a group a bot (in its default privacy mode) sees only the
 * messages that mention it, reply to it or are commands, so each of those
 * starts a conversation of its own, `<chat id>/<anchor>`: the anchor is the
 * message the customer answered, or their own message when it answers nothing.
 * Our reply quotes the anchor (reply_parameters), so the group sees what it
 * answers. Telegram tells a bot nothing about the bot's own messages, so a
 * customer answering our reply starts a new conversation anchored on it.
 */

export interface ThreadAddress {
  chatId: number;
  /** The message our reply quotes; null in a private chat. */
  replyTo: number | null;
}

const THREAD = /^(-?\d{1,16})(?:\/(\d{1,16}))?$/;

export function messageId(chatId: number, messageId: number): string {
  return `${chatId}/${messageId}`;
}

export function threadId({ chatId, replyTo }: ThreadAddress): string {
  return replyTo === null ? String(chatId) : `${chatId}/${replyTo}`;
}

/** The address in a thread id, or null when the id was not made by threadId (a corrupt row, another platform's id). */
export function parseThreadId(id: string): ThreadAddress | null {
  const match = THREAD.exec(id);
  if (!match) return null;
  const chatId = Number(match[1]);
  const replyTo = match[2] === undefined ? null : Number(match[2]);
  if (!Number.isSafeInteger(chatId) || (replyTo !== null && !(Number.isSafeInteger(replyTo) && replyTo > 0))) return null;
  return { chatId, replyTo };
}
