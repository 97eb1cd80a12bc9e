import { useId, type KeyboardEvent, type RefObject } from 'react';
import { useStore } from 'zustand';
import { MAX_REPLY_LENGTH } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { keyAction } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';

interface ReplyBoxProps {
  conversationId: string;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

export function ReplyBox({ conversationId, textareaRef }: ReplyBoxProps) {
  const { t } = useI18n();
  const { conversation } = useSession();
  const draft = useStore(conversation.state, (s) => s.drafts[conversationId] ?? '');
  const sendError = useStore(conversation.state, (s) => s.sendErrors[conversationId]);
  const id = useId();
  const failed = sendError !== undefined;

  const send = () => void conversation.send(conversationId);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (keyAction(event.nativeEvent, 'composer') !== 'send') return;
    event.preventDefault();
    send();
  };

  return (
    <div className="reply">
      <label htmlFor={`${id}-text`} className="reply-label">
        {t('reply.label')}
      </label>
      <textarea
        id={`${id}-text`}
        ref={textareaRef}
        className="reply-text"
        dir="auto"
        rows={4}
        maxLength={MAX_REPLY_LENGTH}
        value={draft}
        aria-describedby={failed ? `${id}-error ${id}-hint` : `${id}-hint`}
        onChange={(event) => conversation.setDraft(conversationId, event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {failed && (
        <p id={`${id}-error`} role="alert" className="reply-error" dir="auto">
          {t('reply.failed', { reason: errorReason(sendError, t) })}
        </p>
      )}
      <div className="reply-actions">
        <span id={`${id}-hint`} className="keys-hint">
          {t('reply.hint')}
        </span>
        <button type="button" className="button-primary" onClick={send} disabled={draft.trim() === ''}>
          {t('reply.send')}
        </button>
      </div>
    </div>
  );
}
