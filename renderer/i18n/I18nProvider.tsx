import { createContext, use, useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Language } from '../../shared/domain';
import { createTranslator, type Translator } from '../../shared/i18n';
import { useSession } from '../session/SessionContext';
import { useSystemLanguage } from './useSystemLanguage';

export interface I18n {
  lang: Language;
  t: Translator;
}

const I18nContext = createContext<I18n | null>(null);

/** The UI language: the user's choice from settings, else the system's. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const system = useSystemLanguage();
  const chosen = useStore(useSession().settings.state, (s) => s.language);
  const lang = chosen ?? system;
  const value = useMemo(() => ({ lang, t: createTranslator(lang) }), [lang]);

  useEffect(() => {
    // Screen readers pick their voice and spell-checkers their dictionary from this.
    document.documentElement.lang = lang;
  }, [lang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}
