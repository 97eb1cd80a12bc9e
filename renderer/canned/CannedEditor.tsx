import { useId, useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { flushSync } from 'react-dom';
import type { CannedReply, CannedReplyFields, Language } from '../../shared/domain';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n';
import { formatChord, parseChord } from '../../shared/keymap';
import { useI18n } from '../i18n/I18nProvider';
import { keyboardPlatform } from '../keyboard/keymap';
import { useSession } from '../session/SessionContext';
import { REPLY_FIELDS, refusalOf, type Refusal, type ReplyField } from './refusal';
import { VariableHelp } from './VariableHelp';

/** The form as typed: strings until saved. */
interface Draft {
  title: string;
  body: string;
  lang: Language | '';
  tags: string;
  shortcut: string;
}

const draftOf = (reply: CannedReply | null): Draft => ({
  title: reply?.title ?? '',
  body: reply?.body ?? '',
  lang: reply?.lang ?? '',
  tags: reply?.tags.join(', ') ?? '',
  shortcut: reply?.shortcut ?? '',
});

const sameDraft = (a: Draft, b: Draft) => REPLY_FIELDS.every((field) => a[field] === b[field]);

/** What the engine is asked to save; it trims, checks and refuses, so nothing is judged here. */
const fieldsOf = (draft: Draft): CannedReplyFields => ({
  title: draft.title,
  body: draft.body,
  lang: draft.lang === '' ? null : draft.lang,
  tags: draft.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== ''),
  // The composer's shortcuts are typed after ";": an agent may type it here too.
  shortcut: draft.shortcut.trim().replace(/^;/u, '') || null,
});

/** What the library asks of the open form when the agent closes the library (Esc on no field, a click outside). */
export interface EditorHandle {
  /** Runs `then` at once if nothing was changed; otherwise asks first, and runs it only if the agent throws the changes away. */
  leave(then: () => void): void;
}

interface CannedEditorProps {
  ref: Ref<EditorHandle>;
  /** The reply to edit; null writes a new one. */
  reply: CannedReply | null;
  /** What led here (a duplicate made), read out above the form. */
  notice: string;
  onSaved(reply: CannedReply): void;
  onBack(): void;
}

const isSaveKey = (event: KeyboardEvent) =>
  (event.code === 'Enter' || event.code === 'NumpadEnter') && (keyboardPlatform === 'mac' ? event.metaKey : event.ctrlKey) && !event.altKey && !event.shiftKey;

const saveChord = parseChord('Mod+Enter');
/** The save key as this platform writes it (Ctrl+Enter, ⌘Enter). */
const SAVE_KEY = saveChord.ok ? formatChord(saveChord.chord, keyboardPlatform) : '';

/**
 * The edit form of one canned reply. Mod+Enter (or Enter in a one-line field)
 * saves; the engine's refusals (a taken shortcut, an empty title, a tag with
 * ";") show next to their field, which takes focus. Esc goes back to the
 * list; closing the library goes through `leave` too, so text that was
 * changed is never thrown away without asking.
 */
