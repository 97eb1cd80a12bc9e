import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Conversation, ConversationSummary, Finding, Message, Visibility } from '../../shared/domain';
import { RpcError, type Client } from '../../shared/rpc';
import type { ComposerStore } from '../composer/composerStore';
import { createDraftSaver, type DraftSaver } from './draftSaver';

/** A reply the engine has not acknowledged yet; shown as queued at once. */
export interface PendingReply {
  clientId: string;
  body: string;
  visibility: Visibility | undefined;
  createdAt: number;
}

export interface ConversationState {
  /** What the agent opened, as the list had it: the header shows at once while the full read is out. */
  opened: ConversationSummary | null;
  /** The engine's copy of the opened conversation, once read. */
  conversation: Conversation | null;
  loadError: unknown;
  /** Keyed by conversation id: a reply sent just before switching must survive the switch. */
  pending: Readonly<Record<string, readonly PendingReply[]>>;
  /** The composer's text by conversation; absent until typed in or read back from the engine. */
  drafts: Readonly<Record<string, string>>;
  /** Why the last send from a conversation failed, until the next attempt. */
  sendErrors: Readonly<Record<string, unknown>>;
  /** Why the last undo of a send failed (usually: already sent), until the next send or undo. */
  undoErrors: Readonly<Record<string, unknown>>;
  /** What the engine's checks found in a reply it refused, until the next send. */
  findings: Readonly<Record<string, readonly Finding[]>>;
}

export interface ConversationStore {
  state: StoreApi<ConversationState>;
  open(summary: ConversationSummary): void;
  /** Opens a conversation the list does not show (a search result): the header waits for the read. */
  openById(id: string): void;
  /** Re-reads the open conversation if it is one of these (or unconditionally without ids). */
  reload(ids?: readonly string[]): void;
  /** Fills the composer with the draft the engine kept (after a restart), unless the agent has typed here already. */
  loadDraft(conversationId: string): void;
  /** Sets the composer's text; it is saved as the conversation's draft shortly after typing stops. */
  setDraft(conversationId: string, text: string): void;
  /** Saves a waiting draft now (the composer lost focus or closed). */
  flushDraft(conversationId?: string): void;
  /** Sends the conversation's draft; resolves to whether the engine accepted it. */
  send(conversationId: string): Promise<boolean>;
  /**
   * Sends again, overriding the warnings the engine's checks raised (each
   * override is audited by the engine). Does nothing while a finding blocks.
   */
  sendAnyway(conversationId: string): Promise<boolean>;
  /** Takes a reply back in its undo window and puts its text into the composer; resolves to whether it worked. */
  undoSend(conversationId: string, messageId: string): Promise<boolean>;
}

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const { [key]: _removed, ...rest } = record;
  return rest;
};

export interface ConversationStoreDeps {
  /** How each reply is being written (visibility, language, canned origin), and what follows a send or an undo. */
  composer: Pick<ComposerStore, 'mode' | 'check' | 'sent' | 'restored'>;
  newClientId?: () => string;
  drafts?: DraftSaver;
}

