import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { ConversationSummary } from '../shared/domain';
import { ConversationPane } from './conversation/ConversationPane';
import { useI18n } from './i18n/I18nProvider';
import { LanguageSwitcher } from './i18n/LanguageSwitcher';
import { InboxPane } from './inbox/InboxPane';
import { useSession } from './session/SessionContext';
import { ConnectivityIndicator } from './status/ConnectivityIndicator';
import { SyncProgressBar } from './status/SyncProgressBar';

/** The one screen: status bar on top, the queue on the left, the open conversation on the right. */
export function Workspace() {
  const { t } = useI18n();
  const { conversation } = useSession();
  const listRef = useRef<HTMLDivElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);

  // Keyboard first: the agent can press j/k the moment the window appears.
  useEffect(() => listRef.current?.focus(), []);

  const replyTo = (selected: ConversationSummary) => {
    // `r` answers the open conversation; with none open it opens the selected one, rendered now so its box can take focus.
    if (conversation.state.getState().opened === null) flushSync(() => conversation.open(selected));
    replyRef.current?.focus();
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">{t('app.name')}</h1>
        <SyncProgressBar />
        <ConnectivityIndicator />
        <LanguageSwitcher />
      </header>
      <main className="workspace">
        <InboxPane listRef={listRef} onOpen={conversation.open} onReply={replyTo} />
        <ConversationPane replyRef={replyRef} onBack={() => listRef.current?.focus()} />
      </main>
    </div>
  );
}
