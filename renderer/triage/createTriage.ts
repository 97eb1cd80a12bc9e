import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationAction, ConversationSummary, InboxFilter, InboxSort, View } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import { createInboxPages, type InboxPages } from '../inbox/inboxPages';
import { applyAction, restoreTriageFields } from './applyAction';
import { createCountsStore, type CountsStore } from './countsStore';
import { createDirectoryStore, type DirectoryStore } from './directoryStore';
import { createPatches, type Patch, type Patches } from './patches';
import { DEFAULT_QUERY, type TriageQuery } from './query';
import { nextTick } from './readTicks';
import { NO_SELECTION, toggled, withRange, type SelectionState } from './selection';
import { EMPTY_LIST, visibleList, type VisibleList } from './visibleList';

/** Undo can be pressed again and again, back through this many actions. */
const UNDO_DEPTH = 10;
/** How far below the cursor "the next item" is looked for among read rows. */
const NEXT_LOOKAHEAD = 200;

/** What the last action did, for the toast; the words are the component's. */
export type Done =
  | { readonly kind: 'acted'; readonly action: ConversationAction; readonly count: number; readonly seq: number }
  | { readonly kind: 'undone'; readonly count: number; readonly seq: number };

export type Failure = { readonly kind: 'act' | 'undo' | 'directory'; readonly error: unknown; readonly seq: number };

export interface NoticesState {
  done: Done | null;
  failure: Failure | null;
}

interface UndoEntry {
  readonly ids: readonly string[];
  /** Null when the action itself failed: there is nothing to undo. */
  readonly token: Promise<string | null>;
  readonly before: ReadonlyMap<string, ConversationSummary>;
  /** As the action left them: how an undone conversation that is no longer on screen is taken to look now. */
  readonly after: ReadonlyMap<string, ConversationSummary>;
  readonly positions: ReadonlyMap<string, number>;
}

export interface Triage {
  query: StoreApi<TriageQuery>;
  pages: InboxPages;
  patches: Patches;
  /** The list as shown: pages with pending actions laid over them. */
  list: StoreApi<VisibleList>;
  counts: CountsStore;
  directory: DirectoryStore;
  /** The row under the cursor. */
  cursor: StoreApi<{ index: number }>;
  selection: StoreApi<SelectionState>;
  notices: StoreApi<NoticesState>;
  setView(view: View): void;
  setFilter(filter: InboxFilter): void;
  setSort(sort: InboxSort): void;
  moveCursor(index: number): void;
  /** A conversation as shown: from the list, else the one open in the conversation pane. */
  summaryOf(id: string): ConversationSummary | undefined;
  /** The conversations an action from the list applies to: the checked ones, else the one under the cursor. */
  targets(): string[];
  toggleChecked(): void;
  checkRange(): void;
  act(ids: readonly string[], action: ConversationAction): void;
  undo(): void;
  /** Re-reads the list and the counts (a reconnect, new settings). */
  refresh(): void;
  /** The engine said these conversations changed: actions on them are in, and what is on screen is re-read. */
  changed(ids: readonly string[]): void;
  failed(kind: Failure['kind'], error: unknown): void;
}

/**
 * The triage inbox: which view, filter and sort; the list and counts as shown;
 * the cursor and the checked rows; and actions, applied on screen at once and
 * sent to the engine, which confirms (the next read includes them) or refuses
 * (they are taken back and the reason shown). `lookup` finds a conversation
 * that is not in the list (the one open from a search) so it can be acted on.
 */
