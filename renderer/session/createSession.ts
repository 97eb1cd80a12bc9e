import type { Client } from '../../shared/rpc';
import { createCannedLibraryStore, type CannedLibraryStore } from '../canned/cannedLibraryStore';
import { createAccountsStore, type AccountsStore } from '../accounts/accountsStore';
import { createDiagnosticsStore, type DiagnosticsStore } from '../diagnostics/diagnosticsStore';
import { createComposerStore, type ComposerStore } from '../composer/composerStore';
import { createCommentHiding, type CommentHiding } from '../conversation/commentHiding';
import { createConversationStore, type ConversationStore } from '../conversation/conversationStore';
import { createSettingsStore, type SettingsStore } from '../i18n/settingsStore';
import { createSearchStore, type SearchStore } from '../overlays/search/searchStore';
import { createDesktopSettingsStore, type DesktopSettingsStore } from '../settings/desktopSettingsStore';
import type { Link } from '../rpc/link';
import { createStatusStore, type StatusStore } from '../status/statusStore';
import { createTriage, type Triage } from '../triage/createTriage';

/**
 * Everything one window shows, as stores fed by the contract. Components only
 * read these stores and call their actions; this is the one place that turns
 * engine events and link changes into re-reads.
 */
export interface Session {
  triage: Triage;
  conversation: ConversationStore;
  /** Hiding customers' comments from the public, and why the last try did not work. */
  hiding: CommentHiding;
  composer: ComposerStore;
  status: StatusStore;
  settings: SettingsStore;
  search: SearchStore;
  canned: CannedLibraryStore;
  accounts: AccountsStore;
  diagnostics: DiagnosticsStore;
  desktop: DesktopSettingsStore;
  /** Subscribes to the engine and the link and reads the initial state; returns the unsubscribe. */
  start(): () => void;
  /** Told when the host asks to show a conversation (a desktop notification was clicked). */
  onOpenRequest(listener: (conversationId: string) => void): () => void;
}

export function createSession(client: Client, link: Link): Session {
  const composer = createComposerStore(client);
  const conversation = createConversationStore(client, { composer });
  // A conversation opened from a search may be outside the list; it can still be acted on.
  const triage = createTriage(client, (id) => {
    const { opened, conversation: full } = conversation.state.getState();
    return full?.id === id ? full : opened?.id === id ? opened : undefined;
  });
  const status = createStatusStore(client, link.getState());
  const settings = createSettingsStore(client);
  const search = createSearchStore(client);
  const canned = createCannedLibraryStore(client);
  const openListeners = new Set<(conversationId: string) => void>();
  const accounts = createAccountsStore(client);
  const diagnostics = createDiagnosticsStore(client);
  const desktop = createDesktopSettingsStore(client);

  return {
    triage,
    conversation,
    hiding: createCommentHiding(client, conversation),
    composer,
    status,
    settings,
    search,
    canned,
    accounts,
    diagnostics,
    desktop,
    start() {
      let linkState = link.getState();
      const unsubscribe = [
        client.on('inbox.changed', ({ conversationIds }) => {
          triage.changed(conversationIds);
          // A status or assignment change shows in the header too.
          conversation.reload(conversationIds);
        }),
        client.on('conversation.changed', ({ conversationId }) => conversation.reload([conversationId])),
        client.on('connectivity.changed', ({ connectivity }) => status.report(connectivity)),
        client.on('sync.progress', (progress) => status.progress(progress)),
        client.on('directory.changed', () => triage.directory.read()),
        // New priority weights reorder the list and may not come with an inbox.changed of their own.
        client.on('settings.changed', () => triage.refresh()),
        client.on('app.openConversation', ({ conversationId }) => {
          for (const listener of openListeners) listener(conversationId);
        }),
        // Changed from the desktop app's menu or tray, or another window: Settings shows it.
        client.on('desktop.settings.changed', () => desktop.read()),
        // The account filter lists accounts too.
        client.on('accounts.changed', () => {
          accounts.read();
          status.read();
        }),
        link.subscribe((next) => {
          const reconnected = linkState === 'down' && next === 'up';
          linkState = next;
          status.setLink(next);
          // Events pushed while the link was down are lost: read everything on screen again.
          if (reconnected) {
            status.read();
            settings.read();
            triage.refresh();
            triage.directory.read();
            conversation.reload();
          }
        }),
      ];
      status.setLink(linkState);
      status.read();
      settings.read();
      triage.refresh();
      triage.directory.read();
      return () => {
        for (const off of unsubscribe) off();
      };
    },
    onOpenRequest(listener) {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
  };
}
