import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { AccountDetails } from '../../shared/domain';
import { formatRelativeTime } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../i18n/useNow';
import { Dialog } from '../overlays/Dialog';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { RemoveConfirmation } from './RemoveConfirmation';
import { TokenForm } from './TokenForm';
import './accounts.css';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'reconnect'; account: AccountDetails } | { kind: 'remove'; account: AccountDetails };

/** The list's one-key actions, by physical key, so they work under any layout. */
type ListAction = 'add' | 'test' | 'toggle' | 'reconnect' | 'remove';
const LIST_KEYS: Readonly<Record<string, ListAction>> = { KeyN: 'add', KeyT: 'test', KeyP: 'toggle', KeyR: 'reconnect', Delete: 'remove' };

/**
 * Connected accounts, keyboard only (opened with its key or from the palette):
 * ↑/↓ through the list, then N adds, T tests the token, P pauses or resumes,
 * R reconnects with a new token and Delete removes after a confirmation. The
 * buttons under the list do the same for the highlighted account.
 */
export function AccountsDialog() {
  const { t, lang } = useI18n();
  const { accounts: store } = useSession();
  const { accounts, keychain, platforms, readError } = useStore(store.state);
  const now = useNow();
  const idPrefix = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const current = accounts.length === 0 ? -1 : Math.min(active, accounts.length - 1);
  const selected = current >= 0 ? accounts[current] : undefined;
  const optionId = (index: number) => `${idPrefix}-account-${index}`;

  useEffect(() => store.read(), [store]);
  // Back from a form or the confirmation, the list takes the keys again.
  useEffect(() => {
    if (mode.kind === 'list') listRef.current?.focus();
  }, [mode.kind]);

  const report = (done: Promise<string>) => {
    setFailure(null);
    done.then(setNotice, (error: unknown) => {
      setNotice('');
      setFailure(t('accounts.failed', { reason: errorReason(error, t) }));
    });
  };

  const backToList = (message = '', account?: AccountDetails) => {
    setNotice(message);
    setFailure(null);
    if (account) {
      const index = store.state.getState().accounts.findIndex((known) => known.id === account.id);
      setActive(index >= 0 ? index : store.state.getState().accounts.length);
    }
    setMode({ kind: 'list' });
  };

  const run = (action: ListAction) => {
    if (action === 'add') return setMode({ kind: 'add' });
    if (!selected) return;
    const name = selected.name;
    switch (action) {
      case 'test':
        return report(store.test(selected.id).then(({ ok, problem }) => (ok ? t('accounts.testOk', { name }) : t('accounts.testFailed', { name, problem: problem ?? '' }))));
      case 'toggle':
        return report(
          selected.status === 'paused'
            ? store.resume(selected.id).then(() => t('accounts.resumed', { name }))
            : store.pause(selected.id).then(() => t('accounts.paused', { name })),
        );
      case 'reconnect':
        return setMode({ kind: 'reconnect', account: selected });
      case 'remove':
        return setMode({ kind: 'remove', account: selected });
    }
  };

  const onListKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, () => number> = { ArrowDown: () => Math.min(current + 1, accounts.length - 1), ArrowUp: () => Math.max(current - 1, 0) };
    const move = moves[event.key];
    const action = LIST_KEYS[event.code];
    if (move !== undefined) {
      event.preventDefault();
      if (accounts.length > 0) setActive(move());
    } else if (action !== undefined) {
      event.preventDefault();
      run(action);
    }
  };

  if (mode.kind === 'add') {
    return (
      <Dialog label={t('accounts.title')} className="accounts">
        <TokenForm
          title={t('accounts.add')}
          submitLabel={t('accounts.addSubmit')}
          platforms={platforms}
          onSubmit={(platform, token) => store.add({ platform, token })}
          onDone={(account) => backToList(t('accounts.added', { name: account.name }), account)}
          onCancel={() => backToList()}
        />
      </Dialog>
    );
  }
  if (mode.kind === 'reconnect') {
    const { account } = mode;
    return (
      <Dialog label={t('accounts.title')} className="accounts">
        <TokenForm
          title={t('accounts.reconnectTitle', { name: account.name })}
          submitLabel={t('accounts.reconnectSubmit')}
          platforms={[account.platform]}
          onSubmit={(_platform, token) => store.reconnect(account.id, token)}
          onDone={(updated) => backToList(t('accounts.reconnected', { name: updated.name }), updated)}
          onCancel={() => backToList()}
        />
      </Dialog>
    );
  }
  if (mode.kind === 'remove') {
    const { account } = mode;
    return (
      <Dialog label={t('accounts.title')} className="accounts">
        <RemoveConfirmation account={account} onRemove={() => store.remove(account.id)} onDone={() => backToList(t('accounts.removed', { name: account.name }))} onCancel={() => backToList()} />
      </Dialog>
    );
  }

  return (
    <Dialog label={t('accounts.title')} className="accounts">
      <h2 className="overlay-title">{t('accounts.title')}</h2>
      {keychain !== null && !keychain.available && (
        <p role="alert" className="overlay-error">
          {t('accounts.noKeychain', { reason: keychain.problem ?? '' })}
        </p>
      )}
      {readError !== null && (
        <p role="alert" className="overlay-error">
          {t('accounts.loadFailed', { reason: errorReason(readError, t) })}
        </p>
      )}
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-label={t('accounts.list')}
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-describedby={`${idPrefix}-hint`}
        className="overlay-options accounts-list"
        onKeyDown={onListKeyDown}
      >
        {accounts.length === 0 && <p className="overlay-hint">{t('accounts.empty')}</p>}
        {accounts.map((account, index) => {
          const status = t(`accounts.status.${account.status}`);
          return (
            <div
              key={account.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              aria-label={t('accounts.option', { name: account.name, platform: t(`platform.${account.platform}`), status })}
              className="overlay-option"
              data-status={account.status}
              onClick={() => setActive(index)}
            >
              <span className="accounts-name">
                {account.name} · {t(`platform.${account.platform}`)} · <span className="accounts-status">{status}</span>
              </span>
              <span className="overlay-hint">
                {account.lastSyncAt === null ? t('accounts.neverSynced') : t('accounts.lastSync', { time: formatRelativeTime(lang, account.lastSyncAt, now) })}
              </span>
              {account.lastError !== null && <span className="overlay-hint accounts-problem">{t('accounts.lastError', { error: account.lastError })}</span>}
            </div>
          );
        })}
      </div>
      <p role="status" className="overlay-notice">
        {notice}
      </p>
      {failure !== null && (
        <p role="alert" className="overlay-error">
          {failure}
        </p>
      )}
      <div className="accounts-buttons">
        <button type="button" onClick={() => run('add')}>
          {t('accounts.add')}
        </button>
        {selected && (
          <>
            <button type="button" onClick={() => run('test')}>
              {t('accounts.test')}
            </button>
            <button type="button" onClick={() => run('toggle')}>
              {selected.status === 'paused' ? t('accounts.resume') : t('accounts.pause')}
            </button>
            <button type="button" onClick={() => run('reconnect')}>
              {t('accounts.reconnect')}
            </button>
            <button type="button" onClick={() => run('remove')}>
              {t('accounts.remove')}
            </button>
          </>
        )}
      </div>
      <p id={`${idPrefix}-hint`} className="overlay-hint">
        {t('accounts.hint')}
      </p>
    </Dialog>
  );
}
