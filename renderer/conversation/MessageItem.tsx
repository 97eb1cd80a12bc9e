import { UNCONFIRMED_SEND, type Message, type OutboundState } from '../../shared/domain';
import { formatRelativeTime, type Translator } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { nextHidden } from './commentHiding';

/**
 * Bodies, names and platform errors come from strangers on the internet: they
 * are only ever React text (never parsed as HTML), wrap anywhere, and sit in
 * their own bidi isolate (dir="auto" + CSS) so a stray U+202E cannot reorder
 * the interface around them.
 */
interface MessageItemProps {
  message: Message;
  now: number;
  /** Set where the platform lets this message be hidden from the public: hides it, or shows it again. */
  onSetHidden?: (message: Message, hidden: boolean) => void;
}

export function MessageItem({ message, now, onSetHidden }: MessageItemProps) {
  const { t, lang } = useI18n();
  const outbound = message.direction === 'out';
  return (
    <li className={outbound ? 'message message--out' : 'message message--in'} data-state={message.state ?? undefined} data-hidden={message.hidden || undefined}>
      <div className="message-meta">
        <span className="message-author" dir="auto">
          {message.authorName}
        </span>
        <time dateTime={new Date(message.createdAt).toISOString()} title={new Date(message.createdAt).toLocaleString(lang)}>
          {formatRelativeTime(lang, message.createdAt, now)}
        </time>
        {message.visibility === 'private' && <span className="message-badge">{t('message.private')}</span>}
        {message.hidden && message.hideState !== 'failed' && <span className="message-badge message-badge--hidden">{t('message.hidden')}</span>}
        {onSetHidden && (
          <button type="button" className="message-hide" aria-label={t(hideLabelKey(message))} onClick={() => onSetHidden(message, nextHidden(message))}>
            {t(message.hideState === 'failed' ? 'message.retryHide' : message.hidden ? 'message.unhide' : 'message.hide')}
          </button>
        )}
        {onSetHidden && message.hideState === 'failed' && (
          // After a refusal the agent may rather give up the wish: the comment stays as the platform has it.
          <button type="button" className="message-hide" onClick={() => onSetHidden(message, !message.hidden)}>
            {t(message.hidden ? 'message.leaveShown' : 'message.leaveHidden')}
          </button>
        )}
      </div>
      <p className="message-body" dir="auto">
        {message.body}
      </p>
      {message.hideState !== null && (
        <p className={`message-state message-state--hide-${message.hideState}`} dir="auto">
          {hideStateText(message, t)}
        </p>
      )}
      {outbound && message.state !== null && (
        <p className={`message-state message-state--${message.state}`} dir="auto">
          {stateText(message.state, message.error, t)}
        </p>
      )}
    </li>
  );
}

function hideLabelKey({ hidden, hideState }: Message) {
  if (hideState === 'failed') return hidden ? 'message.retryHideLabel' : 'message.retryUnhideLabel';
  return hidden ? 'message.unhideLabel' : 'message.hideLabel';
}

/** The wish (hide or show again) on its way to the platform, or why the platform refused it. */
function hideStateText({ hidden, hideState, hideError }: Message, t: Translator): string {
  if (hideState === 'failed') return t(hidden ? 'message.hideFailed' : 'message.unhideFailed', { reason: hideError ?? '' });
  return t(hidden ? 'message.hiding' : 'message.unhiding');
}

/** A failure says why; one whose outcome is unknown says so, so the agent looks before sending it again. */
function stateText(state: OutboundState, error: string | null, t: Translator): string {
  if (state === 'failed' && error === UNCONFIRMED_SEND) return t('message.unconfirmed');
  if (state === 'failed' && error) return t('message.failedReason', { reason: error });
  return t(`message.state.${state}`);
}
