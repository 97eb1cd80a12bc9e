import type { Message } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../i18n/useNow';
import { actionKeyLabel } from '../keyboard/keymap';

/** The newest reply the outbox has not tried yet: it may still be in its undo window. */
export function waitingReply(messages: readonly Message[]): (Message & { sendAt: number }) | undefined {
  const found = messages.findLast((m) => m.direction === 'out' && m.state === 'queued' && m.sendAt !== null);
  return found?.sendAt != null ? { ...found, sendAt: found.sendAt } : undefined;
}

/**
 * "Sending in 4 s · Undo (Ctrl+Z)", counting down each second, with a bar
 * that empties and the button. Keyed by the reply, so its clock starts when
 * the reply appears. Renders nothing once the window is over: the message
 * itself then shows sending and sent.
 */
export function UndoSendBar({ reply, onUndo }: { reply: Message & { sendAt: number }; onUndo(messageId: string): void }) {
  const { t } = useI18n();
  const now = useNow(1_000);
  const left = reply.sendAt - now;
  if (left <= 0) return null;
  const window = Math.max(reply.sendAt - reply.createdAt, left);
  return (
    <div className="undo-send">
      <span role="status" className="undo-send-text">
        {t('composer.sendingIn', { seconds: Math.ceil(left / 1_000), key: actionKeyLabel('undo') })}
      </span>
      <progress className="undo-send-progress" max={window} value={left} aria-hidden="true" />
      <button type="button" onClick={() => onUndo(reply.id)}>
        {t('composer.undo')}
      </button>
    </div>
  );
}
