import { Ingestor } from '../../../main/engine/inbox/ingest';
import { createIdGenerator } from '../../../main/engine/support/ids';
import type { Language, Platform } from '../../../shared/domain';
import type { EngineOptions } from '../../../main/engine/engine';
import { newDataDir, startEngine, type RunningEngine } from '../helpers/engine';

export interface CannedWorkspace extends RunningEngine {
  /** A conversation with a customer of this name on a new account, in this language. */
  conversationWith(contact: { name: string; lang?: Language; platform?: Platform; account?: string }): string;
  /** Deletes the default library, so a test sees only its own replies. */
  emptyLibrary(): Promise<void>;
}

export function cannedWorkspace(dataDir = newDataDir(), options: Partial<EngineOptions> = {}): CannedWorkspace {
  const running = startEngine(dataDir, options);
  const newId = createIdGenerator();
  let n = 0;
  return Object.assign(running, {
    conversationWith({ name, lang = 'en', platform = 'sandbox', account = 'Northwind Goods' }: Parameters<CannedWorkspace['conversationWith']>[0]) {
      n++;
      const accountId = `acc${n}`;
      running.engine.repos.accounts.insert({ id: accountId, platform, name: account, handle: '@brand', status: 'active', config: {} }, 1);
      const ingestor = new Ingestor(running.engine.db, newId, Date.now);
      const item = {
        platformId: `m${n}`,
        thread: { platformId: `t${n}`, kind: 'dm' as const, title: '', rating: null },
        author: { platformId: `u${n}`, name, handle: `@u${n}` },
        lang,
        body: 'Where is my parcel?',
        createdAt: Date.now(),
        direction: 'in' as const,
        visibility: 'private' as const,
      };
      const { conversationIds } = running.engine.db.transaction(() => ingestor.ingest(accountId, [item]))();
      return conversationIds[0]!;
    },
    async emptyLibrary() {
      const { replies } = await running.client.call('canned.list', { limit: 500 });
      for (const { id } of replies) await running.client.call('canned.delete', { id });
    },
  });
}
