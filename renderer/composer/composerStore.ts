import { createStore, type StoreApi } from 'zustand/vanilla';
import { CheckLanguage, HANDOFF_TAG, type Finding, type Language, type Visibility } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import type { CannedLibrary } from './CannedPicker';

/** How long after the last keystroke the checks run: long enough to skip most keystrokes, short enough to feel live. */
export const CHECK_DELAY_MS = 250;

/** How a reply is being written, beyond its text; kept per conversation while the composer is open elsewhere. */
export interface ComposerMode {
  /** Set when the agent chose; otherwise the conversation's default (private in a DM, public elsewhere). */
  visibility?: Visibility;
  /** 'auto' detects the reply's language; the agent can pin one. */
  lang: CheckLanguage;
  /** The canned reply the text came from, for the repeated-canned count. */
  cannedId?: string;
}

/** The checks' latest answer; underlines are drawn only where the text still reads the same (textEdit.currentFindings). */
export interface LiveCheck {
  /** The language the text was checked in (detected, or the pinned one). */
  lang: Language;
  findings: readonly Finding[];
}

/** The "let's continue privately" line offered for the public thread after a private reply went out. */
export interface HandoffOffer {
  cannedId: string;
  text: string;
}

export interface ComposerState {
  modes: Readonly<Record<string, ComposerMode>>;
  live: Readonly<Record<string, LiveCheck>>;
  handoffs: Readonly<Record<string, HandoffOffer>>;
}

export interface ComposerStore {
  state: StoreApi<ComposerState>;
  mode(conversationId: string): ComposerMode;
  /** Checks the text shortly after typing stops; an answer for an older text never replaces a newer one. */
  check(conversationId: string, text: string): void;
  /** Checks now (the mode changed, or a word was added to the dictionary). */
  recheck(conversationId: string, text: string): void;
  setVisibility(conversationId: string, visibility: Visibility | undefined): void;
  /** auto → en → ru → pl → auto. */
  cycleLang(conversationId: string): void;
  /** A canned reply went into the text. */
  noteCanned(conversationId: string, cannedId: string): void;
  /**
   * A reply went out: the canned link and the choice of visibility end with it.
   * A private reply in a public thread offers the thread a "continue privately" line.
   */
  sent(conversationId: string, sent: { visibility: Visibility; publicByDefault: boolean; lang: Language | null }): void;
  /** A reply came back from the outbox (undo): it is written as it was sent. */
  restored(conversationId: string, visibility: Visibility, publicByDefault: boolean): void;
  dismissHandoff(conversationId: string): void;
  addWord(conversationId: string, word: string, text: string): Promise<void>;
  library: CannedLibrary;
}

const LANG_CYCLE: readonly CheckLanguage[] = CheckLanguage.options;
const DEFAULT_MODE: ComposerMode = { lang: 'auto' };

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _removed, ...rest } = record;
  return rest;
};

export function createComposerStore(client: Client, delayMs = CHECK_DELAY_MS): ComposerStore {
  const state = createStore<ComposerState>(() => ({ modes: {}, live: {}, handoffs: {} }));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Only the newest request per conversation may land.
  const tickets = new Map<string, number>();

  const mode = (conversationId: string) => state.getState().modes[conversationId] ?? DEFAULT_MODE;
  const setMode = (conversationId: string, change: Partial<ComposerMode>) => {
    const next = { ...mode(conversationId), ...change };
    state.setState({ modes: { ...state.getState().modes, [conversationId]: next } });
  };

  const run = (conversationId: string, text: string) => {
    clearTimeout(timers.get(conversationId));
    timers.delete(conversationId);
    const ticket = (tickets.get(conversationId) ?? 0) + 1;
    tickets.set(conversationId, ticket);
    if (text.trim() === '') {
      state.setState({ live: without(state.getState().live, conversationId) });
      return;
    }
    const { visibility, lang, cannedId } = mode(conversationId);
    client.call('checks.run', { conversationId, text, lang, ...(visibility && { visibility }), ...(cannedId && { cannedId }) }).then(
      (result) => {
        if (tickets.get(conversationId) === ticket) state.setState({ live: { ...state.getState().live, [conversationId]: result } });
      },
      // Live checks are a help while typing; the engine checks again, authoritatively, at send.
      () => {},
    );
  };

  return {
    state,
    mode,
    check(conversationId, text) {
      clearTimeout(timers.get(conversationId));
      timers.set(
        conversationId,
        setTimeout(() => run(conversationId, text), delayMs),
      );
    },
    recheck: run,
    setVisibility(conversationId, visibility) {
      setMode(conversationId, { visibility });
      // Going private is what the offer follows; going public again leaves it.
      if (visibility === 'private') state.setState({ handoffs: without(state.getState().handoffs, conversationId) });
    },
    cycleLang(conversationId) {
      const current = LANG_CYCLE.indexOf(mode(conversationId).lang);
      setMode(conversationId, { lang: LANG_CYCLE[(current + 1) % LANG_CYCLE.length]! });
    },
    noteCanned(conversationId, cannedId) {
      setMode(conversationId, { cannedId });
    },
    sent(conversationId, { visibility, publicByDefault, lang }) {
      const { lang: pinned } = mode(conversationId);
      state.setState({ modes: { ...state.getState().modes, [conversationId]: { lang: pinned } }, live: without(state.getState().live, conversationId) });
      if (visibility !== 'private' || !publicByDefault) return;
      void offerHandoff(conversationId, lang);
    },
    restored(conversationId, visibility, publicByDefault) {
      setMode(conversationId, { visibility: publicByDefault && visibility === 'private' ? 'private' : undefined });
      state.setState({ handoffs: without(state.getState().handoffs, conversationId) });
    },
    dismissHandoff(conversationId) {
      state.setState({ handoffs: without(state.getState().handoffs, conversationId) });
    },
    async addWord(conversationId, word, text) {
      await client.call('dictionary.add', { word });
      run(conversationId, text);
    },
    library: {
      list: async (query, lang, limit) => (await client.call('canned.list', { query, limit, ...(lang && { lang }) })).replies,
      render: async (id, conversationId) => (await client.call('canned.render', { id, conversationId })).text,
    },
  };

  /** The library's handoff line in the conversation's language, filled for this customer; none in the library, no offer. */
  async function offerHandoff(conversationId: string, lang: Language | null) {
    try {
      const { replies } = await client.call('canned.list', { tag: HANDOFF_TAG, limit: 1, ...(lang && { lang }) });
      const reply = replies[0];
      if (!reply) return;
      const { text } = await client.call('canned.render', { id: reply.id, conversationId });
      state.setState({ handoffs: { ...state.getState().handoffs, [conversationId]: { cannedId: reply.id, text } } });
    } catch {
      // Only an offer: without it the agent can still pick the line from the canned replies.
    }
  }
}
