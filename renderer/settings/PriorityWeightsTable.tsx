import type { MessageKey } from '../../shared/i18n';
import { formatNumber } from '../../shared/i18n';
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
export function PriorityWeightsTable({ weights }: { weights: PriorityWeights }) {
  const { t, lang } = useI18n();
  return (
    <table className="priority-table">
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
            <td>{formatNumber(lang, points)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
