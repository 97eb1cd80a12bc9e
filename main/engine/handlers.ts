import { Language } from '../../shared/domain';
import { RpcError, type Handlers } from '../../shared/rpc';
import type { Repos } from './db/repos';
import type { Outbox } from './outbox/outbox';
import type { MessageSearch } from './search/message-search';
import type { ConnectivityMonitor } from './sync/connectivity';

/** Who is calling. Until the team hub there is one local agent, "me". */
export interface CallContext {
  actor: string;
}

export interface HandlerDeps {
  repos: Repos;
  outbox: Outbox;
  search: MessageSearch;
  connectivity: ConnectivityMonitor;
  workspace: string;
  now: () => number;
}

const LANGUAGE_KEY = 'ui.language';

/** The engine's side of the contract: thin functions over repositories and services. */
export function createHandlers({ repos, outbox, search, connectivity, workspace, now }: HandlerDeps): Handlers<CallContext> {
  return {
    'app.status': () => ({
      connectivity: connectivity.state,
      accounts: repos.accounts.list().map(({ id, platform, name, handle, status }) => ({ id, platform, name, handle, status })),
      workspace,
    }),
    'inbox.list': ({ view, offset, limit }) => repos.conversations.page(view, offset, limit),
    'conversation.get': ({ id }) => {
      const summary = repos.conversations.get(id);
      if (!summary) throw new RpcError('not_found', 'No such conversation');
      return { ...summary, messages: repos.messages.listByConversation(id) };
    },
    'reply.send': (input, ctx) => outbox.enqueueReply({ ...input, actor: ctx.actor }),
    'search.messages': ({ query, limit }) => ({ hits: search.search(query, limit) }),
    'settings.get': () => ({ language: repos.settings.get(LANGUAGE_KEY, Language.nullable(), null) }),
    'settings.update': ({ language }, ctx) => {
      if (language !== undefined) {
        repos.settings.set(LANGUAGE_KEY, language);
        repos.audit.record({ at: now(), actor: ctx.actor, action: 'settings.update', entity: 'settings', entityId: LANGUAGE_KEY, data: { language } });
      }
      return { language: repos.settings.get(LANGUAGE_KEY, Language.nullable(), null) };
    },
  };
}
