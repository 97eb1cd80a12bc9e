import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Language } from '../../shared/domain';
import type { Client } from '../../shared/rpc';

export interface SettingsState {
  /** The language the user chose; null follows the system. */
  language: Language | null;
}

export interface SettingsStore {
  state: StoreApi<SettingsState>;
  read(): void;
  chooseLanguage(language: Language | null): void;
}

export function createSettingsStore(client: Client): SettingsStore {
  const state = createStore<SettingsState>(() => ({ language: null }));
  return {
    state,
    read() {
      client.call('settings.get', {}).then(
        ({ language }) => state.setState({ language }),
        // Until settings can be read the UI follows the system language, which is already showing.
        () => undefined,
      );
    },
    chooseLanguage(language) {
      const previous = state.getState().language;
      // Switch at once; the engine's answer confirms it, a refusal switches back.
      state.setState({ language });
      client.call('settings.update', { language }).then(
        (saved) => state.setState({ language: saved.language }),
        () => state.setState({ language: previous }),
      );
    },
  };
}
