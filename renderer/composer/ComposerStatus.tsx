import type { CheckLanguage, Language, Visibility } from '../../shared/domain';
import { LANGUAGE_NAMES } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useActionKey } from '../keyboard/useActionKey';

interface ComposerStatusProps {
  visibility: Visibility;
  /** A public thread can be answered privately; a DM cannot be answered in public. */
  canSwitch: boolean;
  lang: CheckLanguage;
  /** The language of the last check; null before the first. */
  checkedAs: Language | null;
  fieldsLeft: number;
}

/** One line over the reply box: who will see the reply, which language it is checked in, and fields still to fill — each with its key. */
export function ComposerStatus({ visibility, canSwitch, lang, checkedAs, fieldsLeft }: ComposerStatusProps) {
  const { t } = useI18n();
  const switchKey = useActionKey('togglePrivate');
  const langKey = useActionKey('checkLanguage');
  const shownLang = lang === 'auto' ? checkedAs : lang;
  return (
    <div className="composer-status">
      <span className="composer-visibility" data-visibility={visibility} role="status">
        {t(visibility === 'public' ? 'composer.visibility.public' : 'composer.visibility.private')}
        {canSwitch && switchKey !== '' && <span className="keys-hint"> · {t('composer.visibility.switch', { key: switchKey })}</span>}
      </span>
      {shownLang !== null && (
        <span className="composer-lang">
          {t(lang === 'auto' ? 'composer.lang.auto' : 'composer.lang.fixed', { language: LANGUAGE_NAMES[shownLang] })}
          {langKey !== '' && <span className="keys-hint"> · {t('composer.lang.change', { key: langKey })}</span>}
        </span>
      )}
      {fieldsLeft > 0 && <span className="composer-fields">{t('composer.fields', { count: fieldsLeft })}</span>}
    </div>
  );
}
