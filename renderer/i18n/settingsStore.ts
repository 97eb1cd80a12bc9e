import { createStore, type StoreApi } from 'zustand/vanilla';
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
  /** Why settings could not be read, until they can. */
  readError: unknown;
}

type Saved = Omit<SettingsState, 'readError'>;

export interface SettingsStore {
  state: StoreApi<SettingsState>;
  read(): void;
  chooseLanguage(language: Language | null): void;
  /** Saves the overrides; rejects with the engine's refusal (e.g. `invalid_input` for a conflict), and nothing changes. */
  saveKeymap(keymap: KeymapOverrides): Promise<void>;
  /** Re-reads whenever the engine says settings changed (another window, the settings file); returns the unsubscribe. */
  watch(): () => void;
}

export function createSettingsStore(client: Client): SettingsStore {
  const state = createStore<SettingsState>(() => ({ language: null, keymap: {}, priorityWeights: null, readError: null }));
  const accept = ({ language, keymap, priorityWeights }: Saved) => state.setState({ language, keymap, priorityWeights, readError: null });
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
    watch: () => client.on('settings.changed', read),
  };
}
