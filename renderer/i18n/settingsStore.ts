import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallOutput } from '../../shared/contract';
import type { Language } from '../../shared/domain';
import type { KeymapOverrides } from '../../shared/keymap';
import type { Client } from '../../shared/rpc';
import type { PriorityWeights } from '../../shared/triage';

export interface SettingsState {
  /** The language the user chose; null follows the system. */
  language: Language | null;
  /** The user's key overrides as the engine saved them; the keymap in force is these over the defaults. */
  keymap: KeymapOverrides;
  /** Null until settings have been read. */
  priorityWeights: PriorityWeights | null;
  /** How long a sent reply can still be undone, in ms; null until read. */
  undoWindowMs: number | null;
  /** Customers in 24 hours one canned reply may go to unchanged before the check warns; null until read. */
  cannedRepeatLimit: number | null;
  /** Why settings could not be read, until they can. */
  readError: unknown;
}

type Saved = CallOutput<'settings.get'>;
export type ReplySettings = Pick<Saved, 'undoWindowMs' | 'cannedRepeatLimit'>;

export interface SettingsStore {
  state: StoreApi<SettingsState>;
  read(): void;
  chooseLanguage(language: Language | null): void;
  /** Saves the overrides; rejects with the engine's refusal (e.g. `invalid_input` for a conflict), and nothing changes. */
  saveKeymap(keymap: KeymapOverrides): Promise<void>;
  /** Saves the undo window and the repeated-canned limit; rejects with the engine's refusal, and nothing changes. */
  saveReplySettings(values: ReplySettings): Promise<void>;
  /** Re-reads whenever the engine says settings changed (another window, the settings file); returns the unsubscribe. */
  watch(): () => void;
}

export function createSettingsStore(client: Client): SettingsStore {
  const state = createStore<SettingsState>(() => ({ language: null, keymap: {}, priorityWeights: null, undoWindowMs: null, cannedRepeatLimit: null, readError: null }));
  const accept = ({ language, keymap, priorityWeights, undoWindowMs, cannedRepeatLimit }: Saved) =>
    state.setState({ language, keymap, priorityWeights, undoWindowMs, cannedRepeatLimit, readError: null });
  const read = () => {
    client.call('settings.get', {}).then(accept, (error: unknown) => state.setState({ readError: error }));
  };
  return {
    state,
    // Until settings can be read the UI follows the system language, which is already showing, and the default keys.
    read,
    chooseLanguage(language) {
      const previous = state.getState().language;
      // Switch at once; the engine's answer confirms it, a refusal switches back.
      state.setState({ language });
      client.call('settings.update', { language }).then(accept, () => state.setState({ language: previous }));
    },
    async saveKeymap(keymap) {
      accept(await client.call('settings.update', { keymap }));
    },
    async saveReplySettings(values) {
      accept(await client.call('settings.update', values));
    },
    watch: () => client.on('settings.changed', read),
  };
}
