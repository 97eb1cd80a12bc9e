import { UNCONFIRMED_SEND, type Message, type OutboundState } from '../../shared/domain';
import { formatRelativeTime, type Translator } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Bodies, names and platform errors come from strangers on the internet: they
 * are only ever React text (never parsed as HTML), wrap anywhere, and sit in
 * their own bidi isolate (dir="auto" + CSS) so a stray U+202E cannot reorder
 * the interface around them.
 */
export function MessageItem({ message, now }: { message: Message; now: number }) {
  const { t, lang } = useI18n();
  const outbound = message.direction === 'out';
  return (
    <li className={outbound ? 'message message--out' : 'message message--in'} data-state={message.state ?? undefined}>
      <div className="message-meta">
        <span className="message-author" dir="auto">
          {message.authorName}
        </span>
        <time dateTime={new Date(message.createdAt).toISOString()} title={new Date(message.createdAt).toLocaleString(lang)}>
          {formatRelativeTime(lang, message.createdAt, now)}
        </time>
        {message.visibility === 'private' && <span className="message-badge">{t('message.private')}</span>}
      </div>
      <p className="message-body" dir="auto">
        {message.body}
      </p>
      {outbound && message.state !== null && (
        <p className={`message-state message-state--${message.state}`} dir="auto">
          {stateText(message.state, message.error, t)}
        </p>
      )}
    </li>
  );
}

/** A failure says why; one whose outcome is unknown says so, so the agent looks before sending it again. */
function stateText(state: OutboundState, error: string | null, t: Translator): string {
  if (state === 'failed' && error === UNCONFIRMED_SEND) return t('message.unconfirmed');
  if (state === 'failed' && error) return t('message.failedReason', { reason: error });
  return t(`message.state.${state}`);
}
