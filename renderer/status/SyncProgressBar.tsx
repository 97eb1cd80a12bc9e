import { useStore } from 'zustand';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';
import './status.css';

/** All running backfills as one bar; a percentage only when every platform has said how much there is. */
export function SyncProgressBar() {
  const { t } = useI18n();
  const backfills = Object.values(useStore(useSession().status.state, (s) => s.backfills));
  if (backfills.length === 0) return null;

  const fetched = backfills.reduce((sum, b) => sum + b.fetched, 0);
  const total = backfills.every((b) => b.total !== null) ? backfills.reduce((sum, b) => sum + (b.total ?? 0), 0) : null;
  const percent = total === null ? null : Math.min(100, Math.round((fetched / Math.max(total, 1)) * 100));
  const text = total === null ? t('sync.fetched', { count: fetched }) : t('sync.progress', { fetched, total });

  return (
    <div className="sync">
      <div
        role="progressbar"
        className="sync-bar"
        aria-label={t('sync.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={text}
      >
        <div className={percent === null ? 'sync-bar-fill sync-bar-fill--unknown' : 'sync-bar-fill'} style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
      <span className="sync-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
