import type { ConversationSummary } from '../../shared/domain';
import { PAGE_SIZE, type InboxPagesState } from '../inbox/inboxPages';
import { appliesTo, patched, type Patch } from './patches';
import { inQuery, type TriageQuery } from './query';

/** The list as the agent sees it: the engine's pages with the agent's pending actions laid over them. */
export interface VisibleList {
  /** Null until the engine has answered once. */
  readonly total: number | null;
  /** Row → conversation, for the rows whose pages are read. */
  readonly rows: ReadonlyMap<number, ConversationSummary>;
  readonly indexOf: ReadonlyMap<string, number>;
  /** Rows of the read pages that pending actions took out: the pages after them must be read that much further. */
  readonly hidden: number;
}

export const EMPTY_LIST: VisibleList = { total: null, rows: new Map(), indexOf: new Map(), hidden: 0 };

interface Insertion {
  readonly item: ConversationSummary;
  readonly position: number;
}

/**
 * Conversations an undo brings back that the pages (read before the undo was
 * confirmed) do not hold: they go back where they stood.
 */
function returning(pages: InboxPagesState, patches: readonly Patch[], query: TriageQuery, present: ReadonlySet<string>): Insertion[] {
  const found = new Map<string, Insertion>();
  patches.forEach((patch, index) => {
    if (!appliesTo(patch, pages.totalReadAt)) return;
    for (const [id, position] of patch.positions) {
      const was = patch.before.get(id);
      if (!was || present.has(id)) continue;
      const item = patched(was, patches.slice(index), pages.totalReadAt);
      if (inQuery(query, item)) found.set(id, { item, position });
      else found.delete(id);
    }
  });
  return [...found.values()].sort((a, b) => a.position - b.position);
}

/**
 * Lays the patches over the pages: a patched item that no longer belongs to
 * the query leaves (the rows after it move up), an undone one comes back.
 * Costs one pass over the cached pages (a few thousand items at most) and runs
 * when the pages or the patches change, never on a cursor move. Items no patch
 * touches keep their identity, so their rows do not re-render.
 */
export function visibleList(pages: InboxPagesState, patches: readonly Patch[], query: TriageQuery): VisibleList {
  if (pages.total === null) return EMPTY_LIST;
  const present = new Set<string>();
  for (const items of pages.pages.values()) for (const item of items) present.add(item.id);
  const insertions = patches.length === 0 ? [] : returning(pages, patches, query, present);
  const rows = new Map<number, ConversationSummary>();
  const indexOf = new Map<string, number>();
  let hidden = 0;
  let hiddenFromTotal = 0;
  let inserted = 0;
  const place = (item: ConversationSummary, row: number) => {
    rows.set(row, item);
    indexOf.set(item.id, row);
  };

  for (const page of [...pages.pages.keys()].sort((a, b) => a - b)) {
    const readAt = pages.readAt.get(page) ?? 0;
    pages.pages.get(page)!.forEach((original, offset) => {
      const item = patches.length === 0 ? original : patched(original, patches, readAt);
      if (!inQuery(query, item)) {
        hidden++;
        // The total may come from a newer read that already left it out.
        if (!inQuery(query, patched(original, patches, pages.totalReadAt))) hiddenFromTotal++;
        return;
      }
      let row = page * PAGE_SIZE + offset - hidden + inserted;
      while (insertions.length > 0 && insertions[0]!.position <= row) {
        place(insertions.shift()!.item, row++);
        inserted++;
      }
      place(item, row);
    });
  }
  for (const { item, position } of insertions) {
    if (!rows.has(position)) place(item, position);
    inserted++;
  }
  return { total: Math.max(0, pages.total - hiddenFromTotal + inserted), rows, indexOf, hidden };
}
