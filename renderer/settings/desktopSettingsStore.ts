import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DesktopPreferences, DesktopSettingsPatch } from '../../shared/desktop-settings';
import { RpcError, type Client } from '../../shared/rpc';

export interface DesktopSettingsState {
  /** What the desktop shell saved; null until read, and for good where there is no desktop shell. */
  settings: DesktopPreferences | null;
  /** False once the host said it has no desktop settings (the browser host): that answer does not change. */
  available: boolean;
  /** Why the settings could not be read, until they can. */
  readError: unknown;
}

/**
 * The desktop shell's own settings (notifications, global shortcut, updates,
 * debug logging) as the page sees them. The shell answers these calls, not
 * the engine; under the browser host they are refused, and the Settings
 * screen says where to find them instead.
 */
export interface DesktopSettingsStore {
  state: StoreApi<DesktopSettingsState>;
  read(): void;
  /** Saves the fields the patch names; rejects with the shell's refusal, and nothing changes. */
  save(patch: DesktopSettingsPatch): Promise<void>;
}

export function createDesktopSettingsStore(client: Client): DesktopSettingsStore {
  const state = createStore<DesktopSettingsState>(() => ({ settings: null, available: true, readError: null }));
  const accept = ({ settings }: { settings: DesktopPreferences }) => state.setState({ settings, available: true, readError: null });
  return {
    state,
    read() {
      client.call('desktop.settings.get', {}).then(accept, (error: unknown) =>
        // `refused` is the host's lasting answer (no desktop shell); anything else (a lost link) may pass.
        state.setState(error instanceof RpcError && error.code === 'refused' ? { available: false, readError: null } : { readError: error }),
      );
    },
    async save(patch) {
      accept(await client.call('desktop.settings.update', patch));
    },
  };
}
