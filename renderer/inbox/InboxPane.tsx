import { useId, type Ref, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { ConversationSummary } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import './inbox.css';
import { useSession } from '../session/SessionContext';
import { FilterBar } from '../triage/FilterBar';
import { KeyHints } from '../triage/KeyHints';
import { SelectionBar } from '../triage/SelectionBar';
import { useShownCounts } from '../triage/useShownCounts';
import { InboxList, type InboxListHandle } from './InboxList';

/** The keys worth seeing while working the list; `?` shows them all. */
const LIST_ACTIONS = ['close', 'snooze', 'tag', 'assign', 'select', 'reply', 'help'] as const;

interface InboxPaneProps {
  listRef: RefObject<HTMLDivElement | null>;
  handleRef: Ref<InboxListHandle>;
  onOpen(item: ConversationSummary): void;
  onReply(item: ConversationSummary): void;
}

/** The active view: its name, count and overdue count, the filters, and the list. */
export function InboxPane({ listRef, handleRef, onOpen, onReply }: InboxPaneProps) {
  const { t } = useI18n();
  const { triage } = useSession();
  const view = useStore(triage.query, (s) => s.view);
  const counts = useShownCounts();
  const headingId = useId();
  const overdue = counts?.overdue[view] ?? 0;
  return (
    <section className="inbox-pane" aria-labelledby={headingId}>
      <header className="pane-header">
        <h2 id={headingId}>{t(`views.${view}`)}</h2>
        {counts !== null && <span className="pane-count">{t('inbox.count', { count: counts.total[view] })}</span>}
        {overdue > 0 && <span className="pane-overdue">{t('views.overdue', { count: overdue })}</span>}
      </header>
      <FilterBar />
      <InboxList listRef={listRef} handleRef={handleRef} onOpen={onOpen} onReply={onReply} />
      <SelectionBar />
      <p className="inbox-keys">
        <KeyHints actions={LIST_ACTIONS} />
      </p>
    </section>
  );
}