export function CannedEditor({ ref, reply, notice, onSaved, onBack }: CannedEditorProps) {
  const { t } = useI18n();
  const { canned } = useSession();
  const [initial] = useState(() => draftOf(reply));
  const [draft, setDraft] = useState(initial);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  /** Set while asking whether to throw the changes away: what to do if the agent says yes. */
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const askedFrom = useRef<HTMLElement | null>(null);
  const id = useId();

  const leave = (then: () => void) => {
    if (sameDraft(draft, initial)) return then();
    askedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLeaving(() => then);
  };

  useImperativeHandle(ref, () => ({ leave }));

  const keepEditing = () => {
    setLeaving(null);
    askedFrom.current?.focus();
  };

  const save = () => {
    // One save at a time (a second Mod+Enter would create the reply twice); the button stays enabled so focus never falls off it.
    if (saving) return;
    setSaving(true);
    canned.save(fieldsOf(draft), reply?.id).then(onSaved, (error: unknown) => {
      const refused = refusalOf(error, t);
      // Shown before focus moves, so the field is announced with its error.
      flushSync(() => {
        setSaving(false);
        setRefusal(refused);
      });
      const first = REPLY_FIELDS.find((field) => refused.fields[field] !== undefined);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  const onFormKey = (event: KeyboardEvent<HTMLFormElement>) => {
    if (isSaveKey(event)) {
      event.preventDefault();
      return save();
    }
    if (event.key === 'Escape') {
      // Back to the list, not out of the library.
      event.preventDefault();
      leave(onBack);
    }
  };

  const onQuestionKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    keepEditing();
  };

  const set = (field: ReplyField) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setDraft((current) => ({ ...current, [field]: value }));
    // The field's refusal is about text that is no longer there.
    setRefusal((current) => current && { ...current, fields: { ...current.fields, [field]: undefined } });
  };

  const errorId = (field: ReplyField) => `${id}-${field}-error`;
  const fieldProps = (field: ReplyField) => ({
    id: `${id}-${field}`,
    value: draft[field],
    onChange: set(field),
    'aria-invalid': refusal?.fields[field] !== undefined || undefined,
    'aria-describedby': refusal?.fields[field] !== undefined ? errorId(field) : undefined,
  });

  const row = (field: ReplyField, label: string, control: ReactNode, note?: string) => (
    <div className={`canned-field canned-field-${field}`}>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      {control}
      {note && <p className="overlay-hint">{note}</p>}
      {refusal?.fields[field] !== undefined && (
        <p id={errorId(field)} className="overlay-error">
          {refusal.fields[field]}
        </p>
      )}
    </div>
  );

  const questionId = `${id}-question`;

  return (
    <>
      <h2 className="overlay-title">{reply ? t('canned.editTitle', { title: reply.title }) : t('canned.newTitle')}</h2>
      <p role="status" className="overlay-notice">
        {notice}
      </p>
      <form className="canned-form" aria-label={t('canned.form')} onSubmit={onSubmit} onKeyDown={onFormKey}>
        {row('title', t('canned.field.title'), <input {...fieldProps('title')} autoFocus dir="auto" />)}
        <div className="canned-body-row">
          {row('body', t('canned.field.body'), <textarea {...fieldProps('body')} rows={8} dir="auto" />)}
          <VariableHelp id={`${id}-variables`} />
        </div>
        {row(
          'lang',
          t('canned.field.lang'),
          <select {...fieldProps('lang')}>
            <option value="">{t('canned.anyLanguage')}</option>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {LANGUAGE_NAMES[lang]}
              </option>
            ))}
          </select>,
        )}
        {row('tags', t('canned.field.tags'), <input {...fieldProps('tags')} dir="auto" />, t('canned.field.tagsNote'))}
        {row('shortcut', t('canned.field.shortcut'), <input {...fieldProps('shortcut')} spellCheck={false} />, t('canned.field.shortcutNote'))}
        {refusal?.general && (
          <p role="alert" className="overlay-error">
            {t('canned.saveFailed', { reason: refusal.general })}
          </p>
        )}
        <div className="canned-buttons">
          <button type="submit">
            {t('canned.save')}
          </button>
          <button type="button" onClick={() => leave(onBack)}>
            {t('canned.back')}
          </button>
        </div>
        <p className="overlay-hint">{t('canned.formHint', { save: SAVE_KEY })}</p>
      </form>
      {leaving && (
        <div role="alertdialog" aria-labelledby={questionId} className="canned-question" onKeyDown={onQuestionKey}>
          <p id={questionId}>{t('canned.discardQuestion')}</p>
          <button
            type="button"
            autoFocus
            onClick={() => {
              setLeaving(null);
              leaving();
            }}
          >
            {t('canned.discard')}
          </button>
          <button type="button" onClick={keepEditing}>
            {t('canned.keepEditing')}
          </button>
        </div>
      )}
    </>
  );
}
