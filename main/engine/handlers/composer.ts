import { RpcError, type Handlers } from '../../../shared/rpc';
import { previewOf } from '../inbox/ingest';
import type { CallContext, HandlerDeps } from './context';

type ComposerCalls = 'reply.undo' | 'draft.save' | 'draft.get';

/** The reply composer's engine side: autosaved drafts and taking a reply back inside its undo window. */
export function composerHandlers({ repos, outbox, policy, events, now }: HandlerDeps): Pick<Handlers<CallContext>, ComposerCalls> {
  const conversation = (id: string) => {
    if (!repos.conversations.target(id)) throw new RpcError('not_found', 'No such conversation');
  };

  return {
    'reply.undo': ({ messageId }, ctx) => {
      const undone = outbox.undo(messageId, ctx.actor);
      const target = repos.conversations.triageState(undone.conversationId);
      if (target) {
        repos.conversations.restoreAfterWithdrawal(target.id, now(), (since) => policy.dueAt(target.accountId, target.kind, since), previewOf);
        events.emit('inbox.changed', { conversationIds: [target.id] });
      }
      return { body: undone.body, visibility: undone.visibility };
    },
    'draft.save': ({ conversationId, body }) => {
      conversation(conversationId);
      const savedAt = now();
      // Blank text is no draft: the list would mark a conversation that has nothing to come back to.
      const flipped = body.trim() === '' ? repos.drafts.delete(conversationId) : repos.drafts.save(conversationId, body, savedAt);
      // Saved on (nearly) every keystroke: the inbox only hears about it when the "draft" marker changes.
      if (flipped) events.emit('inbox.changed', { conversationIds: [conversationId] });
      return { savedAt };
    },
    'draft.get': ({ conversationId }) => {
      conversation(conversationId);
      return repos.drafts.get(conversationId) ?? null;
    },
  };
}
