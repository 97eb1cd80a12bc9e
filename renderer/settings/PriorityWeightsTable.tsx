import { useMemo } from 'react';
import type { MessageKey } from '../../shared/i18n';
import type { PriorityWeights } from '../../shared/triage';
import { useI18n } from '../i18n/I18nProvider';

/** The weights in the order they matter: sentiment class, then the SLA clock, then age. */
const rows = (weights: PriorityWeights): readonly (readonly [MessageKey, number])[] => [
  ['settings.priority.sentiment.negative', weights.sentiment.negative],
  ['settings.priority.sentiment.neutral', weights.sentiment.neutral],
  ['settings.priority.sentiment.positive', weights.sentiment.positive],
  ['settings.priority.sentiment.perScoreUnit', weights.sentiment.perScoreUnit],
  ['settings.priority.overdueBonus', weights.overdueBonus],
  ['settings.priority.overduePerHour', weights.overduePerHour],
  ['settings.priority.dueSoonBonus', weights.dueSoonBonus],
  ['settings.priority.timeLeftPerHour', weights.timeLeftPerHour],
  ['settings.priority.agePerHour', weights.agePerHour],
];

/** Read-only: how the Needs reply queue is ordered, so the agent can see why an item is where it is. */
export function PriorityWeightsTable({ weights, labelledBy }: { weights: PriorityWeights; labelledBy: string }) {
  const { t, lang } = useI18n();
  // Age earns 0.0001 points an hour: the usual three decimals would show it as 0.
  const numbers = useMemo(() => new Intl.NumberFormat(lang, { maximumSignificantDigits: 6 }), [lang]);
  return (
    <table className="priority-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('settings.priority.factor')}</th>
          <th scope="col">{t('settings.priority.points')}</th>
        </tr>
      </thead>
      <tbody>
        {rows(weights).map(([key, points]) => (
          <tr key={key}>
            <th scope="row">{t(key)}</th>
            <td>{numbers.format(points)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
