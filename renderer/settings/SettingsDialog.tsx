import { useEffect, useId } from 'react';
import { useStore } from 'zustand';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../overlays/Dialog';
import { hideOverlay } from '../overlays/overlayStore';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { DesktopSettingsForm } from './DesktopSettingsForm';
import { KeymapEditor } from './KeymapEditor';
import { PriorityWeightsTable } from './PriorityWeightsTable';
import { ReplySettingsForm } from './ReplySettingsForm';

/** Opened from the command palette: UI language, keys, replies (undo window, repeated canned replies), how the queue is ordered, and the desktop app's own settings. */
export function SettingsDialog() {
  const { t } = useI18n();
  const { settings } = useSession();
  const weights = useStore(settings.state, (state) => state.priorityWeights);
  const undoWindowMs = useStore(settings.state, (state) => state.undoWindowMs);
  const cannedRepeatLimit = useStore(settings.state, (state) => state.cannedRepeatLimit);
  const readError = useStore(settings.state, (state) => state.readError);
  const idPrefix = useId();

  // What another window saved since this one started shows here.
  useEffect(() => settings.read(), [settings]);

  return (
    <Dialog label={t('settings.title')} className="settings">
      <h2 className="overlay-title">{t('settings.title')}</h2>
      {readError !== null && (
        <p role="alert" className="overlay-error">
          {t('settings.loadFailed', { reason: errorReason(readError, t) })}
        </p>
      )}
      <LanguageSwitcher />
      <section aria-labelledby={`${idPrefix}-keys`}>
        <h3 id={`${idPrefix}-keys`}>{t('settings.keymap')}</h3>
        <KeymapEditor />
      </section>
      <section aria-labelledby={`${idPrefix}-replies`}>
        <h3 id={`${idPrefix}-replies`}>{t('settings.replies')}</h3>
        {undoWindowMs !== null && cannedRepeatLimit !== null && <ReplySettingsForm undoWindowMs={undoWindowMs} cannedRepeatLimit={cannedRepeatLimit} />}
      </section>
      <section aria-labelledby={`${idPrefix}-priority`}>
        <h3 id={`${idPrefix}-priority`}>{t('settings.priority')}</h3>
        <p>{t('settings.priority.explain')}</p>
        {weights !== null && <PriorityWeightsTable weights={weights} labelledBy={`${idPrefix}-priority`} />}
      </section>
      <section aria-labelledby={`${idPrefix}-desktop`}>
        <h3 id={`${idPrefix}-desktop`}>{t('settings.desktop')}</h3>
        <DesktopSettingsForm />
      </section>
      <button type="button" className="settings-close" onClick={hideOverlay}>
        {t('settings.close')}
      </button>
    </Dialog>
  );
}
