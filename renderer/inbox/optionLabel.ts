import type { ConversationSummary, Language } from '../../shared/domain';
import { formatRelativeTime, type Translator } from '../../shared/i18n';

/** What a screen reader says for a row: "Anna Kowalska, review, 2 stars, 5 minutes ago: <preview>". */
export function optionLabel(t: Translator, lang: Language, item: ConversationSummary, now: number): string {
  const params = {
    name: item.contactName,
    kind: t(`kind.${item.kind}`),
    time: formatRelativeTime(lang, item.lastMessageAt, now),
    preview: item.preview,
  };
  return item.rating === null ? t('inbox.option', params) : t('inbox.optionRated', { ...params, rating: t('rating.stars', { count: item.rating }) });
}
