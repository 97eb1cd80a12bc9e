import { useId, useState, type FormEvent } from 'react';
import { CannedRepeatLimit, UndoWindowMs } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';

/** The fields as typed; null shows what is saved. */
interface Typed {
  undoSeconds: string;
  repeatLimit: string;
}

type Notice = { role: 'status' | 'alert'; text: string } | null;

/** A whole number as typed, or NaN: "", "-1", "1e3" and "５" are not what the field asks for. */
const wholeNumber = (text: string): number => (/^\s*\d{1,6}\s*$/u.test(text) ? Number(text) : Number.NaN);

/** Seconds as typed, in ms; a fraction is allowed, as the engine keeps milliseconds (2.5 s saved elsewhere shows as 2.5). */
const secondsToMs = (text: string): number => (/^\s*\d{1,3}(?:\.\d{1,3})?\s*$/u.test(text) ? Math.round(Number(text) * 1000) : Number.NaN);

/**
 * The Replies section of settings: how long a sent reply can still be undone
 * (in seconds; 0 sends at once), and after how many customers in 24 hours an
 * unchanged canned reply is flagged. Checked here against the contract's own
 * bounds, so a bad value gets a message in the agent's language before the
 * engine (which checks again) is asked. The composer's countdown needs nothing
 * from here: each queued reply carries the moment it goes out.
 */
export function ReplySettingsForm({ undoWindowMs, cannedRepeatLimit }: { undoWindowMs: number; cannedRepeatLimit: number }) {
  const { t } = useI18n();
  const { settings } = useSession();
  const [typed, setTyped] = useState<Typed | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [invalid, setInvalid] = useState<keyof Typed | null>(null);
  const id = useId();
  const shown: Typed = typed ?? { undoSeconds: String(undoWindowMs / 1000), repeatLimit: String(cannedRepeatLimit) };

  const refuse = (field: keyof Typed, text: string) => {
    setInvalid(field);
    setNotice({ role: 'alert', text });
    document.getElementById(`${id}-${field}`)?.focus();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const undo = UndoWindowMs.safeParse(secondsToMs(shown.undoSeconds));
    if (!undo.success) return refuse('undoSeconds', t('settings.replies.undoInvalid'));
    const limit = CannedRepeatLimit.safeParse(wholeNumber(shown.repeatLimit));
    if (!limit.success) return refuse('repeatLimit', t('settings.replies.repeatInvalid'));
    setInvalid(null);
    settings.saveReplySettings({ undoWindowMs: undo.data, cannedRepeatLimit: limit.data }).then(
      () => {
        setTyped(null);
        setNotice({ role: 'status', text: t('settings.replies.saved') });
      },
      (error: unknown) => setNotice({ role: 'alert', text: t('settings.replies.refused', { reason: errorReason(error, t) }) }),
    );
  };

  const field = (name: keyof Typed, label: string, explain: string, max: number, step: number | 'any') => (
    <div className="reply-setting">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={step}
        value={shown[name]}
        aria-invalid={invalid === name || undefined}
        aria-describedby={`${id}-${name}-explain`}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setTyped({ ...shown, [name]: value });
        }}
      />
      <p id={`${id}-${name}-explain`} className="overlay-hint">
        {explain}
      </p>
    </div>
  );

  return (
    <form className="reply-settings" onSubmit={save}>
      {field('undoSeconds', t('settings.replies.undo'), t('settings.replies.undoExplain'), UndoWindowMs.maxValue! / 1000, 'any')}
      {field('repeatLimit', t('settings.replies.repeat'), t('settings.replies.repeatExplain'), CannedRepeatLimit.maxValue!, 1)}
      <button type="submit">{t('settings.replies.save')}</button>
      {/* Polite, not role=status: the keymap editor's notices are the dialog's status line. */}
      <p aria-live="polite" className="overlay-notice">
        {notice?.role === 'status' ? notice.text : ''}
      </p>
      {notice?.role === 'alert' && (
        <p role="alert" className="overlay-error">
          {notice.text}
        </p>
      )}
    </form>
  );
}
