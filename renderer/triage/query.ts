import { ME, type ConversationSummary, type InboxFilter, type InboxSort, type View } from '../../shared/domain';

/** What the list shows: a view, narrowed by a filter, in an order. */
export interface TriageQuery {
  readonly view: View;
  readonly filter: InboxFilter;
  readonly sort: InboxSort;
}

export const DEFAULT_QUERY: TriageQuery = { view: 'needs_reply', filter: {}, sort: 'priority' };

/** The screen's copy of the engine's view rules (shared/domain.ts View), so an action can move an item at once. */
export function inView(view: View, item: ConversationSummary): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'needs_reply':
      return item.status === 'open';
    case 'mine':
      return item.assigneeId === ME && item.status !== 'closed';
    default:
      return item.status === view;
  }
}

export const matchesFilter = (filter: InboxFilter, item: ConversationSummary): boolean =>
  (filter.accountId === undefined || item.accountId === filter.accountId) &&
  (filter.platform === undefined || item.platform === filter.platform) &&
  (filter.kind === undefined || item.kind === filter.kind) &&
  (filter.tagId === undefined || item.tagIds.includes(filter.tagId)) &&
  (filter.lang === undefined || item.lang === filter.lang) &&
  (filter.sentiment === undefined || item.sentiment === filter.sentiment);

export const inQuery = (query: TriageQuery, item: ConversationSummary): boolean => inView(query.view, item) && matchesFilter(query.filter, item);

export const isOverdue = (item: ConversationSummary, now: number): boolean => item.slaDueAt !== null && item.slaDueAt <= now;
