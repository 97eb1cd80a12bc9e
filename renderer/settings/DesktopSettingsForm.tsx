import { useEffect, useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { DesktopSettingsPatch, type DesktopPreferences } from '../../shared/desktop-settings';
import type { MessageKey } from '../../shared/i18n';
import { RpcError } from '../../shared/rpc';
import { useI18n } from '../i18n/I18nProvider';
import { keyboardPlatform } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { recordShortcut } from './recordShortcut';

/** The form as edited; numbers and the address as typed. */
interface Draft {
  notificationsEnabled: boolean;
  doNotDisturb: boolean;
  mutedAccounts: readonly string[];
  slaWarningMinutes: string;
  globalShortcut: string | null;
  updatesEnabled: boolean;
  updateUrl: string;
  checkIntervalHours: string;
  debugLogging: boolean;
}
type Field = keyof Draft;

const draftOf = ({ notifications, updates, globalShortcut, debugLogging }: DesktopPreferences): Draft => ({
  notificationsEnabled: notifications.enabled,
  doNotDisturb: notifications.doNotDisturb,
  mutedAccounts: notifications.mutedAccounts,
  slaWarningMinutes: String(notifications.slaWarningMinutes),
  globalShortcut,
  updatesEnabled: updates.enabled,
  updateUrl: updates.url ?? '',
  checkIntervalHours: String(updates.checkIntervalHours),
  debugLogging,
});

/** A contract path (an issue's, the shell's or the local check's) as the field that shows it. */
const FIELD_AT: Readonly<Record<string, Field>> = {
  'notifications.enabled': 'notificationsEnabled',
  'notifications.doNotDisturb': 'doNotDisturb',
  'notifications.mutedAccounts': 'mutedAccounts',
  'notifications.slaWarningMinutes': 'slaWarningMinutes',
  globalShortcut: 'globalShortcut',
  'updates.enabled': 'updatesEnabled',
  'updates.url': 'updateUrl',
  'updates.checkIntervalHours': 'checkIntervalHours',
  debugLogging: 'debugLogging',
};
const fieldAt = (path: string): Field | null => FIELD_AT[path] ?? FIELD_AT[path.replace(/\.\d+$/u, '')] ?? null;

/** What to say when the local check refuses a typed value. */
const INVALID: Partial<Record<Field, MessageKey>> = {
  slaWarningMinutes: 'settings.desktop.slaWarningInvalid',
  updateUrl: 'settings.desktop.updateUrlInvalid',
  checkIntervalHours: 'settings.desktop.checkIntervalInvalid',
};

/** A number as typed, or NaN: "", "-1" and "1e3" are not what the fields ask for. */
const numberOf = (text: string): number => (/^\s*\d{1,6}(?:\.\d{1,3})?\s*$/u.test(text) ? Number(text) : Number.NaN);

/** The fields of a section whose value differs from the saved one; undefined when none does. */
function changed<T extends object>(wanted: T, saved: T): Partial<T> | undefined {
  const entries = Object.entries(wanted).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(saved[key as keyof T]));
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/** Only what the agent changed: a switch flipped in the tray meanwhile is not put back by saving this form. */
function patchOf(draft: Draft, saved: DesktopPreferences): Record<string, unknown> {
  const url = draft.updateUrl.trim();
  const patch = {
    notifications: changed(
      { enabled: draft.notificationsEnabled, doNotDisturb: draft.doNotDisturb, mutedAccounts: draft.mutedAccounts, slaWarningMinutes: numberOf(draft.slaWarningMinutes) },
      saved.notifications,
    ),
    globalShortcut: draft.globalShortcut === saved.globalShortcut ? undefined : draft.globalShortcut,
    updates: changed({ enabled: draft.updatesEnabled, url: url === '' ? null : url, checkIntervalHours: numberOf(draft.checkIntervalHours) }, saved.updates),
    debugLogging: draft.debugLogging === saved.debugLogging ? undefined : draft.debugLogging,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

type Problem = { field: Field | null; text: string } | null;

/**
 * The Desktop section of settings: notifications (on, do-not-disturb, muted
 * accounts, the SLA warning), the global shortcut (recorded from a key
 * press), updates and debug logging. These belong to the desktop shell, which
 * answers for them; the browser host has none, and the section says so in one
 * line. Saved explicitly, sending only what changed; a refusal is shown at the
 * field it names.
 */
export function DesktopSettingsForm() {
  const { t } = useI18n();
  const { desktop, accounts: accountsStore } = useSession();
  const saved = useStore(desktop.state, (state) => state.settings);
  const available = useStore(desktop.state, (state) => state.available);
  const readError = useStore(desktop.state, (state) => state.readError);
  const accounts = useStore(accountsStore.state, (state) => state.accounts);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const [savedNotice, setSavedNotice] = useState(false);
  const [recording, setRecording] = useState(false);
  const id = useId();

  useEffect(() => {
    desktop.read();
    accountsStore.read();
  }, [desktop, accountsStore]);

  if (!available) return <p className="overlay-hint">{t('settings.desktop.elsewhere')}</p>;
  if (readError !== null)
    return (
      <p role="alert" className="overlay-error">
        {t('settings.loadFailed', { reason: errorReason(readError, t) })}
      </p>
    );
  if (saved === null) return null;

  const shown = draft ?? draftOf(saved);
  const edit = (change: Partial<Draft>) => {
    setDraft({ ...shown, ...change });
    setSavedNotice(false);
  };
  const fieldId = (field: Field) => `${id}-${field}`;
  const refuse = (field: Field | null, text: string) => {
    setProblem({ field, text });
    setSavedNotice(false);
    if (field !== null) document.getElementById(fieldId(field))?.focus();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const checked = DesktopSettingsPatch.safeParse(patchOf(shown, saved));
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = fieldAt(issue.path.join('.'));
      const message = field === null ? undefined : INVALID[field];
      return refuse(field, message ? t(message) : t('settings.desktop.refused', { reason: issue.message }));
    }
    setProblem(null);
    desktop.save(checked.data).then(
      () => {
        setDraft(null);
        setSavedNotice(true);
      },
      (error: unknown) => {
        const issue = error instanceof RpcError ? error.issues?.[0] : undefined;
        refuse(issue ? fieldAt(issue.path) : null, t('settings.desktop.refused', { reason: issue?.message ?? errorReason(error, t) }));
      },
    );
  };

  const onShortcutKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    // Tab leaves: recording must never trap focus.
    if (event.key === 'Tab') return setRecording(false);
    // Every other key belongs to the recording, Esc included (the dialog stays open).
    event.preventDefault();
    if (event.key === 'Escape') return setRecording(false);
    if (event.repeat) return;
    const recorded = recordShortcut(event.nativeEvent, keyboardPlatform);
    if (recorded.kind === 'waiting') return;
    setRecording(false);
    if (recorded.kind === 'unnamed') return refuse('globalShortcut', t('settings.desktop.shortcutUnnamed'));
    if (recorded.kind === 'needsModifier') return refuse('globalShortcut', t('settings.desktop.shortcutNeedsModifier', { keys: recorded.accelerator }));
    setProblem(null);
    edit({ globalShortcut: recorded.accelerator });
  };

  /** Says what is wrong right under the field, and ties it to the field for a screen reader. */
  const problemAt = (field: Field) =>
    problem?.field === field ? (
      <p id={`${fieldId(field)}-problem`} role="alert" className="overlay-error">
        {problem.text}
      </p>
    ) : null;
  const describedBy = (field: Field, ...others: string[]) => [...others, ...(problem?.field === field ? [`${fieldId(field)}-problem`] : [])].join(' ') || undefined;

  const explainId = (field: Field, explain: ReactNode) => (explain ? [`${fieldId(field)}-explain`] : []);
  /** Under a control: what it does, when that needs saying, and why the shell refused it. */
  const notesFor = (field: Field, explain: ReactNode) => (
    <>
      {explain && (
        <p id={`${fieldId(field)}-explain`} className="overlay-hint">
          {explain}
        </p>
      )}
      {problemAt(field)}
    </>
  );

  const checkbox = (field: 'notificationsEnabled' | 'doNotDisturb' | 'updatesEnabled' | 'debugLogging', label: string, explain?: ReactNode) => (
    <div className="desktop-setting">
      <input
        id={fieldId(field)}
        type="checkbox"
        checked={shown[field]}
        aria-describedby={describedBy(field, ...explainId(field, explain))}
        onChange={(event) => edit({ [field]: event.currentTarget.checked })}
      />
      <label htmlFor={fieldId(field)}>{label}</label>
      {notesFor(field, explain)}
    </div>
  );

  const text = (field: 'slaWarningMinutes' | 'updateUrl' | 'checkIntervalHours', label: string, type: 'number' | 'url', explain?: string) => (
    <div className="desktop-setting">
      <label htmlFor={fieldId(field)}>{label}</label>
      <input
        id={fieldId(field)}
        type={type}
        inputMode={type === 'number' ? 'numeric' : 'url'}
        value={shown[field]}
        aria-invalid={problem?.field === field || undefined}
        aria-describedby={describedBy(field, ...explainId(field, explain))}
        onChange={(event) => edit({ [field]: event.currentTarget.value })}
      />
      {notesFor(field, explain)}
    </div>
  );

  const muted = new Set(shown.mutedAccounts);
  const toggleMute = (accountId: string, on: boolean) =>
    edit({ mutedAccounts: on ? [...shown.mutedAccounts, accountId] : shown.mutedAccounts.filter((mutedId) => mutedId !== accountId) });

  return (
    <form className="desktop-settings" onSubmit={save}>
      <fieldset>
        <legend>{t('settings.desktop.notifications')}</legend>
        {checkbox('notificationsEnabled', t('settings.desktop.notificationsOn'))}
        {checkbox('doNotDisturb', t('settings.desktop.doNotDisturb'), t('settings.desktop.doNotDisturbExplain'))}
        <fieldset id={fieldId('mutedAccounts')} tabIndex={-1} aria-describedby={describedBy('mutedAccounts')}>
          <legend>{t('settings.desktop.mute')}</legend>
          {accounts.length === 0 && <p className="overlay-hint">{t('settings.desktop.noAccounts')}</p>}
          {accounts.map((account) => (
            <div key={account.id} className="desktop-setting">
              <input id={`${fieldId('mutedAccounts')}-${account.id}`} type="checkbox" checked={muted.has(account.id)} onChange={(event) => toggleMute(account.id, event.currentTarget.checked)} />
              <label htmlFor={`${fieldId('mutedAccounts')}-${account.id}`}>{t('settings.desktop.muteAccount', { name: account.name, platform: t(`platform.${account.platform}`) })}</label>
            </div>
          ))}
          {problemAt('mutedAccounts')}
        </fieldset>
        {text('slaWarningMinutes', t('settings.desktop.slaWarning'), 'number')}
      </fieldset>
      <fieldset>
        <legend>{t('settings.desktop.shortcut')}</legend>
        <p id={`${fieldId('globalShortcut')}-explain`} className="overlay-hint">
          {t('settings.desktop.shortcutExplain')}
        </p>
        <p className="desktop-shortcut">
          <kbd aria-live="polite">{recording ? t('settings.desktop.shortcutRecording') : (shown.globalShortcut ?? t('settings.desktop.shortcutOff'))}</kbd>
        </p>
        <button
          id={fieldId('globalShortcut')}
          type="button"
          aria-pressed={recording}
          aria-describedby={describedBy('globalShortcut', `${fieldId('globalShortcut')}-explain`)}
          onClick={() => setRecording(true)}
          onKeyDown={onShortcutKey}
          onBlur={() => setRecording(false)}
        >
          {t('settings.desktop.shortcutRecord')}
        </button>
        <button
          type="button"
          onClick={() => {
            setProblem(null);
            edit({ globalShortcut: null });
          }}
        >
          {t('settings.desktop.shortcutClear')}
        </button>
        {problemAt('globalShortcut')}
      </fieldset>
      <fieldset>
        <legend>{t('settings.desktop.updates')}</legend>
        {checkbox('updatesEnabled', t('settings.desktop.updatesOn'))}
        {text('updateUrl', t('settings.desktop.updateUrl'), 'url', t('settings.desktop.updateUrlExplain'))}
        {text('checkIntervalHours', t('settings.desktop.checkInterval'), 'number')}
      </fieldset>
      {checkbox('debugLogging', t('settings.desktop.debugLogging'), t('settings.desktop.debugLoggingWarning'))}
      <button type="submit">{t('settings.desktop.save')}</button>
      {/* Polite, not role=status: the keymap editor's notices are the dialog's status line. */}
      <p aria-live="polite" className="overlay-notice">
        {savedNotice ? t('settings.desktop.saved') : ''}
      </p>
      {problem?.field === null && (
        <p role="alert" className="overlay-error">
          {problem.text}
        </p>
      )}
    </form>
  );
}
