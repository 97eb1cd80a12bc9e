import { createStore, type StoreApi } from 'zustand/vanilla';
import { calls } from '../../../shared/contract';
import type { SearchHit, SearchIgnored } from '../../../shared/domain';
import type { Client } from '../../../shared/rpc';

export interface SearchState {
  /** What is in the search box. */
  query: string;
  /** The query the results below answer: the newest answered so far. */
  answered: string;
  /** Its results; they stay on screen until a newer answer arrives, so there is no spinner. */
  hits: readonly SearchHit[];
  /** The filters the engine left out of that query. */
  ignored: readonly SearchIgnored[];
  /** Why the newest answered query failed, if it did (the previous results stay). */
  error: unknown;
}

export interface SearchStore {
  state: StoreApi<SearchState>;
  /** Asks the engine once typing pauses; an empty query clears the results without asking. */
  setQuery(query: string): void;
}

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 100;
const LIMIT = 50;
/** The longest query the engine takes; the search box stops there rather than send one it would refuse. */
export const MAX_QUERY_LENGTH = calls['search.messages'].input.shape.query.maxLength ?? undefined;

export function createSearchStore(client: Client, debounceMs = SEARCH_DEBOUNCE_MS): SearchStore {
  const state = createStore<SearchState>(() => ({ query: '', answered: '', hits: [], ignored: [], error: null }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each request is numbered; an answer is shown only if no later request has been answered,
  // so a slow answer to "ref" can never replace the results for "refund".
  let asked = 0;
  let shown = 0;
  const fresh = (request: number) => {
    if (request <= shown) return false;
    shown = request;
    return true;
  };

  const ask = (query: string) => {
    const request = ++asked;
    client.call('search.messages', { query, limit: LIMIT }).then(
      ({ hits, ignored }) => fresh(request) && state.setState({ answered: query, hits, ignored, error: null }),
      (error: unknown) => fresh(request) && state.setState({ error }),
    );
  };

  return {
    state,
    setQuery(query) {
      state.setState({ query });
      clearTimeout(timer);
      if (query.trim() === '') {
        // Nothing asked is still on its way that may be shown over the empty box.
        shown = ++asked;
        state.setState({ answered: '', hits: [], ignored: [], error: null });
        return;
      }
      timer = setTimeout(() => ask(query), debounceMs);
    },
  };
}
