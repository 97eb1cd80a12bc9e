import { useStore } from 'zustand';
import { VIEWS } from '../../shared/domain';
import { formatNumber } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';
import { useShownCounts } from './useShownCounts';

/** The views with their live counts; `g i`, `g m`, … switch between them from anywhere. */
export function ViewsNav({ onChosen }: { onChosen(): void }) {
  const { t, lang } = useI18n();
  const { triage } = useSession();
  const current = useStore(triage.query, (s) => s.view);
  const counts = useShownCounts();
  return (
    <nav className="views-nav" aria-label={t('views.label')}>
      {VIEWS.map((view) => {
        const overdue = counts?.overdue[view] ?? 0;
        return (
          <button
            key={view}
            type="button"
            className="views-nav-item"
            aria-current={view === current ? 'true' : undefined}
            onClick={() => {
              triage.setView(view);
              onChosen();
            }}
          >
            <span className="views-nav-name">{t(`views.${view}`)}</span>
            {counts !== null && (
              <span className="views-nav-count">
                {' '}
                {formatNumber(lang, counts.total[view])}
              </span>
            )}
            {overdue > 0 && (
              <span className="views-nav-overdue">
                {/* Heard, not seen: it keeps the total and the overdue count apart in the button's name. */}
                <span className="visually-hidden">, </span>
                {t('views.overdue', { count: overdue })}
              </span>
            )}
          </button>
        );
      })}
    </nav>
  );
}
