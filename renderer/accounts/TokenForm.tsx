import { useId, useState, type FormEvent } from 'react';
import type { AccountDetails, Platform } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useAccountStep } from './useAccountStep';

interface TokenFormProps {
  title: string;
  submitLabel: string;
  /** Offered platforms; a reconnect has its account's one, and no choice. */
  platforms: readonly Platform[];
  /** Sends the token to the engine, which checks it with the platform before it keeps anything. */
  onSubmit(platform: Platform, token: string): Promise<AccountDetails>;
  onDone(account: AccountDetails): void;
  onCancel(): void;
}

/**
 * Adding or reconnecting: a platform and a token, checked by the engine with
 * the platform before it is saved. The token lives in this form's state only
 * until the engine has it; a refusal keeps it in the field to be corrected.
 * Esc goes back to the list, not out of the accounts screen.
 */
export function TokenForm({ title, submitLabel, platforms, onSubmit, onDone, onCancel }: TokenFormProps) {
  const { t } = useI18n();
  const idPrefix = useId();
  const [platform, setPlatform] = useState<Platform | undefined>(platforms[0]);
  const [token, setToken] = useState('');
  const { busy, error, run, onKeyDown } = useAccountStep(onCancel);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || platform === undefined || token.trim() === '') return;
    run(() => onSubmit(platform, token), onDone);
  };

  return (
    <form className="accounts-form" aria-labelledby={`${idPrefix}-title`} onSubmit={submit} onKeyDown={onKeyDown}>
      <h3 id={`${idPrefix}-title`}>{title}</h3>
      <label>
        {t('accounts.platform')}
        <select value={platform} disabled={busy || platforms.length < 2} onChange={(event) => setPlatform(event.currentTarget.value as Platform)}>
          {platforms.map((option) => (
            <option key={option} value={option}>
              {t(`platform.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.token')}
        <input
          type="password"
          className="overlay-input"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={token}
          readOnly={busy}
          aria-describedby={`${idPrefix}-help`}
          onChange={(event) => setToken(event.currentTarget.value)}
        />
      </label>
      <p id={`${idPrefix}-help`} className="overlay-hint">
        {platform === 'telegram' || platform === 'facebook' || platform === 'x' || platform === 'vk' ? t(`accounts.tokenHelp.${platform}`) : t('accounts.tokenHelp.other')}
      </p>
      <p role="status" className="overlay-notice">
        {busy ? t('accounts.checking') : ''}
      </p>
      {error !== null && (
        <p role="alert" className="overlay-error">
          {error}
        </p>
      )}
      <div className="accounts-buttons">
        <button type="submit" disabled={busy || platform === undefined}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('accounts.cancel')}
        </button>
      </div>
    </form>
  );
}
