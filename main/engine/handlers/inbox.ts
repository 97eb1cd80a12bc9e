import type { CallOutput } from '../../../shared/contract';
import { RpcError, type Handlers } from '../../../shared/rpc';
import { HORIZON_MINUTES, priorityOf, timeLeft } from '../../../shared/triage';
import { scoreConversation } from '../triage/sentiment';
import type { CallContext, HandlerDeps } from './context';

type InboxCalls = 'inbox.list' | 'inbox.counts' | 'conversation.get' | 'conversations.act' | 'conversations.undo' | 'search.messages';

/** How many of the customer's latest messages "why is this first?" quotes evidence from (as ingest scores them). */
const EVIDENCE_WINDOW = 8;
const EVIDENCE_LIMIT = 12;

export function inboxHandlers({ repos, search, actions, policy, snoozeWaker, events, now }: HandlerDeps): Pick<Handlers<CallContext>, InboxCalls> {
  const changed = (conversationIds: string[]) => {
    // A snooze set or undone moves the next wake-up.
    snoozeWaker.reschedule();
    events.emit('inbox.changed', { conversationIds });
  };

  /** The conversation with its messages, and why it sits where it does in the queue, as of now. */
  const explain = (id: string): CallOutput<'conversation.get'> => {
    const summary = repos.conversations.get(id);
    const state = repos.conversations.triageState(id);
    if (!summary || !state) throw new RpcError('not_found', 'No such conversation');
    const messages = repos.messages.listByConversation(id);
    const at = now();
    const clock = state.slaDueAt === null ? null : timeLeft(at, state.slaDueAt, policy.sla(state.accountId).hours);
    const priority = priorityOf(
      {
        sentimentLabel: state.sentimentLabel,
        sentimentScore: state.sentimentScore ?? 0,
        // No clock running: no SLA points either way.
        slaState: clock?.state ?? 'ok',
        msLeft: clock?.msLeft ?? 0,
        ageMs: state.waitingSince === null ? 0 : Math.min(at - state.waitingSince, HORIZON_MINUTES * 60_000),
      },
      policy.weights(),
    );
    const inbound = messages.filter((m) => m.direction === 'in').slice(-EVIDENCE_WINDOW);
    const sentimentEvidence = scoreConversation(inbound)
      .reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .slice(0, EVIDENCE_LIMIT)
      .map(({ kind, text, weight, message }) => ({ messageId: inbound[message!]!.id, kind, text, weight }));
    return { ...summary, messages, priority, sentimentEvidence };
  };

  return {
    'inbox.list': ({ view, filter, sort, offset, limit }) => repos.conversations.page(view, offset, limit, filter, sort),
    'inbox.counts': ({ filter }) => repos.conversations.counts(filter, now()),
    'conversation.get': ({ id }) => explain(id),
    'conversations.act': ({ ids, action }, ctx) => {
      const result = actions.act(ids, action, ctx.actor);
      changed(result.changed);
      return result;
    },
    'conversations.undo': ({ undoToken }, ctx) => {
      const result = actions.undo(undoToken, ctx.actor);
      changed(result.restored);
      return result;
    },
    'search.messages': ({ query, limit }) => search.search(query, limit),
  };
}
