import { useSyncExternalStore } from 'react';
import type { Language } from '../../shared/domain';
import { pickLanguage } from '../../shared/i18n';

const subscribe = (onChange: () => void) => {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
};
const snapshot = (): Language => pickLanguage(navigator.languages);

/** The system's language among ours, following the OS if it changes while the app runs. */
export const useSystemLanguage = (): Language => useSyncExternalStore(subscribe, snapshot);
