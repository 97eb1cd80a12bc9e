import { useStore } from 'zustand';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';
import { KeyHints } from './KeyHints';

/** What acts on every checked row. */
const SELECTION_ACTIONS = ['close', 'snooze', 'tag', 'assign', 'select'] as const;

/** While rows are checked: how many, and the keys that act on all of them. */
export function SelectionBar() {
  const { t } = useI18n();
  const count = useStore(useSession().triage.selection, (s) => s.checked.size);
  if (count === 0) return null;
  return (
    <p className="selection-bar">
      <strong>{t('triage.selected', { count })}</strong> <KeyHints actions={SELECTION_ACTIONS} />
    </p>
  );
}
