import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountSummary, Connectivity, SyncProgress } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import type { LinkState } from '../rpc/link';

export interface StatusState {
  link: LinkState;
  /** What the engine last said about its own connectivity; null until it has. */
  reported: Connectivity | null;
  /** Backfills under way, by account; an account leaves when its backfill is done. */
  backfills: Readonly<Record<string, SyncProgress>>;
  /** The connected accounts, for the inbox's account filter. */
  accounts: readonly AccountSummary[];
}

export type ShownConnectivity = Connectivity | 'connecting';

/** Without a link to the engine the screen is offline, whatever the engine said last. */
export function shownConnectivity({ link, reported }: StatusState): ShownConnectivity {
  if (link === 'down') return 'offline';
  if (link === 'connecting' || reported === null) return 'connecting';
  return reported;
}

export interface StatusStore {
  state: StoreApi<StatusState>;
  read(): void;
  report(connectivity: Connectivity): void;
  progress(progress: SyncProgress): void;
  setLink(link: LinkState): void;
}

export function createStatusStore(client: Client, link: LinkState): StatusStore {
  const state = createStore<StatusState>(() => ({ link, reported: null, backfills: {}, accounts: [] }));
  return {
    state,
    read() {
      client.call('app.status', {}).then(
        ({ connectivity, accounts }) => state.setState({ reported: connectivity, accounts }),
        // A failed read leaves the last known state; the link going up again triggers the next read.
        () => undefined,
      );
    },
    report(connectivity) {
      state.setState({ reported: connectivity });
    },
    progress(progress) {
      const { [progress.accountId]: _previous, ...others } = state.getState().backfills;
      state.setState({ backfills: progress.done ? others : { ...others, [progress.accountId]: progress } });
    },
    setLink(next) {
      // Progress events missed while down would leave a bar stuck forever; the engine re-sends progress as it goes.
      state.setState(next === 'down' ? { link: next, backfills: {} } : { link: next });
    },
  };
}
