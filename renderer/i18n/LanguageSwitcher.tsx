import { useId } from 'react';
import { useStore } from 'zustand';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n';
import { useSession } from '../session/SessionContext';
import { useI18n } from './I18nProvider';
import { useSystemLanguage } from './useSystemLanguage';

/** "System" stays a choice of its own, so a user can go back to following the OS. */
const SYSTEM = 'system';

export function LanguageSwitcher() {
  const { t } = useI18n();
  const { settings } = useSession();
  const chosen = useStore(settings.state, (s) => s.language);
  const system = useSystemLanguage();
  const id = useId();

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={chosen ?? SYSTEM}
        onChange={(event) => {
          const value = event.currentTarget.value;
          settings.chooseLanguage(isLanguage(value) ? value : null);
        }}
      >
        <option value={SYSTEM}>{t('language.system', { language: LANGUAGE_NAMES[system] })}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
