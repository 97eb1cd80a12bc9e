import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSummary } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import type { TriageQuery } from '../triage/query';
import { nextTick } from '../triage/readTicks';

export const PAGE_SIZE = 50;
/** Pages kept beyond the visible ones; enough to scroll back and forth without re-reading. */
const MAX_CACHED_PAGES = 24;

export interface InboxPagesState {
  /** Null until the engine has answered once. */
  total: number | null;
  pages: ReadonlyMap<number, readonly ConversationSummary[]>;
  /** page → the tick (triage/readTicks.ts) its read started at: what it already includes. */
  readAt: ReadonlyMap<number, number>;
  /** The tick of the read `total` came from. */
  totalReadAt: number;
  /** The last failed read, cleared by the next good one. */
  error: unknown;
}

export interface InboxPages {
  state: StoreApi<InboxPagesState>;
  /** The rows the list can show now (inclusive); reads the pages under them that are missing or stale. */
  show(first: number, last: number): void;
  /** The engine said the inbox changed: re-read what is visible, keep the rest until it is scrolled to. */
  refresh(): void;
  /** Another view, filter or sort: what was read no longer applies. */
  setQuery(query: TriageQuery): void;
}

export const itemAt = (state: InboxPagesState, index: number): ConversationSummary | undefined =>
  state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

/**
 * A page cache over `inbox.list`: the list asks for a window of rows and only
 * the pages under that window are read. Stale pages stay on screen until their
 * re-read lands (no blank flash), and at most one read per page is in flight,
 * so a burst of `inbox.changed` during a backfill costs one re-read per page,
 * not one per event.
 */
const EMPTY: InboxPagesState = { total: null, pages: new Map(), readAt: new Map(), totalReadAt: 0, error: null };

export function createInboxPages(client: Client, initial: TriageQuery): InboxPages {
  const state = createStore<InboxPagesState>(() => EMPTY);
  let query = initial;
  let generation = 0;
  /** page → generation its items were read at. */
  const readAt = new Map<number, number>();
  const inFlight = new Set<number>();
  let window = { first: 0, last: 0 };

  const visiblePages = (): number[] => {
    const { total } = state.getState();
    const last = total === null ? window.last : Math.min(window.last, Math.max(total - 1, 0));
    const pages: number[] = [];
    for (let page = Math.floor(window.first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) pages.push(page);
    return pages;
  };

  const evict = (pages: Map<number, readonly ConversationSummary[]>, ticks: Map<number, number>, keep: readonly number[]) => {
    const centre = keep[0] ?? 0;
    const evictable = [...pages.keys()].filter((page) => !keep.includes(page)).sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    while (pages.size > MAX_CACHED_PAGES + keep.length && evictable.length > 0) {
      const page = evictable.shift()!;
      pages.delete(page);
      ticks.delete(page);
      readAt.delete(page);
    }
  };

  const read = (page: number) => {
    inFlight.add(page);
    const asked = generation;
    const askedQuery = query;
    const tick = nextTick();
    client.call('inbox.list', { ...askedQuery, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      ({ total, items }) => {
        if (askedQuery !== query) return;
        inFlight.delete(page);
        readAt.set(page, asked);
        const current = state.getState();
        const pages = new Map(current.pages).set(page, items);
        const ticks = new Map(current.readAt).set(page, tick);
        // Reads can land out of order: the total of an older one must not replace a newer one's.
        const newer = tick >= current.totalReadAt;
        evict(pages, ticks, visiblePages());
        state.setState({ pages, readAt: ticks, error: null, ...(newer ? { total, totalReadAt: tick } : {}) });
        // Changes that arrived while this read was out make it stale already.
        load();
      },
      (error: unknown) => {
        if (askedQuery !== query) return;
        // No retry here: a failed read waits for the next refresh (a change or a reconnect), so an offline engine is not hammered.
        inFlight.delete(page);
        state.setState({ error });
      },
    );
  };

  const load = () => {
    for (const page of visiblePages()) {
      if (!inFlight.has(page) && (readAt.get(page) ?? -1) < generation) read(page);
    }
  };

  return {
    state,
    show(first, last) {
      window = { first: Math.max(0, first), last: Math.max(0, last) };
      load();
    },
    refresh() {
      generation++;
      load();
    },
    setQuery(next) {
      query = next;
      generation++;
      readAt.clear();
      inFlight.clear();
      state.setState(EMPTY);
      load();
    },
  };
}
