import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { fillInFields } from '../../shared/canned/placeholders';
import type { CannedReply, Language } from '../../shared/domain';
import { LANGUAGE_NAMES } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useActiveOption } from '../overlays/useActiveOption';
import { errorReason } from '../rpc/errorReason';

/** A pause in typing before the library is asked; it answers from memory, so this only spares calls. */
const QUERY_DELAY_MS = 60;
const SHOWN = 30;

/** What the picker reads: the library, ranked by the engine, and a reply filled for a conversation. */
export interface CannedLibrary {
  list(query: string, lang: Language | null, limit: number): Promise<CannedReply[]>;
  render(id: string, conversationId: string): Promise<string>;
}

interface CannedPickerProps {
  library: CannedLibrary;
  conversationId: string;
  /** The customer's language: replies in it come first. */
  lang: Language | null;
  /** The reply chosen, filled for this conversation. */
  onInsert(reply: CannedReply, text: string): void;
  /**
   * Closed without choosing: `back` when the agent asked (Esc) and the text
   * should take focus again, not when focus went elsewhere; `typed` is a
   * character to put in the text instead (a `;` typed first).
   */
  onClose(back: boolean, typed?: string): void;
}

/** The text with its fill-in fields marked, for the preview. */
function Preview({ text }: { text: string }) {
  const parts = [];
  let copied = 0;
  for (const field of fillInFields(text)) {
    parts.push(text.slice(copied, field.start));
    parts.push(
      <mark key={field.start} className="canned-picker-preview-field">
        {text.slice(field.start, field.end)}
      </mark>,
    );
    copied = field.end;
  }
  parts.push(text.slice(copied));
  return <>{parts}</>;
}

/**
 * The canned-reply picker: fuzzy search over title, body and shortcut (the
 * engine ranks; the customer's language first), ↑/↓ to choose with a preview
 * of the reply filled for this customer, Enter to insert, Esc to go back to
 * the text. Focus stays in the search field throughout.
 */
export function CannedPicker({ library, conversationId, lang, onInsert, onClose }: CannedPickerProps) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [replies, setReplies] = useState<readonly CannedReply[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<{ id: string; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      library.list(query, lang, SHOWN).then(
        (found) => {
          if (!current) return;
          setReplies(found);
          setError(null);
        },
        (failure: unknown) => current && setError(failure),
      );
    }, QUERY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [library, query, lang]);

  const optionId = (index: number) => `${id}-canned-${index}`;
  const choose = (index: number) => {
    const reply = replies[index];
    if (!reply) return;
    library.render(reply.id, conversationId).then(
      (text) => onInsert(reply, text),
      (failure: unknown) => setError(failure),
    );
  };
  const { active, activeId, setActive, onKeyDown } = useActiveOption(replies.length, optionId, choose);
  const highlighted = active >= 0 ? replies[active] : undefined;

  // The preview is the reply as this customer would get it, so the agent sees the name and the fields before inserting.
  useEffect(() => {
    if (!highlighted) return;
    let current = true;
    library.render(highlighted.id, conversationId).then(
      (text) => current && setPreview({ id: highlighted.id, text }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [library, conversationId, highlighted]);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
      return;
    }
    // `;` on an empty search: the agent wanted the character, not the picker.
    if (event.key === ';' && query === '') {
      event.preventDefault();
      onClose(true, ';');
      return;
    }
    onKeyDown(event);
  };

  return (
    <div className="canned-picker" role="dialog" aria-label={t('canned.picker')}>
      <input
        className="canned-picker-search"
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={activeId}
        aria-label={t('canned.search')}
        placeholder={t('canned.search')}
        value={query}
        autoFocus
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onSearchKey}
        onBlur={(event) => {
          if (!event.currentTarget.closest('.canned-picker')?.contains(event.relatedTarget)) onClose(false);
        }}
      />
      <div className="canned-picker-body">
        <ul id={`${id}-list`} role="listbox" className="canned-picker-list" aria-label={t('canned.picker')}>
          {replies.map((reply, index) => (
            <li
              key={reply.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="canned-picker-option"
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              <span className="canned-picker-title" dir="auto">
                {reply.title}
              </span>
              {reply.shortcut && <span className="canned-picker-shortcut">;{reply.shortcut}</span>}
              <span className="canned-picker-lang">{reply.lang ? LANGUAGE_NAMES[reply.lang] : t('canned.anyLanguage')}</span>
            </li>
          ))}
        </ul>
        <section className="canned-picker-preview" aria-label={t('canned.preview')} aria-live="polite" dir="auto">
          {highlighted && <Preview text={preview?.id === highlighted.id ? preview.text : highlighted.body} />}
        </section>
      </div>
      {error !== null && (
        <p role="alert" className="reply-error">
          {t('canned.loadFailed', { reason: errorReason(error, t) })}
        </p>
      )}
      {replies.length === 0 && error === null && query !== '' && <p className="canned-picker-none">{t('canned.none', { query })}</p>}
      <p className="keys-hint">{t('canned.pickerHint')}</p>
    </div>
  );
}
