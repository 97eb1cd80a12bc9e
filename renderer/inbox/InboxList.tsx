import { useEffect, useEffectEvent, useId, useImperativeHandle, useState, type KeyboardEvent, type MouseEvent, type Ref, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { ConversationSummary } from '../../shared/domain';
import type { ActionId } from '../../shared/keymap';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../i18n/useNow';
import { keyAction } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { NO_SELECTION } from '../triage/selection';
import { InboxRow } from './InboxRow';
import { useViewportHeight } from './useViewportHeight';
import { ROW_HEIGHT, rowsPerPage, scrollToShow, visibleRange } from './windowing';

/** What the list does for the actions that are about the list itself (moving, opening, checking). */
export interface InboxListHandle {
  /** Runs a list action; false when it is not one (or there is nothing to act on). */
  run(action: ActionId): boolean;
}

interface InboxListProps {
  listRef: RefObject<HTMLDivElement | null>;
  handleRef: Ref<InboxListHandle>;
  onOpen(item: ConversationSummary): void;
  onReply(item: ConversationSummary): void;
}

/**
 * The queue as a windowed listbox: only the rows in view (plus overscan) are
 * in the DOM, and only their pages are read. Focus stays on the listbox and
 * the row under the cursor is announced through aria-activedescendant, so
 * moving through thousands of rows never moves DOM focus. Rows checked with
 * `x` carry aria-checked; keys for actions on them bubble up to the workspace.
 */
export function InboxList({ listRef, handleRef, onOpen, onReply }: InboxListProps) {
  const { t } = useI18n();
  const { triage, conversation } = useSession();
  const shown = useStore(triage.list);
  const cursor = useStore(triage.cursor, (s) => s.index);
  const { checked } = useStore(triage.selection);
  const hasFilter = useStore(triage.query, (s) => Object.keys(s.filter).length > 0);
  const view = useStore(triage.query, (s) => s.view);
  const loadError = useStore(triage.pages.state, (s) => s.error);
  const { tagById, agentById } = useStore(triage.directory.state);
  const openId = useStore(conversation.state, (s) => s.opened?.id ?? null);
  const now = useNow();
  const idPrefix = useId();
  const viewportHeight = useViewportHeight(listRef);
  const [scrollTop, setScrollTop] = useState(0);

  const { first, last } = visibleRange(scrollTop, viewportHeight);
  // Rows closed a moment ago are still in the pages until the engine's re-read: read as far past them as they reach.
  useEffect(() => triage.pages.show(first, last + shown.hidden), [triage, first, last, shown.hidden]);

  const count = shown.total ?? 0;
  // The cursor is an index; when the queue shrinks under it, it settles on the new last row.
  const active = Math.min(cursor, count - 1);
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  // An action moved the cursor (close selects the next row): bring it into view. Measured against the
  // scroll position React knows, not the element's, so a key press never forces a layout; the scroll event updates it.
  const keepInView = useEffectEvent((index: number) => {
    const top = scrollToShow(index, scrollTop, viewportHeight);
    if (index >= 0 && top !== scrollTop && listRef.current) listRef.current.scrollTop = top;
  });
  useEffect(() => keepInView(active), [active]);

  const select = (index: number) => {
    const next = Math.max(0, Math.min(index, count - 1));
    triage.moveCursor(next);
    const top = scrollToShow(next, scrollTop, viewportHeight);
    if (top === scrollTop) return;
    if (listRef.current) listRef.current.scrollTop = top;
    setScrollTop(top);
  };

  const run = (action: ActionId): boolean => {
    const current = shown.rows.get(active);
    const handlers: Partial<Record<ActionId, () => void>> = {
      next: () => select(active + 1),
      previous: () => select(active - 1),
      pageDown: () => select(active + rowsPerPage(viewportHeight)),
      pageUp: () => select(active - rowsPerPage(viewportHeight)),
      first: () => select(0),
      last: () => select(count - 1),
      open: () => current && onOpen(current),
      reply: () => current && onReply(current),
      select: () => triage.toggleChecked(),
      selectRange: () => triage.checkRange(),
    };
    // Esc with rows checked clears them; without, it is the workspace's "back".
    if (action === 'back' && checked.size > 0) handlers.back = () => triage.selection.setState(NO_SELECTION, true);
    const handler = count === 0 ? undefined : handlers[action];
    handler?.();
    return handler !== undefined;
  };
  useImperativeHandle(handleRef, () => ({ run }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = keyAction(event.nativeEvent, 'list');
    if (action === 'pending') return event.preventDefault();
    if (action !== null && run(action)) event.preventDefault();
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest('[data-index]');
    if (!row) return;
    const index = Number(row.getAttribute('data-index'));
    select(index);
    const item = shown.rows.get(index);
    if (item) onOpen(item);
  };

  const rows: number[] = [];
  for (let index = first; index <= Math.min(last, count - 1); index++) rows.push(index);
  // aria-activedescendant must name an element in the DOM, even when the agent has scrolled away from the cursor.
  if (active >= 0 && !rows.includes(active)) rows.push(active);

  const emptyId = `${idPrefix}-empty`;
  const empty = hasFilter ? t('views.emptyFiltered') : view === 'needs_reply' ? t('inbox.empty') : t('views.empty');
  const notice = shown.total === 0 ? empty : shown.total === null && loadError ? t('inbox.loadFailed', { reason: errorReason(loadError, t) }) : null;

  return (
    <div className="inbox-body">
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        className="inbox-list"
        aria-label={t('inbox.label')}
        aria-multiselectable="true"
        aria-activedescendant={active >= 0 ? rowId(active) : undefined}
        aria-describedby={notice === null ? undefined : emptyId}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div role="presentation" className="inbox-list-content" style={{ height: count * ROW_HEIGHT }}>
          {rows.map((index) => {
            const item = shown.rows.get(index);
            return (
              <InboxRow
                key={index}
                id={rowId(index)}
                index={index}
                setSize={count}
                item={item}
                selected={index === active}
                checked={item !== undefined && checked.has(item.id)}
                open={item !== undefined && item.id === openId}
                now={now}
                tagById={tagById}
                assignee={item?.assigneeId == null ? undefined : agentById.get(item.assigneeId)}
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
