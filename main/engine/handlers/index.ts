import type { Handlers } from '../../../shared/rpc';
import { accountsHandlers } from './accounts';
import { composerHandlers } from './composer';
import { cannedHandlers } from './canned';
import { checksHandlers } from './checks';
import type { CallContext, HandlerDeps } from './context';
import { desktopHandlers } from './desktop';
import { diagnosticsHandlers } from './diagnostics';
import { directoryHandlers } from './directory';
import { inboxHandlers } from './inbox';
import { settingsHandlers } from './settings';

export type { CallContext, HandlerDeps } from './context';

/** The engine's side of the contract: thin functions over repositories and services, grouped by what they serve. */
export function createHandlers(deps: HandlerDeps): Handlers<CallContext> {
  const { repos, connectivity, workspace, outbox } = deps;
  return {
    'app.status': () => ({
      connectivity: connectivity.state,
      accounts: repos.accounts.list().map(({ id, platform, name, handle, status }) => ({ id, platform, name, handle, status })),
      workspace,
    }),
    'message.setHidden': ({ messageId, hidden }, ctx) => outbox.setHidden({ messageId, hidden, actor: ctx.actor }),
    ...inboxHandlers(deps),
    ...checksHandlers(deps),
    ...composerHandlers(deps),
    ...directoryHandlers(deps),
    ...settingsHandlers(deps),
    ...cannedHandlers(deps),
    ...accountsHandlers(deps),
    ...diagnosticsHandlers(deps),
    ...desktopHandlers(),
  };
}
