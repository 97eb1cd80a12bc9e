import type { AccountsService } from '../accounts/service';
import type { EngineChecks } from '../checks/engine-checks';
import type { Repos } from '../db/repos';
import type { Outbox } from '../outbox/outbox';
import type { MessageSearch } from '../search/message-search';
import type { EventBus } from '../support/events';
import type { ConnectivityMonitor } from '../sync/connectivity';
import type { ConversationActions } from '../triage/actions';
import type { TriagePolicy } from '../triage/policy';
import type { SnoozeWaker } from '../triage/snooze-waker';

/** Who is calling. Until the team hub there is one local agent, "me". */
export interface CallContext {
  actor: string;
}

/** What the handlers work with; each group of handlers takes what it needs. */
export interface HandlerDeps {
  repos: Repos;
  accounts: AccountsService;
  outbox: Outbox;
  checks: EngineChecks;
  search: MessageSearch;
  connectivity: ConnectivityMonitor;
  actions: ConversationActions;
  policy: TriagePolicy;
  snoozeWaker: SnoozeWaker;
  events: EventBus;
  workspace: string;
  newId: () => string;
  now: () => number;
}
