import { useI18n } from '../i18n/I18nProvider';
import { useActionKey } from '../keyboard/useActionKey';

/**
 * After a private reply to a public comment: the library's "let's continue
 * privately" line, offered for the public thread so other readers see the
 * customer was answered. Taking it puts it in the box as a public reply.
 */
export function HandoffOffer({ text, onUse, onDismiss }: { text: string; onUse(): void; onDismiss(): void }) {
  const { t } = useI18n();
  const key = useActionKey('insertHandoff');
  return (
    <section className="handoff-offer" aria-label={t('composer.handoff')}>
      <p>{t('composer.handoff')}</p>
      <blockquote dir="auto">{text}</blockquote>
      <p>
        <button type="button" onClick={onUse}>
          {t('composer.handoffUse')}
        </button>
        {key !== '' && <span className="keys-hint"> {key}</span>}{' '}
        <button type="button" onClick={onDismiss}>
          {t('composer.handoffDismiss')}
        </button>
      </p>
    </section>
  );
}
