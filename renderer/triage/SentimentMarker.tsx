import type { SentimentClass } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';

/** A shape per class, so it reads without colour; the row's label says it in words. */
const SYMBOL: Readonly<Record<SentimentClass, string>> = { negative: '▼', neutral: '●', positive: '▲' };

export function SentimentMarker({ sentiment }: { sentiment: SentimentClass }) {
  const { t } = useI18n();
  return (
    <span className={`sentiment sentiment--${sentiment}`} title={t(`sentiment.${sentiment}`)} aria-hidden="true">
      {SYMBOL[sentiment]}
    </span>
  );
}
