import { useId, useState } from 'react';
import type { Conversation } from '../../shared/domain';
import { formatNumber } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';

/** Points are sums of weights per minute; two decimals say enough. */
const rounded = (points: number) => Math.round(points * 100) / 100;

/**
 * "Why is this first?": a disclosure with the priority score's parts in words
 * (they add up to the score) and the words of the customer that moved the
 * sentiment, quoted as text.
 */
export function PriorityWhy({ conversation }: { conversation: Pick<Conversation, 'priority' | 'sentimentEvidence'> }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { priority, sentimentEvidence } = conversation;
  return (
    <div className="priority-why">
      <button type="button" className="priority-why-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('priority.why')}
      </button>
      <div id={panelId} className="priority-why-panel" hidden={!open}>
        <p>{t('priority.total', { score: rounded(priority.score) })}</p>
        <ul>
          {priority.parts.map((part) => (
            <li key={part.factor}>
              {t(`priority.${part.factor}`)}: {t('priority.points', { count: rounded(part.points) })}
            </li>
          ))}
        </ul>
        <h3>{t('priority.evidenceHeading')}</h3>
        {sentimentEvidence.length === 0 ? (
          <p>{t('priority.noEvidence')}</p>
        ) : (
          <ul>
            {sentimentEvidence.map((evidence, index) => (
              <li key={`${evidence.messageId}-${index}`} dir="auto">
                {t('priority.evidenceItem', {
                  text: evidence.text,
                  kind: t(`priority.evidence.${evidence.kind}`),
                  weight: `${evidence.weight > 0 ? '+' : ''}${formatNumber(lang, rounded(evidence.weight))}`,
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
