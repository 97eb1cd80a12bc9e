import { createStore, type StoreApi } from 'zustand/vanilla';
import { calls } from '../../shared/contract';
import type { CannedReply, CannedReplyFields } from '../../shared/domain';
import type { Client } from '../../shared/rpc';

export type CannedFileFormat = 'json' | 'csv';

export interface CannedLibraryState {
  /** What is in the library's search box. */
  query: string;
  /** The replies that match it, best first, as the engine ranked them. */
  replies: readonly CannedReply[];
  /** The engine had more matches than the screen asks for: typing narrows them. */
  more: boolean;
  /** Why the newest list could not be read (the previous one stays on screen). */
  error: unknown;
}

export interface CannedLibraryStore {
  state: StoreApi<CannedLibraryState>;
  /** Reads the list for this query (the same one again reads it afresh). */
  setQuery(query: string): void;
  /** Re-reads whenever the engine says the library changed (a save here, another window, an import); returns the unsubscribe. */
  watch(): () => void;
  /** Creates a reply (no id) or edits one; rejects with the engine's refusal (a taken shortcut, an empty title). */
  save(fields: CannedReplyFields, id?: string): Promise<CannedReply>;
  remove(id: string): Promise<void>;
  duplicate(id: string): Promise<CannedReply>;
  /** All or nothing: resolves with how many replies were added, or rejects with the line the engine refused. */
  importFile(format: CannedFileFormat, content: string): Promise<number>;
  exportFile(format: CannedFileFormat): Promise<string>;
}

/** The longest search the engine takes; the field stops there rather than send one it would refuse. */
export const MAX_QUERY_LENGTH = calls['canned.list'].input.shape.query.unwrap().maxLength ?? undefined;

/** The list is for finding a reply to edit, not for reading the whole library: typing narrows it. */
export const SHOWN_REPLIES = 200;

/**
 * The library screen's view of the canned replies. The list is re-read on
 * every keystroke without a pause: the engine ranks from memory, and each
 * answer is numbered so a slow one never replaces a newer one.
 */
export function createCannedLibraryStore(client: Client): CannedLibraryStore {
  const state = createStore<CannedLibraryState>(() => ({ query: '', replies: [], more: false, error: null }));
  let asked = 0;
  let shown = 0;

  const refresh = () => {
    const request = ++asked;
    const { query } = state.getState();
    // One more than is shown tells whether there are more.
    client.call('canned.list', { query, limit: SHOWN_REPLIES + 1 }).then(
      ({ replies }) => {
        if (request <= shown) return;
        shown = request;
        state.setState({ replies: replies.slice(0, SHOWN_REPLIES), more: replies.length > SHOWN_REPLIES, error: null });
      },
      (error: unknown) => {
        if (request <= shown) return;
        shown = request;
        state.setState({ error });
      },
    );
  };

  return {
    state,
    setQuery(query) {
      state.setState({ query });
      refresh();
    },
    watch: () => client.on('canned.changed', refresh),
    save: (fields, id) => client.call('canned.save', id === undefined ? fields : { ...fields, id }),
    async remove(id) {
      await client.call('canned.delete', { id });
    },
    duplicate: (id) => client.call('canned.duplicate', { id }),
    importFile: async (format, content) => (await client.call('canned.import', { format, content })).imported,
    exportFile: async (format) => (await client.call('canned.export', { format })).content,
  };
}
