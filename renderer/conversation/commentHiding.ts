import { createStore, type StoreApi } from 'zustand/vanilla';
import { canHide, type ConversationSummary, type Message } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import type { ConversationStore } from './conversationStore';

/** Why the agent's last hide or unhide in a conversation did not go out: shown in that conversation until the next try. */
export type HideProblem = { kind: 'cannotHide' } | { kind: 'nothingToHide' } | { kind: 'refused'; error: unknown };

export interface CommentHiding {
  /** By conversation id. */
  problems: StoreApi<Readonly<Record<string, HideProblem>>>;
  /** Hides one message or shows it again; resolves to whether the engine took the wish (the platform follows through the outbox). */
  setHidden(message: Message, hidden: boolean): Promise<boolean>;
  /** The key's action: flips the newest customer comment of this conversation (or tries a refused wish again). */
  toggleNewest(summary: ConversationSummary): Promise<boolean>;
}

/** What the agent means by pressing hide on a message: the other state — or, after the platform refused the last wish, that wish again. */
export function nextHidden(message: Message): boolean {
  return message.hideState === 'failed' ? message.hidden : !message.hidden;
}


export function createCommentHiding(client: Client, conversation: ConversationStore): CommentHiding {
  const problems = createStore<Readonly<Record<string, HideProblem>>>(() => ({}));
  const report = (conversationId: string, problem: HideProblem | null) => {
    const { [conversationId]: _old, ...rest } = problems.getState();
    problems.setState(problem === null ? rest : { ...rest, [conversationId]: problem }, true);
  };

  const setHidden = async (message: Message, hidden: boolean): Promise<boolean> => {
    report(message.conversationId, null);
    try {
      const changed = await client.call('message.setHidden', { messageId: message.id, hidden });
      // The answer is the new state (pending): show it now rather than after the change event's re-read.
      const open = conversation.state.getState().conversation;
      if (open?.id === changed.conversationId) {
        conversation.state.setState({ conversation: { ...open, messages: open.messages.map((m) => (m.id === changed.id ? changed : m)) } });
      }
      return true;
    } catch (error) {
      report(message.conversationId, { kind: 'refused', error });
      return false;
    }
  };

  return {
    problems,
    setHidden,
    async toggleNewest(summary) {
      if (!canHide(summary.platform, summary.kind)) {
        report(summary.id, { kind: 'cannotHide' });
        return false;
      }
      const open = conversation.state.getState().conversation;
      let messages: readonly Message[];
      try {
        messages = open?.id === summary.id ? open.messages : (await client.call('conversation.get', { id: summary.id })).messages;
      } catch (error) {
        report(summary.id, { kind: 'refused', error });
        return false;
      }
      // The customer's newest message: what a moderator means by "hide that".
      const target = messages.findLast((message) => message.direction === 'in');
      if (!target) {
        report(summary.id, { kind: 'nothingToHide' });
        return false;
      }
      return setHidden(target, nextHidden(target));
    },
  };
}
