import { KNOWN_VARIABLES } from '../../shared/canned/placeholders';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';

/** What each variable the engine fills becomes; the list itself is the engine's (KNOWN_VARIABLES), so a new one shows up here. */
const MEANING: Readonly<Record<string, MessageKey>> = {
  'contact.first_name': 'canned.variable.firstName',
  'contact.name': 'canned.variable.name',
  'agent.name': 'canned.variable.agent',
  'account.name': 'canned.variable.account',
  platform: 'canned.variable.platform',
};

/** Beside the body: the variables a reply may use, and how to leave a field for the agent to fill in. */
export function VariableHelp({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <aside className="canned-variables" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('canned.variables')}</h3>
      <dl>
        {[...KNOWN_VARIABLES].map((name) => {
          const meaning = MEANING[name];
          return (
            <div key={name}>
              <dt>
                <code>{`{{${name}}}`}</code>
              </dt>
              {meaning && <dd>{t(meaning)}</dd>}
            </div>
          );
        })}
        <div>
          <dt>
            <code>{`{{? ${t('canned.variable.fieldExample')} }}`}</code>
          </dt>
          <dd>{t('canned.variable.field')}</dd>
        </div>
      </dl>
    </aside>
  );
}
