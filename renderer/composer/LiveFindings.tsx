import type { Finding } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useActionKey } from '../keyboard/useActionKey';
import { FindingList } from './FindingList';

/**
 * What the checks found while the agent types, under the box: the count is
 * announced politely, the list says what each is. The same text is underlined
 * in the box; the fix key opens the fixes for the one at the cursor.
 */
export function LiveFindings({ id, findings }: { id: string; findings: readonly Finding[] }) {
  const { t } = useI18n();
  const fixKey = useActionKey('fixFinding');
  return (
    <div id={id} className="live-findings">
      <p role="status" className="live-findings-summary">
        {findings.length > 0 && (
          <>
            {t('composer.findings', { count: findings.length })}
            {fixKey !== '' && <span className="keys-hint"> · {t('composer.findingsHint', { key: fixKey })}</span>}
          </>
        )}
      </p>
      {findings.length > 0 && <FindingList findings={findings} className="live-findings-list" />}
    </div>
  );
}
