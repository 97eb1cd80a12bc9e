import { useId, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { ConversationSummary } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import './inbox.css';
import { useSession } from '../session/SessionContext';
import { InboxList } from './InboxList';

interface InboxPaneProps {
  listRef: RefObject<HTMLDivElement | null>;
  onOpen(item: ConversationSummary): void;
  onReply(item: ConversationSummary): void;
}

export function InboxPane({ listRef, onOpen, onReply }: InboxPaneProps) {
  const { t } = useI18n();
  const total = useStore(useSession().inbox.state, (s) => s.total);
  const headingId = useId();
  return (
    <section className="inbox-pane" aria-labelledby={headingId}>
      <header className="pane-header">
        <h2 id={headingId}>{t('inbox.heading')}</h2>
        {total !== null && <span className="pane-count">{t('inbox.count', { count: total })}</span>}
      </header>
      <InboxList listRef={listRef} onOpen={onOpen} onReply={onReply} />
      <p className="keys-hint">{t('inbox.keysHint')}</p>
    </section>
  );
}
