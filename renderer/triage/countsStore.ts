import { createStore, type StoreApi } from 'zustand/vanilla';
import { VIEWS, type InboxFilter, type View, type ViewCounts } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import { appliesTo, type Patch } from './patches';
import { inView, isOverdue, matchesFilter } from './query';
import { nextTick } from './readTicks';

export interface CountsState {
  /** The engine's last answer; null until it has answered. */
  counts: ViewCounts | null;
  readAt: number;
}

export interface CountsStore {
  state: StoreApi<CountsState>;
  read(filter: InboxFilter): void;
}

/**
 * inbox.counts, newest answer wins; a failed read keeps the last counts (the
 * next change or reconnect reads again). Counting a large workspace is the
 * dearest read there is, so a burst of changes costs one read in flight and
 * one more after it, never one per change; a new filter does not wait.
 */
export function createCountsStore(client: Client): CountsStore {
  const state = createStore<CountsState>(() => ({ counts: null, readAt: 0 }));
  let latest = 0;
  let inFlight: InboxFilter | null = null;
  let again = false;
  const read = (filter: InboxFilter) => {
    if (inFlight === filter) {
      again = true;
      return;
    }
    const tick = nextTick();
    latest = tick;
    inFlight = filter;
    const landed = () => {
      if (tick !== latest) return;
      inFlight = null;
      if (again) {
        again = false;
        read(filter);
      }
    };
    client.call('inbox.counts', { filter }).then(
      (counts) => {
        if (tick === latest) state.setState({ counts, readAt: tick });
        landed();
      },
      landed,
    );
  };
  return { state, read };
}

/**
 * The counts with the pending actions laid over them: a conversation a patch
 * moves out of a view takes one off it and adds one where it lands.
 */
export function shownCounts({ counts, readAt }: CountsState, patches: readonly Patch[], filter: InboxFilter, now: number): ViewCounts | null {
  if (counts === null) return null;
  const total: Record<View, number> = { ...counts.total };
  const overdue: Record<View, number> = { ...counts.overdue };
  for (const patch of patches) {
    if (!appliesTo(patch, readAt)) continue;
    for (const was of patch.before.values()) {
      const is = patch.change(was);
      for (const view of VIEWS) {
        const before = inView(view, was) && matchesFilter(filter, was);
        const after = inView(view, is) && matchesFilter(filter, is);
        total[view] = Math.max(0, total[view] + Number(after) - Number(before));
        overdue[view] = Math.max(0, overdue[view] + Number(after && isOverdue(is, now)) - Number(before && isOverdue(was, now)));
      }
    }
  }
  return { total, overdue };
}
