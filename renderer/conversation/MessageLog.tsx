import { useEffect, useRef } from 'react';
import type { Message } from '../../shared/domain';
import { useI18n } from '../i18n/I18nProvider';
import { MessageItem } from './MessageItem';

interface MessageLogProps {
  messages: readonly Message[];
  now: number;
  /** Set where the platform lets customers' messages here be hidden from the public. */
  onSetHidden?: (message: Message, hidden: boolean) => void;
}

export function MessageLog({ messages, now, onSetHidden }: MessageLogProps) {
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
          <MessageItem key={message.id} message={message} now={now} onSetHidden={message.direction === 'in' ? onSetHidden : undefined} />
        ))}
      </ol>
    </div>
  );
}
