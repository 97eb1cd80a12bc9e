import type { Handlers } from '../../../shared/rpc';
import type { CallContext, HandlerDeps } from './context';

type CheckCalls = 'checks.run' | 'reply.send' | 'dictionary.add' | 'dictionary.list';

/** The checks before publishing: while the agent types, at publish (wrapped around the outbox), and the workspace's custom words. */
export function checksHandlers({ checks, outbox }: HandlerDeps): Pick<Handlers<CallContext>, CheckCalls> {
  return {
    'checks.run': async ({ conversationId, text, visibility, lang, cannedId }) => {
      const { lang: detected, findings } = await checks.check({ conversationId, text, visibility, lang, cannedId });
      return { lang: detected, findings };
    },
    'reply.send': ({ overrides = [], ...reply }, ctx) => checks.send({ ...reply, overrides, actor: ctx.actor }, (checked) => outbox.enqueueReply(checked)),
    'dictionary.add': async ({ word }, ctx) => {
      await checks.addWord(word, ctx.actor);
      return {};
    },
    'dictionary.list': () => ({ words: checks.listWords() }),
  };
}
