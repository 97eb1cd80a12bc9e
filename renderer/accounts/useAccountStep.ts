import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { errorReason } from '../rpc/errorReason';

/**
 * One step of the accounts screen that asks the engine (add, reconnect,
 * remove): busy while the call is out, the refusal in words when it fails
 * (the step stays open to be corrected), and Esc back to the list.
 */
export function useAccountStep(onCancel: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = <T,>(call: () => Promise<T>, onDone: (answer: T) => void) => {
    setBusy(true);
    setError(null);
    call().then(onDone, (failure: unknown) => {
      setBusy(false);
      setError(t('accounts.failed', { reason: errorReason(failure, t) }));
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  return { busy, error, run, onKeyDown };
}
