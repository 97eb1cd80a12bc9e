import type { WireModeration } from '../wire';

/**
 * Which customer comments the brand hid, as the platform keeps it: one state per item, the
 * number of requests that reached it (a client that resends after an unknown outcome shows up
 * here, harmlessly), and when the state last changed. The chaos run checks the agent's last wish
 * for every comment against this record.
 */
export class ModerationLedger {
  private readonly byItem = new Map<string, WireModeration>();

  set(itemId: string, hidden: boolean, now: number): WireModeration {
    const existing = this.byItem.get(itemId);
    const changed = existing === undefined || existing.hidden !== hidden;
    const record: WireModeration = {
      id: itemId,
      hidden,
      requests: (existing?.requests ?? 0) + 1,
      changed_at: changed ? new Date(now).toISOString() : existing.changed_at,
    };
    this.byItem.set(itemId, record);
    return { ...record };
  }

  /** Whether the item is hidden now; one never hidden or shown through the API is shown. */
  hidden(itemId: string): boolean {
    return this.byItem.get(itemId)?.hidden ?? false;
  }

  /** Copies, in the order first touched. */
  items(): WireModeration[] {
    return [...this.byItem.values()].map((record) => ({ ...record }));
  }
}