export function createConversationStore(client: Client, { composer, newClientId = () => crypto.randomUUID(), drafts = createDraftSaver(client) }: ConversationStoreDeps): ConversationStore {
  const state = createStore<ConversationState>(() => ({
    opened: null,
    conversation: null,
    loadError: null,
    pending: {},
    drafts: {},
    sendErrors: {},
    undoErrors: {},
    findings: {},
  }));
  // Only the newest read may land: an older one finishing late would show a stale or another conversation.
  let latestRead = 0;
  /**
   * The id of a failed reply, by conversation. A failure can be ambiguous (the
   * link dropped after the call left), so sending the same text again reuses
   * the id and the engine can recognise the retry instead of publishing twice.
   */
  const failedIds = new Map<string, { body: string; clientId: string }>();

  const read = (id = state.getState().opened?.id) => {
    if (id === undefined) return;
    const ticket = ++latestRead;
    client.call('conversation.get', { id }).then(
      (conversation) => {
        if (ticket === latestRead) state.setState({ opened: state.getState().opened ?? conversation, conversation, loadError: null });
      },
      (loadError: unknown) => {
        if (ticket === latestRead) state.setState({ loadError });
      },
    );
  };

  const setPending = (conversationId: string, update: (list: readonly PendingReply[]) => readonly PendingReply[]) => {
    const { pending } = state.getState();
    const next = update(pending[conversationId] ?? []);
    return next.length > 0 ? { ...pending, [conversationId]: next } : without(pending, conversationId);
  };

  /** Puts the engine's answer to reply.send on screen in the same update that drops the pending copy, so nothing blinks. */
  const adopt = (message: Message, clientId: string) => {
    const { conversation } = state.getState();
    const known = conversation?.id === message.conversationId && conversation.messages.some((m) => m.id === message.id);
    state.setState({
      pending: setPending(message.conversationId, (list) => list.filter((p) => p.clientId !== clientId)),
      ...(conversation?.id === message.conversationId && !known ? { conversation: { ...conversation, messages: [...conversation.messages, message] } } : {}),
    });
  };

  const showFindings = (conversationId: string, text: string) => {
    client.call('checks.run', { conversationId, text }).then(
      ({ findings }) => state.setState({ findings: { ...state.getState().findings, [conversationId]: findings } }),
      // The refusal itself is already on screen; without the details the agent still sees why in words.
      () => {},
    );
  };

  /** The conversation as this store knows it: the full read, else what the list had. */
  const known = (conversationId: string): ConversationSummary | null => {
    const { opened, conversation } = state.getState();
    return conversation?.id === conversationId ? conversation : opened?.id === conversationId ? opened : null;
  };
  /** A DM is answered in private anyway; anything else is public unless the agent says otherwise. */
  const publicByDefault = (conversationId: string) => {
    const summary = known(conversationId);
    return summary !== null && summary.kind !== 'dm';
  };

  /** One attempt to send the draft, with the warnings the agent chose to override. */
  const deliver = async (conversationId: string, overrides?: string[]): Promise<boolean> => {
    const body = state.getState().drafts[conversationId] ?? '';
    if (body.trim() === '') return false;
    // The engine deletes the draft in the same transaction as the send; a save still waiting would bring it back.
    drafts.cancel(conversationId);
    const failed = failedIds.get(conversationId);
    const { visibility, lang, cannedId } = composer.mode(conversationId);
    const reply: PendingReply = { clientId: failed?.body === body ? failed.clientId : newClientId(), body, visibility, createdAt: Date.now() };
    state.setState({
      drafts: without(state.getState().drafts, conversationId),
      sendErrors: without(state.getState().sendErrors, conversationId),
      findings: without(state.getState().findings, conversationId),
      undoErrors: without(state.getState().undoErrors, conversationId),
      pending: setPending(conversationId, (list) => [...list, reply]),
    });
    try {
      const message = await client.call('reply.send', {
        conversationId,
        clientId: reply.clientId,
        body,
        lang,
        ...(visibility && { visibility }),
        ...(cannedId && { cannedId }),
        ...(overrides && { overrides }),
      });
      adopt(message, reply.clientId);
      failedIds.delete(conversationId);
      composer.sent(conversationId, { visibility: message.visibility, publicByDefault: publicByDefault(conversationId), lang: known(conversationId)?.lang ?? null });
      return true;
    } catch (error) {
      failedIds.set(conversationId, { body, clientId: reply.clientId });
      const { drafts: texts, sendErrors } = state.getState();
      // The text goes back to the box — unless the agent has started a new one meanwhile, which must not be overwritten.
      const restore = !texts[conversationId];
      state.setState({
        pending: setPending(conversationId, (list) => list.filter((p) => p.clientId !== reply.clientId)),
        drafts: restore ? { ...texts, [conversationId]: body } : texts,
        sendErrors: { ...sendErrors, [conversationId]: error },
      });
      if (restore) drafts.schedule(conversationId, body);
      // Refused by the checks: ask them what they found, to show it in the agent's language with a way forward.
      if (error instanceof RpcError && error.code === 'refused' && error.issues) showFindings(conversationId, body);
      return false;
    }
  };

  return {
    state,
    open(summary) {
      if (state.getState().opened?.id !== summary.id) state.setState({ opened: summary, conversation: null, loadError: null });
      read();
    },
    openById(id) {
      if (state.getState().opened?.id !== id) state.setState({ opened: null, conversation: null, loadError: null });
      read(id);
    },
    reload(ids) {
      const opened = state.getState().opened;
      if (opened && (!ids || ids.includes(opened.id))) read();
    },
    loadDraft(conversationId) {
      if (state.getState().drafts[conversationId] !== undefined) return;
      client.call('draft.get', { conversationId }).then(
        (draft) => {
          const current = state.getState().drafts;
          if (draft && current[conversationId] === undefined) {
            state.setState({ drafts: { ...current, [conversationId]: draft.body } });
            composer.check(conversationId, draft.body);
          }
        },
        // No draft to show is what the agent would see anyway; typing works regardless.
        () => {},
      );
    },
    setDraft(conversationId, text) {
      state.setState({ drafts: { ...state.getState().drafts, [conversationId]: text } });
      drafts.schedule(conversationId, text);
      composer.check(conversationId, text);
    },
    flushDraft(conversationId) {
      drafts.flush(conversationId);
    },
    send: (conversationId) => deliver(conversationId),
    sendAnyway(conversationId) {
      const found = state.getState().findings[conversationId] ?? [];
      if (found.length === 0 || found.some((f) => f.severity === 'block')) return Promise.resolve(false);
      return deliver(conversationId, [...new Set(found.map((f) => f.rule))]);
    },
    async undoSend(conversationId, messageId) {
      state.setState({ undoErrors: without(state.getState().undoErrors, conversationId) });
      try {
        const { body, visibility } = await client.call('reply.undo', { messageId });
        composer.restored(conversationId, visibility, publicByDefault(conversationId));
        const { conversation, drafts: texts } = state.getState();
        // Anything typed since the send stays, after the text that came back.
        const typed = texts[conversationId] ?? '';
        const text = typed.trim() === '' ? body : `${body}\n${typed}`;
        state.setState({
          drafts: { ...texts, [conversationId]: text },
          ...(conversation?.id === conversationId ? { conversation: { ...conversation, messages: conversation.messages.filter((m) => m.id !== messageId) } } : {}),
        });
        drafts.schedule(conversationId, text);
        composer.check(conversationId, text);
        return true;
      } catch (error) {
        state.setState({ undoErrors: { ...state.getState().undoErrors, [conversationId]: error } });
        read(); // whatever happened to the reply (sending, sent), show it as it is
        return false;
      }
    },
  };
}
