import type { Finding } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { describeFinding } from './describeFinding';

/** What the checks found, one item each in the agent's language, marked by severity and kind for the styles. */
export function FindingList({ findings, className }: { findings: readonly Finding[]; className?: string }) {
  const { t } = useI18n();
  return (
    <ul className={className}>
      {findings.map((finding) => (
        <li key={`${finding.rule}:${finding.start}:${finding.end}`} data-severity={finding.severity} data-kind={finding.kind} dir="auto">
          {describeFinding(t, finding)}
        </li>
      ))}
    </ul>
  );
}
