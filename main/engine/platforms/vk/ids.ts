import { createHash } from 'node:crypto';

/**
 * How VK's numbers become the console's platform ids, and how an outbox row's
 * idempotency key becomes VK's dedupe keys.
 *
 * A community's conversation is its peer: `dm:<peer_id>`. A message is
 * `msg:<peer_id>_<conversation_message_id>`: the conversation message id is the
 * one number that both the long poll and messages.send (called with peer_ids)
 * give for every message, chats included, where a community sees `id: 0`.
 *
 * On the wall each top-level comment starts a thread, `wall:<owner>_<post>_<comment>`,
 * and its replies join it (a reply's parents_stack starts with the top-level
 * comment). A comment is `wc:<owner>_<comment>` (comment ids are unique per wall).
 */

export type ThreadAddress = { kind: 'dm'; peerId: number } | { kind: 'wall'; ownerId: number; postId: number; commentId: number };

const DM = /^dm:(-?\d{1,16})$/;
const WALL = /^wall:(-?\d{1,16})_(\d{1,16})_(\d{1,16})$/;

export function dmThreadId(peerId: number): string {
  return `dm:${peerId}`;
}

export function messageId(peerId: number, conversationMessageId: number): string {
  return `msg:${peerId}_${conversationMessageId}`;
}

export function wallThreadId(ownerId: number, postId: number, commentId: number): string {
  return `wall:${ownerId}_${postId}_${commentId}`;
}

export function commentId(ownerId: number, id: number): string {
  return `wc:${ownerId}_${id}`;
}

/** The address in a thread id, or null when the id was not made here (a corrupt row, another platform's id). */
export function parseThreadId(id: string): ThreadAddress | null {
  const dm = DM.exec(id);
  if (dm) {
    const peerId = Number(dm[1]);
    return Number.isSafeInteger(peerId) && peerId !== 0 ? { kind: 'dm', peerId } : null;
  }
  const wall = WALL.exec(id);
  if (!wall) return null;
  const [ownerId, postId, comment] = [Number(wall[1]), Number(wall[2]), Number(wall[3])];
  if (![ownerId, postId, comment].every(Number.isSafeInteger) || ownerId === 0 || postId === 0 || comment === 0) return null;
  return { kind: 'wall', ownerId, postId, commentId: comment };
}

/**
 * messages.send's random_id for a reply, derived from the outbox row id, which
 * is fixed when the reply enters the outbox and reused by every retry — so
 * every retry sends the same random_id, even after a restart, with nothing more
 * stored. VK checks a random_id against the sender's whole message history
 * ("используется для проверки уникальности за всю историю сообщений, поэтому
 * используйте большой диапазон (до int64)", vk.com/dev/messages.send), so a
 * collision between two different replies would silently drop the later one:
 * 32 bits would be expected to collide within a busy community's lifetime (the
 * birthday bound is about 77,000 replies). 53 bits, the most a JavaScript number
 * holds exactly, keep it below 1 in 10,000 over a million replies. Never 0: VK
 * treats a zero random_id as "no dedupe".
 */
export function randomIdFor(idempotencyKey: string): number {
  const value = Number(digest('random_id', idempotencyKey).readBigUInt64BE(0) >> 11n);
  return value === 0 ? 1 : value;
}

/** wall.createComment's guid for a reply: the same idea as randomIdFor, as 32 hex characters. */
export function guidFor(idempotencyKey: string): string {
  return digest('guid', idempotencyKey).subarray(0, 16).toString('hex');
}

/** Namespaced, so a random_id and a guid of one key are unrelated numbers. */
function digest(purpose: string, key: string): Buffer {
  return createHash('sha256').update(`switchboard:vk:${purpose}:${key}`).digest();
}
