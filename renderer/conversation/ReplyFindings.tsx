import type { Finding } from '../../shared/domain';
import { FindingList } from '../composer/FindingList';
import { useI18n } from '../i18n/I18nProvider';
import { KeyHints } from '../triage/KeyHints';

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
      <FindingList findings={findings} />
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
