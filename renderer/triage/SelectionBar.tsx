import { useStore } from 'zustand';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';

/** While rows are checked: how many, and the keys that act on all of them. */
export function SelectionBar() {
  const { t } = useI18n();
  const count = useStore(useSession().triage.selection, (s) => s.checked.size);
  if (count === 0) return null;
  return (
    <p className="selection-bar">
      <strong>{t('triage.selected', { count })}</strong> <span className="keys-hint">{t('triage.selectionKeys')}</span>
    </p>
  );
}
