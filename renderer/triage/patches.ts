import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSummary } from '../../shared/domain';

/**
 * One agent action laid over the engine's data until the engine's own data
 * includes it. `change` is applied to every copy of the touched conversations
 * read before the confirmation; `before` is how each looked on screen when the
 * action was taken (the counts move by the difference); `positions`, for undo,
 * is where each stood in the list, so one that had left comes back in place.
 */
export interface Patch {
  readonly key: number;
  readonly ids: ReadonlySet<string>;
  readonly change: (item: ConversationSummary) => ConversationSummary;
  readonly before: ReadonlyMap<string, ConversationSummary>;
  readonly positions: ReadonlyMap<string, number>;
  /** The tick (readTicks.ts) from which the engine's data includes it; null until then. */
  readonly confirmedAt: number | null;
  /** Whether its call has left: an undo waits for its action's token, and no news from before that is about it. */
  readonly sent: boolean;
}

/** Whether data read at `readAt` predates the patch, so the patch must be laid over it. */
export const appliesTo = (patch: Patch, readAt: number): boolean => patch.confirmedAt === null || readAt < patch.confirmedAt;

/** The item as the screen shows it: every patch that predates the read, oldest first. */
export function patched(item: ConversationSummary, patches: readonly Patch[], readAt: number): ConversationSummary {
  let shown = item;
  for (const patch of patches) if (patch.ids.has(item.id) && appliesTo(patch, readAt)) shown = patch.change(shown);
  return shown;
}

export interface PatchesState {
  patches: readonly Patch[];
}

export interface Patches {
  state: StoreApi<PatchesState>;
  add(patch: Omit<Patch, 'key' | 'confirmedAt'>): number;
  markSent(key: number): void;
  /** The engine has the patch from tick `at` on; a patch confirmed already keeps its earlier tick. */
  confirm(key: number, at: number): void;
  /** The keys of the patches sent and still waiting for the engine that touch any of these conversations. */
  pendingOn(ids: readonly string[]): number[];
  /** The engine refused: the screen goes back to what the engine has. */
  drop(key: number): void;
  /** Forgets patches every piece of data on screen (read at `oldestReadAt` or later) already includes. */
  prune(oldestReadAt: number): void;
}

export function createPatches(): Patches {
  const state = createStore<PatchesState>(() => ({ patches: [] }));
  let nextKey = 1;
  const update = (next: readonly Patch[]) => {
    if (next.length !== state.getState().patches.length || next.some((patch, i) => patch !== state.getState().patches[i])) state.setState({ patches: next });
  };
  return {
    state,
    add(patch) {
      const key = nextKey++;
      update([...state.getState().patches, { ...patch, key, confirmedAt: null }]);
      return key;
    },
    markSent(key) {
      update(state.getState().patches.map((patch) => (patch.key === key ? { ...patch, sent: true } : patch)));
    },
    confirm(key, at) {
      update(state.getState().patches.map((patch) => (patch.key === key && patch.confirmedAt === null ? { ...patch, confirmedAt: at } : patch)));
    },
    pendingOn(ids) {
      return state
        .getState()
        .patches.filter((patch) => patch.sent && patch.confirmedAt === null && ids.some((id) => patch.ids.has(id)))
        .map((patch) => patch.key);
    },
    drop(key) {
      update(state.getState().patches.filter((patch) => patch.key !== key));
    },
    prune(oldestReadAt) {
      update(state.getState().patches.filter((patch) => appliesTo(patch, oldestReadAt)));
    },
  };
}
