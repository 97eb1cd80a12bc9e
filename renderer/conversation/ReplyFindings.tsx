import type { Finding } from '../../shared/domain';
import { catalogs, type MessageKey, type Translator } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { KeyHints } from '../triage/KeyHints';

/** The engine names each finding's message by catalog key; a key this build does not know falls back to the finding's kind. */
function describe(t: Translator, finding: Finding): string {
  const known = Object.prototype.hasOwnProperty.call(catalogs.en, finding.messageKey);
  return known ? t(finding.messageKey as MessageKey, finding.params) : finding.kind;
}

interface ReplyFindingsProps {
  id: string;
  findings: readonly Finding[];
  onSendAnyway(): void;
}

/**
 * Why the engine's checks refused a reply, in the agent's language. Warnings
 * can be overridden with one key (each override is audited by the engine);
 * a block needs the text changed.
 */
export function ReplyFindings({ id, findings, onSendAnyway }: ReplyFindingsProps) {
  const { t } = useI18n();
  const blocked = findings.some((finding) => finding.severity === 'block');
  return (
    <div id={id} role="alert" className="reply-error reply-findings">
      <p>{t('reply.checks')}</p>
      <ul>
        {findings.map((finding) => (
          <li key={`${finding.rule}:${finding.start}`} data-severity={finding.severity} dir="auto">
            {describe(t, finding)}
          </li>
        ))}
      </ul>
      {blocked ? (
        <p>{t('reply.checksBlocked')}</p>
      ) : (
        <p>
          <button type="button" onClick={onSendAnyway}>
            {t('action.sendAnyway')}
          </button>{' '}
          <KeyHints actions={['sendAnyway']} />
        </p>
      )}
    </div>
  );
}
