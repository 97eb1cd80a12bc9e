import { useEffect } from 'react';
import { applyOverrides } from '../keyboard/keymap';
import { useSession } from '../session/SessionContext';

/**
 * Keeps the keys in force equal to the saved settings: re-read when the engine
 * says settings changed, and applied the moment they are read or saved.
 */
export function useKeymapFromSettings(): void {
  const { settings } = useSession();
  useEffect(() => settings.watch(), [settings]);
  useEffect(() => {
    applyOverrides(settings.state.getState().keymap);
    return settings.state.subscribe((state, previous) => {
      if (state.keymap !== previous.keymap) applyOverrides(state.keymap);
    });
  }, [settings]);
}
