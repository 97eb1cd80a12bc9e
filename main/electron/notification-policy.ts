import type { ConversationSummary } from '../../shared/domain';
import type { DesktopSettings } from '../../shared/desktop-settings';

/** The part of a "Needs reply" item the policy looks at. */
export type QueueItem = Pick<ConversationSummary, 'id' | 'accountId' | 'platform' | 'contactName' | 'lastMessageAt' | 'slaDueAt'>;

export type Notice =
  | { kind: 'new'; conversationId: string; contactName: string; platform: QueueItem['platform'] }
  | { kind: 'many'; count: number; conversationId: string }
  | { kind: 'sla'; conversationId: string; contactName: string; minutesLeft: number };

/** What the notifier remembers between two looks at the queue. */
export interface QueueMemory {
  /** Conversation id → the last customer message already told about (or present at start). */
  readonly seen: ReadonlyMap<string, number>;
  /** Conversations warned about for this SLA due time: id → slaDueAt. */
  readonly warned: ReadonlyMap<string, number>;
}


/** More new items than this at once make one summary notification rather than a burst. */
export const MAX_SEPARATE_NOTICES = 3;

/**
 * Which native notifications to show after looking at "Needs reply" again.
 * The first look only remembers (the queue that was there at start-up is not
 * news). Do-not-disturb and turned-off notifications still move the memory on,
 * so turning them back on does not replay what was missed; a muted account's
 * items never notify.
 */
export function planNotices(
  previous: QueueMemory | null,
  queue: readonly QueueItem[],
  settings: DesktopSettings['notifications'],
  now: number,
): { notices: Notice[]; memory: QueueMemory } {
  const seen = new Map(queue.map((item) => [item.id, item.lastMessageAt]));
  const warnWithinMs = settings.slaWarningMinutes * 60_000;
  const dueSoon = queue.filter((item) => item.slaDueAt !== null && item.slaDueAt > now && item.slaDueAt - now <= warnWithinMs);
  const warned = new Map<string, number>(dueSoon.map((item) => [item.id, item.slaDueAt!]));
  const memory = { seen, warned };
  if (previous === null || !settings.enabled || settings.doNotDisturb) return { notices: [], memory };

  const muted = new Set(settings.mutedAccounts);
  const audible = (item: QueueItem) => !muted.has(item.accountId);
  const fresh = queue.filter((item) => audible(item) && (previous.seen.get(item.id) ?? -Infinity) < item.lastMessageAt);
  const notices: Notice[] =
    fresh.length > MAX_SEPARATE_NOTICES
      ? [{ kind: 'many', count: fresh.length, conversationId: fresh[0]!.id }]
      : fresh.map((item) => ({ kind: 'new', conversationId: item.id, contactName: item.contactName, platform: item.platform }));
  for (const item of dueSoon) {
    if (!audible(item) || previous.warned.get(item.id) === item.slaDueAt) continue;
    notices.push({ kind: 'sla', conversationId: item.id, contactName: item.contactName, minutesLeft: Math.max(1, Math.round((item.slaDueAt! - now) / 60_000)) });
  }
  return { notices, memory };
}
