import type { View } from '../../shared/domain';
import type { Client } from '../../shared/rpc';
import { createConversationStore, type ConversationStore } from '../conversation/conversationStore';
import { createSettingsStore, type SettingsStore } from '../i18n/settingsStore';
import { createInboxPages, type InboxPages } from '../inbox/inboxPages';
import { createSearchStore, type SearchStore } from '../overlays/search/searchStore';
import type { Link } from '../rpc/link';
import { createStatusStore, type StatusStore } from '../status/statusStore';

/** The queue the agent works; it reaches zero when everything is answered. */
export const INBOX_VIEW: View = 'needs_reply';

/**
 * Everything one window shows, as stores fed by the contract. Components only
 * read these stores and call their actions; this is the one place that turns
 * engine events and link changes into re-reads.
 */
export interface Session {
  inbox: InboxPages;
  conversation: ConversationStore;
  status: StatusStore;
  settings: SettingsStore;
  search: SearchStore;
  /** Subscribes to the engine and the link and reads the initial state; returns the unsubscribe. */
  start(): () => void;
}

export function createSession(client: Client, link: Link): Session {
  const inbox = createInboxPages(client, INBOX_VIEW);
  const conversation = createConversationStore(client);
  const status = createStatusStore(client, link.getState());
  const settings = createSettingsStore(client);
  const search = createSearchStore(client);

  return {
    inbox,
    conversation,
    status,
    settings,
    search,
    start() {
      let linkState = link.getState();
      const unsubscribe = [
        client.on('inbox.changed', ({ conversationIds }) => {
          inbox.refresh();
          // A status or assignment change shows in the header too.
          conversation.reload(conversationIds);
        }),
        client.on('conversation.changed', ({ conversationId }) => conversation.reload([conversationId])),
        client.on('connectivity.changed', ({ connectivity }) => status.report(connectivity)),
        client.on('sync.progress', (progress) => status.progress(progress)),
        link.subscribe((next) => {
          const reconnected = linkState === 'down' && next === 'up';
          linkState = next;
          status.setLink(next);
          // Events pushed while the link was down are lost: read everything on screen again.
          if (reconnected) {
            status.read();
            settings.read();
            inbox.refresh();
            conversation.reload();
          }
        }),
      ];
      status.setLink(linkState);
      status.read();
      settings.read();
      return () => {
        for (const off of unsubscribe) off();
      };
    },
  };
}