export function createTriage(client: Client, lookup: (id: string) => ConversationSummary | undefined): Triage {
  const query = createStore<TriageQuery>(() => DEFAULT_QUERY);
  const pages = createInboxPages(client, DEFAULT_QUERY);
  const patches = createPatches();
  const list = createStore<VisibleList>(() => EMPTY_LIST);
  const counts = createCountsStore(client);
  const directory = createDirectoryStore(client);
  const cursor = createStore(() => ({ index: 0 }));
  const selection = createStore<SelectionState>(() => NO_SELECTION);
  const notices = createStore<NoticesState>(() => ({ done: null, failure: null }));
  const undoStack: UndoEntry[] = [];
  let seq = 0;

  /**
   * The conversation under the cursor. The cursor follows it when the list
   * re-reads (a new message ranks another conversation above it), so a key
   * always acts on the conversation the agent is looking at; when it leaves
   * the list, the one sliding into its place takes over.
   */
  let cursorId: string | null = null;
  const setCursor = (index: number) => {
    cursorId = list.getState().rows.get(index)?.id ?? null;
    cursor.setState({ index });
  };

  const derive = () => {
    const pagesState = pages.state.getState();
    list.setState(visibleList(pagesState, patches.state.getState().patches, query.getState()), true);
    const { rows, indexOf } = list.getState();
    const followed = cursorId === null ? undefined : indexOf.get(cursorId);
    if (followed !== undefined && followed !== cursor.getState().index) cursor.setState({ index: followed });
    else if (followed === undefined) cursorId = rows.get(cursor.getState().index)?.id ?? null;
  };
  /** Patches that every read on screen (pages, total, counts) already includes have done their work. */
  const prune = () => {
    const { readAt, totalReadAt } = pages.state.getState();
    patches.prune(Math.min(totalReadAt, counts.state.getState().readAt, ...readAt.values()));
  };
  pages.state.subscribe(() => {
    prune();
    derive();
  });
  counts.state.subscribe(prune);
  patches.state.subscribe(derive);

  const summaryOf = (id: string): ConversationSummary | undefined => {
    const { rows, indexOf } = list.getState();
    const row = indexOf.get(id);
    return (row === undefined ? undefined : rows.get(row)) ?? lookup(id);
  };

  const setQuery = (next: TriageQuery) => {
    query.setState(next, true);
    selection.setState(NO_SELECTION, true);
    setCursor(0);
    pages.setQuery(next);
    counts.read(next.filter);
  };

  /** The first row after the cursor the action leaves alone: where the cursor goes if its row leaves. */
  const nextUntouched = (ids: ReadonlySet<string>): string | null => {
    const { rows } = list.getState();
    const from = cursor.getState().index;
    for (let row = from + 1; row <= from + NEXT_LOOKAHEAD; row++) {
      const item = rows.get(row);
      if (!item) return null;
      if (!ids.has(item.id)) return item.id;
    }
    return null;
  };

  const failed = (kind: Failure['kind'], error: unknown) => notices.setState({ failure: { kind, error, seq: ++seq } });

  /**
   * Lays a patch over the list and keeps the cursor sensible: after a close or
   * a snooze (`advance`), or when its row left the list, it moves to the next
   * row the action left alone; otherwise it stays on its conversation.
   */
  const apply = (patch: Omit<Patch, 'key' | 'confirmedAt'>, advance: boolean) => {
    const underCursor = list.getState().rows.get(cursor.getState().index);
    const after = nextUntouched(patch.ids);
    const key = patches.add(patch);
    if (underCursor && patch.ids.has(underCursor.id)) {
      const { indexOf, total } = list.getState();
      const stayed = indexOf.get(underCursor.id);
      const next = after === null ? undefined : indexOf.get(after);
      const row = (advance || stayed === undefined ? next : stayed) ?? stayed ?? cursor.getState().index;
      setCursor(Math.max(0, Math.min(row, (total ?? 1) - 1)));
    }
    return key;
  };

  const snapshot = (ids: readonly string[]) => {
    const before = new Map<string, ConversationSummary>();
    const positions = new Map<string, number>();
    for (const id of ids) {
      const item = summaryOf(id);
      if (item) before.set(id, item);
      const row = list.getState().indexOf.get(id);
      if (row !== undefined) positions.set(id, row);
    }
    return { before, positions };
  };

  const triage: Triage = {
    query,
    pages,
    patches,
    list,
    counts,
    directory,
    cursor,
    selection,
    notices,
    setView: (view) => {
      if (view !== query.getState().view) setQuery({ ...query.getState(), view });
    },
    setFilter: (filter) => setQuery({ ...query.getState(), filter }),
    setSort: (sort) => setQuery({ ...query.getState(), sort }),
    summaryOf,
    moveCursor(index) {
      const total = list.getState().total ?? 0;
      setCursor(Math.max(0, Math.min(index, total - 1)));
    },
    targets() {
      const { checked } = selection.getState();
      if (checked.size > 0) return [...checked];
      const item = list.getState().rows.get(cursor.getState().index);
      return item ? [item.id] : [];
    },
    toggleChecked() {
      const item = list.getState().rows.get(cursor.getState().index);
      if (item) selection.setState(toggled(selection.getState(), item.id), true);
    },
    checkRange() {
      const { rows, indexOf } = list.getState();
      const anchorId = selection.getState().anchor;
      const to = cursor.getState().index;
      const from = (anchorId === null ? undefined : indexOf.get(anchorId)) ?? to;
      const ids: string[] = [];
      for (let row = Math.min(from, to); row <= Math.max(from, to); row++) {
        const item = rows.get(row);
        if (item) ids.push(item.id);
      }
      selection.setState(withRange(selection.getState(), ids), true);
    },
    act(ids, action) {
      if (ids.length === 0) return;
      const { before, positions } = snapshot(ids);
      const key = apply({ ids: new Set(ids), change: (item) => applyAction(item, action), before, positions, sent: true }, action.type === 'close' || action.type === 'snooze');
      selection.setState(NO_SELECTION, true);
      notices.setState({ done: { kind: 'acted', action, count: ids.length, seq: ++seq }, failure: null });
      const answer = client.call('conversations.act', { ids: [...ids], action });
      const after = new Map([...before].map(([id, item]) => [id, applyAction(item, action)]));
      const entry: UndoEntry = { ids, token: answer.then((result) => result.undoToken, () => null), before, after, positions };
      undoStack.push(entry);
      if (undoStack.length > UNDO_DEPTH) undoStack.shift();
      answer.then(
        // The engine's inbox.changed (before or after this answer) re-reads what is on screen, and the patch retires once that lands.
        () => patches.confirm(key, nextTick()),
        (error: unknown) => {
          patches.drop(key);
          // Nothing happened, so there is nothing to undo.
          if (undoStack.includes(entry)) undoStack.splice(undoStack.indexOf(entry), 1);
          failed('act', error);
        },
      );
    },
    undo() {
      const entry = undoStack.pop();
      if (!entry) return;
      const { ids } = entry;
      const shown = new Map(entry.after);
      for (const [id, item] of snapshot(ids).before) shown.set(id, item);
      const key = apply(
        { ids: new Set(ids), change: (item) => restoreTriageFields(item, entry.before.get(item.id) ?? item), before: shown, positions: entry.positions, sent: false },
        false,
      );
      // Undo puts the conversation back under the cursor: the agent sees what came back.
      const first = list.getState().indexOf.get(ids[0]!);
      if (first !== undefined) setCursor(first);
      notices.setState({ done: { kind: 'undone', count: ids.length, seq: ++seq }, failure: null });
      entry.token
        .then((token) => {
          if (token === null) return null;
          patches.markSent(key);
          return client.call('conversations.undo', { undoToken: token });
        })
        .then(
          (restored) => {
            // An action that failed changed nothing; its own alert already said so.
            if (restored === null) return patches.drop(key);
            patches.confirm(key, nextTick());
          },
          (error: unknown) => {
            patches.drop(key);
            failed('undo', error);
          },
        );
    },
    refresh() {
      pages.refresh();
      counts.read(query.getState().filter);
    },
    changed(ids) {
      // The engine committed before it said so: reads started from here on include these actions, even if its answer
      // is still on the way. Confirming now, rather than on the answer, saves a second read of everything per action.
      const at = nextTick();
      for (const key of patches.pendingOn(ids)) patches.confirm(key, at);
      triage.refresh();
    },
    failed,
  };
  return triage;
}
