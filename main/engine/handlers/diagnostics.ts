import type { Handlers } from '../../../shared/rpc';
import type { CallContext, HandlerDeps } from './context';

/** What the sync is doing and what it could not read: the diagnostics view's one call. */
export function diagnosticsHandlers({ repos }: HandlerDeps): Pick<Handlers<CallContext>, 'diagnostics.get'> {
  return {
    'diagnostics.get': ({ limit }) => ({ streams: repos.syncState.health(), quarantine: { total: repos.quarantine.total(), items: repos.quarantine.recent(limit) } }),
  };
}
