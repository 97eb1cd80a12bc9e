import { CannedRepo } from '../../canned/repo';
import type { Db } from '../open';
import { AccountsRepo } from './accounts';
import { AgentsRepo } from './agents';
import { AuditRepo } from './audit';
import { ConversationsRepo } from './conversations';
import { CustomWordsRepo } from './custom-words';
import { DraftsRepo } from './drafts';
import { MessagesRepo } from './messages';
import { OutboxRepo } from './outbox';
import { QuarantineRepo } from './quarantine';
import { SettingsRepo } from './settings';
import { SyncStateRepo } from './sync-state';
import { TagsRepo } from './tags';

/** Every repository over one database, with statements prepared once. */
export function createRepos(db: Db, onInvalidSetting?: (key: string, problem: string) => void) {
  return {
    accounts: new AccountsRepo(db),
    agents: new AgentsRepo(db),
    audit: new AuditRepo(db),
    canned: new CannedRepo(db),
    conversations: new ConversationsRepo(db),
    customWords: new CustomWordsRepo(db),
    drafts: new DraftsRepo(db),
    messages: new MessagesRepo(db),
    outbox: new OutboxRepo(db),
    quarantine: new QuarantineRepo(db),
    settings: new SettingsRepo(db, onInvalidSetting),
    syncState: new SyncStateRepo(db),
    tags: new TagsRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
