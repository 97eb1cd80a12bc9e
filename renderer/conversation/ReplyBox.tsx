import { useEffect, useId, type KeyboardEvent, type RefObject } from 'react';
import { useStore } from 'zustand';
import { MAX_REPLY_LENGTH, type Message } from '../../shared/domain';
import { RpcError } from '../../shared/rpc';
import { useI18n } from '../i18n/I18nProvider';
import { keyAction } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { ReplyFindings } from './ReplyFindings';
import { isUndoKey } from './undoKey';
import { UndoSendBar, waitingReply } from './UndoSendBar';

interface ReplyBoxProps {
  conversationId: string;
  /** The conversation's messages as shown: the newest reply in its undo window gets the countdown. */
  messages: readonly Message[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

export function ReplyBox({ conversationId, messages, textareaRef }: ReplyBoxProps) {
  const { t } = useI18n();
  const { conversation } = useSession();
  const draft = useStore(conversation.state, (s) => s.drafts[conversationId] ?? '');
  const sendError = useStore(conversation.state, (s) => s.sendErrors[conversationId]);
  const undoError = useStore(conversation.state, (s) => s.undoErrors[conversationId]);
  const findings = useStore(conversation.state, (s) => s.findings[conversationId]);
  const id = useId();
  const failed = sendError !== undefined;
  const waiting = waitingReply(messages);

  // The draft comes back from the engine on open; a save still waiting goes out when the box goes (switch, back, close).
  useEffect(() => {
    conversation.loadDraft(conversationId);
    const flushAll = () => conversation.flushDraft();
    window.addEventListener('pagehide', flushAll);
    return () => {
      window.removeEventListener('pagehide', flushAll);
      conversation.flushDraft(conversationId);
    };
  }, [conversation, conversationId]);

  const send = () => void conversation.send(conversationId);
  const sendAnyway = () => void conversation.sendAnyway(conversationId);
  const undo = (messageId: string) =>
    void conversation.undoSend(conversationId, messageId).then((undone) => {
      if (undone) textareaRef.current?.focus();
    });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = keyAction(event.nativeEvent, 'composer');
    if (action === 'send' || action === 'sendAnyway') {
      event.preventDefault();
      if (action === 'send') send();
      else sendAnyway();
      return;
    }
    // With text in the box the undo key undoes typing, as in any text field; an empty box has no typing to undo.
    if (draft !== '' || !waiting || waiting.sendAt <= Date.now() || !isUndoKey(event.nativeEvent)) return;
    event.preventDefault();
    undo(waiting.id);
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
        onBlur={() => conversation.flushDraft(conversationId)}
        onKeyDown={onKeyDown}
      />
      {failed &&
        (findings && findings.length > 0 ? (
          <ReplyFindings id={`${id}-error`} findings={findings} onSendAnyway={sendAnyway} />
        ) : (
          <p id={`${id}-error`} role="alert" className="reply-error" dir="auto">
            {t('reply.failed', { reason: errorReason(sendError, t) })}
          </p>
        ))}
      {undoError !== undefined && (
        <p role="alert" className="reply-error" dir="auto">
          {undoError instanceof RpcError && undoError.code === 'refused' ? t('composer.undoRefused') : t('composer.undoFailed', { reason: errorReason(undoError, t) })}
        </p>
      )}
      {waiting && <UndoSendBar key={waiting.id} reply={waiting} onUndo={undo} />}
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
