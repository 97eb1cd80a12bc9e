import { memo } from 'react';
import type { Agent, ConversationSummary, Tag } from '../../shared/domain';
import { formatRelativeTime } from '../../shared/i18n';
import { Rating } from '../common/Rating';
import { useI18n } from '../i18n/I18nProvider';
import { SentimentMarker } from '../triage/SentimentMarker';
import { SlaBadge } from '../triage/SlaBadge';
import { formatWakeTime } from '../triage/snoozeTimes';
import { TagChips } from '../triage/TagChips';
import { optionLabel } from './optionLabel';
import { ROW_HEIGHT } from './windowing';

interface InboxRowProps {
  id: string;
  index: number;
  setSize: number;
  /** Undefined while its page is being read. */
  item: ConversationSummary | undefined;
  /** Under the cursor. */
  selected: boolean;
  /** Checked with `x` for a bulk action. */
  checked: boolean;
  open: boolean;
  now: number;
  tagById: ReadonlyMap<string, Tag>;
  assignee: Agent | undefined;
}

/**
 * One row of the queue. Memoized, and every prop is a primitive or a reference
 * that only changes when the row's own data does, so a cursor move re-renders
 * the two rows whose `selected` changed, not the window. Clicks are handled by
 * the list (data-index), so there is no per-row callback to re-create.
 */
export const InboxRow = memo(function InboxRow({ id, index, setSize, item, selected, checked, open, now, tagById, assignee }: InboxRowProps) {
  const { t, lang } = useI18n();
  const option = {
    id,
    role: 'option',
    'aria-selected': selected,
    'aria-checked': checked,
    'aria-setsize': setSize,
    'aria-posinset': index + 1,
    'data-index': index,
    style: { top: index * ROW_HEIGHT, height: ROW_HEIGHT },
  } as const;

  if (!item) return <div {...option} className="inbox-row inbox-row--placeholder" aria-label={t('inbox.loadingRow', { position: index + 1 })} />;

  return (
    <div {...option} className="inbox-row" data-open={open || undefined} aria-label={optionLabel(t, lang, item, now, assignee)}>
      <div className="inbox-row-line">
        <span className="inbox-row-contact" dir="auto">
          {checked && <span className="inbox-row-check" aria-hidden="true">✓ </span>}
          {item.contactName}
        </span>
        <span className="inbox-row-clock">
          {item.status === 'snoozed' && item.snoozedUntil !== null ? (
            <span className="inbox-row-wake">{t('triage.snoozedUntil', { time: formatWakeTime(lang, item.snoozedUntil) })}</span>
          ) : (
            <SlaBadge dueAt={item.slaDueAt} now={now} />
          )}
          <time className="inbox-row-time" dateTime={new Date(item.lastMessageAt).toISOString()}>
            {formatRelativeTime(lang, item.lastMessageAt, now)}
          </time>
        </span>
      </div>
      <div className="inbox-row-line inbox-row-meta">
        <span className="inbox-row-facts">
          <SentimentMarker sentiment={item.sentiment} />
          {t(`platform.${item.platform}`)} · {t(`kind.${item.kind}`)}
          {item.rating !== null && <Rating stars={item.rating} />}
          {item.hasDraft && <span className="inbox-row-draft">{t('triage.draft')}</span>}
        </span>
        <span className="inbox-row-facts">
          <TagChips tagIds={item.tagIds} tagById={tagById} />
          {assignee && (
            <span className="inbox-row-assignee" dir="auto">
              {assignee.name}
            </span>
          )}
        </span>
      </div>
      <div className="inbox-row-preview" dir="auto">
        {item.preview}
      </div>
    </div>
  );
});
