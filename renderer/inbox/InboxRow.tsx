import type { ConversationSummary } from '../../shared/domain';
import { formatRelativeTime } from '../../shared/i18n';
import { Rating } from '../common/Rating';
import { useI18n } from '../i18n/I18nProvider';
import { optionLabel } from './optionLabel';
import { ROW_HEIGHT } from './windowing';

interface InboxRowProps {
  id: string;
  index: number;
  setSize: number;
  /** Undefined while its page is being read. */
  item: ConversationSummary | undefined;
  selected: boolean;
  open: boolean;
  now: number;
  onPick(index: number): void;
}

export function InboxRow({ id, index, setSize, item, selected, open, now, onPick }: InboxRowProps) {
  const { t, lang } = useI18n();
  const option = {
    id,
    role: 'option',
    'aria-selected': selected,
    'aria-setsize': setSize,
    'aria-posinset': index + 1,
    style: { top: index * ROW_HEIGHT, height: ROW_HEIGHT },
    onClick: () => onPick(index),
  } as const;

  if (!item) return <div {...option} className="inbox-row inbox-row--placeholder" aria-label={t('inbox.loadingRow', { position: index + 1 })} />;

  return (
    <div {...option} className="inbox-row" data-open={open || undefined} aria-label={optionLabel(t, lang, item, now)}>
      <div className="inbox-row-line">
        <span className="inbox-row-contact" dir="auto">
          {item.contactName}
        </span>
        <time className="inbox-row-time" dateTime={new Date(item.lastMessageAt).toISOString()}>
          {formatRelativeTime(lang, item.lastMessageAt, now)}
        </time>
      </div>
      <div className="inbox-row-line inbox-row-meta">
        <span>
          {t(`platform.${item.platform}`)} · {t(`kind.${item.kind}`)}
        </span>
        {item.rating !== null && <Rating stars={item.rating} />}
      </div>
      <div className="inbox-row-preview" dir="auto">
        {item.preview}
      </div>
    </div>
  );
}
