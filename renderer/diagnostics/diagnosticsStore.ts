import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallOutput } from '../../shared/contract';
import type { Client } from '../../shared/rpc';

export interface DiagnosticsState {
  /** Null until the first answer. */
  report: CallOutput<'diagnostics.get'> | null;
  readError: unknown;
}

export interface DiagnosticsStore {
  state: StoreApi<DiagnosticsState>;
  read(): void;
}

/** How many quarantined payloads the view lists (the newest). */
const SHOWN = 50;

/** The diagnostics view's one read, repeated while it is open; only the latest answer lands. */
export function createDiagnosticsStore(client: Client): DiagnosticsStore {
  const state = createStore<DiagnosticsState>(() => ({ report: null, readError: null }));
  let reads = 0;
  return {
    state,
    read() {
      const mine = ++reads;
      client.call('diagnostics.get', { limit: SHOWN }).then(
        (report) => mine === reads && state.setState({ report, readError: null }),
        (readError: unknown) => mine === reads && state.setState({ readError }),
      );
    },
  };
}
