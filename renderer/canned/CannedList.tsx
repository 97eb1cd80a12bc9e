import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { CannedReply } from '../../shared/domain';
import { LANGUAGE_NAMES, type Translator } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { MAX_QUERY_LENGTH, SHOWN_REPLIES, type CannedFileFormat } from './cannedLibraryStore';
import { EXPORT_FILE_NAMES, downloadFile } from './libraryFiles';

interface CannedListProps {
  /** The reply to highlight once it is listed (the one just saved or left). */
  highlight: string | null;
  notice: string;
  onNotice(text: string): void;
  /** Opens the form on a reply, or on a new one (null); `said` is what led there. */
  onEdit(reply: CannedReply | null, said?: string): void;
  onImport(): void;
}

/**
 * Where the highlight is: on a reply, so it stays on it when the list is
 * re-read around it (an import, another window); where that reply went, its
 * row, so after a delete the next reply is highlighted.
 */
interface Cursor {
  id: string | null;
  index: number;
}

const languageName = (reply: CannedReply, t: Translator) => (reply.lang ? LANGUAGE_NAMES[reply.lang] : t('canned.anyLanguage'));

/** What a screen reader says for a row: the parts the screen shows side by side, with words between them. */
function rowLabel(reply: CannedReply, t: Translator): string {
  const parts = [reply.title, languageName(reply, t)];
  if (reply.shortcut) parts.push(t('canned.rowShortcut', { shortcut: reply.shortcut }));
  if (reply.tags.length > 0) parts.push(t('canned.rowTags', { tags: reply.tags.join(', ') }));
  return parts.join(', ');
}

/** Alt with a letter, as the tag picker's own keys are: the search field keeps every plain key for typing. */
const altKey = (event: KeyboardEvent, ...codes: string[]) => event.altKey && !event.ctrlKey && !event.metaKey && codes.includes(event.code);

/**
 * The library's list: a search field that filters as the agent types (the
 * engine ranks), ↑/↓ to choose, Enter to edit, Alt+N new, Alt+D duplicate,
 * Alt+Delete delete (asked first), Alt+I import. Focus stays in the search
 * field; the buttons below do the same for Tab and the mouse.
 */
