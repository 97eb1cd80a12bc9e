import { useEffect, useRef } from 'react';
import type { Message } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { MessageItem } from './MessageItem';

export function MessageLog({ messages, now }: { messages: readonly Message[]; now: number }) {
  const { t } = useI18n();
  const logRef = useRef<HTMLDivElement>(null);

  // The newest message is what the agent answers: keep it in view as messages arrive.
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length]);

  return (
    // Focusable so a long history can be scrolled from the keyboard.
    <div ref={logRef} role="log" tabIndex={0} className="message-log" aria-label={t('conversation.messages')}>
      <ol className="messages">
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} now={now} />
        ))}
      </ol>
    </div>
  );
}
