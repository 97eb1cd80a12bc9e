import { useEffect, useId, useState, type KeyboardEvent, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { ConversationSummary } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../i18n/useNow';
import type { ActionId } from '../../shared/keymap';
import { keyAction } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { itemAt } from './inboxPages';
import { InboxRow } from './InboxRow';
import { useViewportHeight } from './useViewportHeight';
import { ROW_HEIGHT, rowsPerPage, scrollToShow, visibleRange } from './windowing';

interface InboxListProps {
  listRef: RefObject<HTMLDivElement | null>;
  onOpen(item: ConversationSummary): void;
  onReply(item: ConversationSummary): void;
}

/**
 * The queue as a windowed listbox: only the rows in view (plus overscan) are
 * in the DOM, and only their pages are read. Focus stays on the listbox and
 * the selected row is announced through aria-activedescendant, so moving
 * through thousands of rows never moves DOM focus.
 */
export function InboxList({ listRef, onOpen, onReply }: InboxListProps) {
  const { t } = useI18n();
  const { inbox, conversation } = useSession();
  const pages = useStore(inbox.state);
  const openId = useStore(conversation.state, (s) => s.opened?.id ?? null);
  const now = useNow();
  const idPrefix = useId();
  const viewportHeight = useViewportHeight(listRef);
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState(0);

  const { first, last } = visibleRange(scrollTop, viewportHeight);
  useEffect(() => inbox.show(first, last), [inbox, first, last]);

  const count = pages.total ?? 0;
  // The selection is an index; when the queue shrinks under it, it settles on the new last row.
  const active = Math.min(selected, count - 1);
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  const select = (index: number) => {
    const next = Math.max(0, Math.min(index, count - 1));
    setSelected(next);
    const top = scrollToShow(next, scrollTop, viewportHeight);
    if (top === scrollTop) return;
    if (listRef.current) listRef.current.scrollTop = top;
    setScrollTop(top);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = keyAction(event.nativeEvent, 'list');
    if (action === 'pending') return event.preventDefault();
    const current = itemAt(pages, active);
    const handlers: Partial<Record<ActionId, () => void>> = {
      next: () => select(active + 1),
      previous: () => select(active - 1),
      pageDown: () => select(active + rowsPerPage(viewportHeight)),
      pageUp: () => select(active - rowsPerPage(viewportHeight)),
      first: () => select(0),
      last: () => select(count - 1),
      open: () => current && onOpen(current),
      reply: () => current && onReply(current),
    };
    const run = action === null || count === 0 ? undefined : handlers[action];
    if (!run) return;
    event.preventDefault();
    run();
  };

  const pick = (index: number) => {
    select(index);
    const item = itemAt(pages, index);
    if (item) onOpen(item);
  };

  const rows: number[] = [];
  for (let index = first; index <= Math.min(last, count - 1); index++) rows.push(index);
  // aria-activedescendant must name an element in the DOM, even when the agent has scrolled away from the selection.
  if (active >= 0 && !rows.includes(active)) rows.push(active);

  const emptyId = `${idPrefix}-empty`;
  const notice =
    pages.total === 0 ? t('inbox.empty') : pages.total === null && pages.error ? t('inbox.loadFailed', { reason: errorReason(pages.error, t) }) : null;

  return (
    <div className="inbox-body">
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        className="inbox-list"
        aria-label={t('inbox.label')}
        aria-activedescendant={active >= 0 ? rowId(active) : undefined}
        aria-describedby={notice === null ? undefined : emptyId}
        onKeyDown={onKeyDown}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div role="presentation" className="inbox-list-content" style={{ height: count * ROW_HEIGHT }}>
          {rows.map((index) => {
            const item = itemAt(pages, index);
            return (
              <InboxRow
                key={index}
                id={rowId(index)}
                index={index}
                setSize={count}
                item={item}
                selected={index === active}
                open={item !== undefined && item.id === openId}
                now={now}
                onPick={pick}
              />
            );
          })}
        </div>
      </div>
      {notice !== null && (
        <p id={emptyId} className="inbox-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