export function CannedList({ highlight, notice, onNotice, onEdit, onImport }: CannedListProps) {
  const { t } = useI18n();
  const { canned } = useSession();
  const query = useStore(canned.state, (state) => state.query);
  const replies = useStore(canned.state, (state) => state.replies);
  const more = useStore(canned.state, (state) => state.more);
  const readError = useStore(canned.state, (state) => state.error);
  const [cursor, setCursor] = useState<Cursor>({ id: highlight, index: 0 });
  const [deleting, setDeleting] = useState<CannedReply | null>(null);
  const [failure, setFailure] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const idPrefix = useId();

  const found = cursor.id === null ? -1 : replies.findIndex((reply) => reply.id === cursor.id);
  const active = replies.length === 0 ? -1 : found >= 0 ? found : Math.min(cursor.index, replies.length - 1);
  const current = active >= 0 ? replies[active] : undefined;
  const optionId = (index: number) => `${idPrefix}-reply-${index}`;
  const activeId = active >= 0 ? optionId(active) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const moveTo = (index: number) => {
    const reply = replies[index];
    if (reply) setCursor({ id: reply.id, index });
  };

  const failed = (what: string) => (error: unknown) => setFailure(t('canned.actionFailed', { action: what, reason: errorReason(error, t) }));

  const duplicate = (reply: CannedReply) => {
    setFailure('');
    canned.duplicate(reply.id).then((copy) => onEdit(copy, t('canned.duplicated', { title: copy.title })), failed(t('canned.duplicate')));
  };

  const askDelete = (reply: CannedReply) => {
    setFailure('');
    setDeleting(reply);
  };

  const endDelete = () => {
    setDeleting(null);
    // The question's buttons go: focus comes back to the field the keys work in.
    search.current?.focus();
  };

  const confirmDelete = (reply: CannedReply) => {
    endDelete();
    // Once the reply is gone from the list, the row it was on stays highlighted: the next reply.
    setCursor({ id: null, index: active });
    canned.remove(reply.id).then(() => onNotice(t('canned.deleted', { title: reply.title })), failed(t('canned.delete')));
  };

  const exportAs = (format: CannedFileFormat) => {
    setFailure('');
    canned.exportFile(format).then((content) => {
      downloadFile(format, content);
      onNotice(t('canned.exported', { file: EXPORT_FILE_NAMES[format] }));
    }, failed(t(format === 'json' ? 'canned.exportJson' : 'canned.exportCsv')));
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const run = (action: () => void) => {
      event.preventDefault();
      action();
    };
    if (event.key === 'ArrowDown') return run(() => moveTo(Math.min(active + 1, replies.length - 1)));
    if (event.key === 'ArrowUp') return run(() => moveTo(Math.max(active - 1, 0)));
    if (event.key === 'Enter' && current) return run(() => onEdit(current));
    if (altKey(event, 'KeyN')) return run(() => onEdit(null));
    if (altKey(event, 'KeyI')) return run(onImport);
    if (altKey(event, 'KeyD') && current) return run(() => duplicate(current));
    // Alt+Backspace too: a Mac laptop has no Delete key.
    if (altKey(event, 'Delete', 'Backspace') && current) return run(() => askDelete(current));
  };

  const onQuestionKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    // Esc answers "keep it" rather than closing the library.
    event.preventDefault();
    endDelete();
  };

  const listId = `${idPrefix}-list`;
  const questionId = `${idPrefix}-question`;

  return (
    <>
      <h2 className="overlay-title">{t('canned.library')}</h2>
      <input
        ref={search}
        role="combobox"
        aria-label={t('canned.search')}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={`${idPrefix}-hint`}
        placeholder={t('canned.search')}
        autoFocus
        className="overlay-input"
        maxLength={MAX_QUERY_LENGTH}
        value={query}
        onChange={(event) => {
          canned.setQuery(event.currentTarget.value);
          setCursor({ id: null, index: 0 });
        }}
        onKeyDown={onSearchKey}
      />
      <ul id={listId} role="listbox" aria-label={t('canned.libraryList')} className="overlay-options canned-rows">
        {replies.map((reply, index) => (
          <li
            key={reply.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            aria-label={rowLabel(reply, t)}
            className="overlay-option canned-row"
            // The field keeps focus, where the keys work.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onEdit(reply)}
          >
            <span className="canned-row-title" dir="auto">
              {reply.title}
            </span>
            <span className="canned-row-details">
              <span>{languageName(reply, t)}</span>
              {reply.shortcut && <span className="canned-shortcut">;{reply.shortcut}</span>}
              {reply.tags.length > 0 && (
                <span className="canned-row-tags" dir="auto">
                  {reply.tags.join(', ')}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {replies.length === 0 && readError === null && <p className="overlay-notice">{query === '' ? t('canned.libraryEmpty') : t('canned.none', { query })}</p>}
      {more && <p className="overlay-notice">{t('canned.more', { count: SHOWN_REPLIES })}</p>}
      {readError !== null && (
        <p role="alert" className="overlay-error">
          {t('canned.loadFailed', { reason: errorReason(readError, t) })}
        </p>
      )}
      {deleting && (
        <div role="alertdialog" aria-labelledby={questionId} className="canned-question" onKeyDown={onQuestionKey}>
          <p id={questionId}>{t('canned.deleteQuestion', { title: deleting.title })}</p>
          <button type="button" autoFocus onClick={() => confirmDelete(deleting)}>
            {t('canned.delete')}
          </button>
          <button type="button" onClick={endDelete}>
            {t('canned.keep')}
          </button>
        </div>
      )}
      <div className="canned-buttons" role="group" aria-label={t('canned.actions')}>
        <button type="button" aria-keyshortcuts="Alt+N" onClick={() => onEdit(null)}>
          {t('canned.new')}
        </button>
        <button type="button" aria-keyshortcuts="Enter" disabled={!current} onClick={() => current && onEdit(current)}>
          {t('canned.edit')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+D" disabled={!current} onClick={() => current && duplicate(current)}>
          {t('canned.duplicate')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+Delete" disabled={!current} onClick={() => current && askDelete(current)}>
          {t('canned.delete')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+I" onClick={onImport}>
          {t('canned.import')}
        </button>
        <button type="button" onClick={() => exportAs('json')}>
          {t('canned.exportJson')}
        </button>
        <button type="button" onClick={() => exportAs('csv')}>
          {t('canned.exportCsv')}
        </button>
      </div>
      <p role="status" className="overlay-notice">
        {notice}
      </p>
      {failure !== '' && (
        <p role="alert" className="overlay-error">
          {failure}
        </p>
      )}
      <p id={`${idPrefix}-hint`} className="overlay-hint">
        {t('canned.libraryHint')}
      </p>
    </>
  );
}
