import { useCallback, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import type { SearchHit, SearchIgnored } from '../../../shared/domain';
import type { Translator } from '../../../shared/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { errorReason } from '../../rpc/errorReason';
import { useSession } from '../../session/SessionContext';
import { Dialog } from '../Dialog';
import { hideOverlay } from '../overlayStore';
import { useActiveOption } from '../useActiveOption';
import { MAX_QUERY_LENGTH } from './searchStore';
import { Snippet } from './Snippet';

const ignoredText = (ignored: SearchIgnored, t: Translator) => t(`search.ignored.${ignored.reason}`, { token: ignored.token });

/** Names and snippets are strangers' text: React text only, each in its own bidi isolate, so a U+202E cannot reorder the row. */
function HitOption({ hit, id, selected, date, onPick }: { hit: SearchHit; id: string; selected: boolean; date: string; onPick(): void }) {
  const { t } = useI18n();
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className="overlay-option search-hit"
      // A click must not take focus from the search box, where the keys work.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
    >
      <span className="search-hit-head">
        <span className="search-hit-name" dir="auto">
          {hit.contactName}
        </span>
        <span className="search-hit-meta">
          {[t(`platform.${hit.platform}`), t(`kind.${hit.kind}`), t(`search.status.${hit.status}`)].join(' · ')}
        </span>
        <time className="search-hit-date" dateTime={new Date(hit.createdAt).toISOString()}>
          {date}
        </time>
      </span>
      <Snippet text={hit.snippet} />
    </li>
  );
}

/** `/`: full-text search over every message, with the engine's filter syntax; Enter opens the conversation. */
export function SearchPanel({ onOpenConversation }: { onOpenConversation(conversationId: string): void }) {
  const { t, lang } = useI18n();
  const { search } = useSession();
  const { query, answered, hits, ignored, error } = useStore(search.state);
  const idPrefix = useId();
  const dates = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }), [lang]);

  const open = (index: number) => {
    const hit = hits[index];
    if (hit === undefined) return;
    hideOverlay();
    onOpenConversation(hit.conversationId);
  };
  const optionId = useCallback((index: number) => `${idPrefix}-hit-${index}`, [idPrefix]);
  const { active, activeId, setActive, onKeyDown } = useActiveOption(hits.length, optionId, open);
  const listId = `${idPrefix}-hits`;

  return (
    <Dialog label={t('search.title')} className="search">
      <input
        type="search"
        aria-label={t('search.input')}
        aria-controls={listId}
        aria-activedescendant={activeId}
        placeholder={t('search.placeholder')}
        maxLength={MAX_QUERY_LENGTH}
        autoFocus
        // Back to the last search, ready to be typed over.
        onFocus={(event) => event.currentTarget.select()}
        className="overlay-input"
        value={query}
        onChange={(event) => {
          search.setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="overlay-hint">{t('search.syntax')}</p>
      {ignored.length > 0 && (
        <ul className="search-ignored">
          {ignored.map((entry) => (
            <li key={entry.token}>{ignoredText(entry, t)}</li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p role="alert" className="overlay-error">
          {t('search.failed', { reason: errorReason(error, t) })}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="overlay-options">
        {hits.map((hit, index) => (
          <HitOption key={hit.messageId} hit={hit} id={optionId(index)} selected={index === active} date={dates.format(hit.createdAt)} onPick={() => open(index)} />
        ))}
      </ul>
      <p role="status" className="overlay-notice">
        {answered === '' ? '' : hits.length === 0 ? t('search.empty') : t('search.count', { count: hits.length })}
      </p>
      <p className="overlay-hint">{t('search.hint')}</p>
    </Dialog>
  );
}
