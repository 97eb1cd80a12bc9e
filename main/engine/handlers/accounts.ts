import type { Handlers } from '../../../shared/rpc';
import type { CallContext, HandlerDeps } from './context';

type AccountsCalls = 'accounts.list' | 'accounts.add' | 'accounts.test' | 'accounts.pause' | 'accounts.resume' | 'accounts.reconnect' | 'accounts.remove';

/** The accounts screen: each call is the AccountsService's, with who asked for the audit log. */
export function accountsHandlers({ accounts }: HandlerDeps): Pick<Handlers<CallContext>, AccountsCalls> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.add': (input, ctx) => accounts.add(input, ctx.actor),
    'accounts.test': ({ id }, ctx) => accounts.test(id, ctx.actor),
    'accounts.pause': ({ id }, ctx) => accounts.pause(id, ctx.actor),
    'accounts.resume': ({ id }, ctx) => accounts.resume(id, ctx.actor),
    'accounts.reconnect': (input, ctx) => accounts.reconnect(input, ctx.actor),
    'accounts.remove': ({ id }, ctx) => accounts.remove(id, ctx.actor),
  };
}
