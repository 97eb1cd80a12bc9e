import { useStore } from 'zustand';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionContext';
import { shownConnectivity } from './statusStore';
import './status.css';

export function ConnectivityIndicator() {
  const { t } = useI18n();
  const connectivity = useStore(useSession().status.state, shownConnectivity);
  const label = t(`connectivity.${connectivity}`);
  return (
    <div role="status" className="connectivity" data-connectivity={connectivity} aria-label={t('connectivity.label', { state: label })}>
      <span className="connectivity-dot" aria-hidden="true" />
      {label}
    </div>
  );
}
