import { useId } from 'react';
import type { AccountDetails } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useAccountStep } from './useAccountStep';

interface RemoveConfirmationProps {
  account: AccountDetails;
  onRemove(): Promise<void>;
  onDone(): void;
  onCancel(): void;
}

/**
 * Removing deletes the token and everything the account holds on this
 * computer, unsent replies included, so the screen says how much before it
 * asks. Cancel has focus: Enter right after Delete keeps the account.
 */
export function RemoveConfirmation({ account, onRemove, onDone, onCancel }: RemoveConfirmationProps) {
  const { t } = useI18n();
  const idPrefix = useId();
  const { busy, error, run, onKeyDown } = useAccountStep(onCancel);
  const remove = () => run(onRemove, onDone);

  return (
    <section role="group" className="accounts-form" aria-labelledby={`${idPrefix}-title`} aria-describedby={`${idPrefix}-explain`} onKeyDown={onKeyDown}>
      <h3 id={`${idPrefix}-title`}>{t('accounts.removeTitle', { name: account.name })}</h3>
      <p id={`${idPrefix}-explain`}>
        {t('accounts.removeExplain', { conversations: account.conversations, queued: account.queued, platform: t(`platform.${account.platform}`) })}
      </p>
      {error !== null && (
        <p role="alert" className="overlay-error">
          {error}
        </p>
      )}
      <div className="accounts-buttons">
        <button type="button" className="accounts-danger" disabled={busy} onClick={remove}>
          {t('accounts.remove')}
        </button>
        <button type="button" autoFocus onClick={onCancel}>
          {t('accounts.cancel')}
        </button>
      </div>
    </section>
  );
}
