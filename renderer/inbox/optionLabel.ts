import type { Agent, ConversationSummary, Language } from '../../shared/domain';
import { formatRelativeTime, type Translator } from '../../shared/i18n';
import { slaShown } from '../triage/slaClock';
import { formatWakeTime } from '../triage/snoozeTimes';

/**
 * What a screen reader says for a row: "Anna Kowalska, review, 2 stars,
 * negative sentiment, overdue by 5 min, assigned to Olga, draft saved, 5 minutes
 * ago: <preview>" — everything the row shows in colour or symbols, in words. A
 * snoozed conversation says when it comes back instead of its clock.
 */
export function optionLabel(t: Translator, lang: Language, item: ConversationSummary, now: number, assignee: Agent | undefined): string {
  const sla = slaShown(lang, item.slaDueAt, now);
  const details = [
    item.contactName,
    t(`kind.${item.kind}`),
    ...(item.rating === null ? [] : [t('rating.stars', { count: item.rating })]),
    t(`sentiment.spoken.${item.sentiment}`),
    ...(item.status === 'snoozed' && item.snoozedUntil !== null
      ? [t('triage.snoozedUntil', { time: formatWakeTime(lang, item.snoozedUntil) })]
      : sla === null
        ? []
        : [t(`sla.${sla.state}`, { time: sla.time })]),
    ...(assignee === undefined ? [] : [t('triage.assignedTo', { name: assignee.name })]),
    ...(item.hasDraft ? [t('triage.hasDraft')] : []),
  ];
  return t('inbox.option', { details: details.join(', '), time: formatRelativeTime(lang, item.lastMessageAt, now), preview: item.preview });
}
