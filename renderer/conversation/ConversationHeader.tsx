import type { Conversation, ConversationSummary } from '../../shared/domain';
import { Rating } from '../common/Rating';
import { useI18n } from '../i18n/I18nProvider';
import { PriorityWhy } from './PriorityWhy';

/** `conversation` is the list's summary until the full read lands; then the priority's explanation shows too. */
export function ConversationHeader({ conversation, headingId }: { conversation: ConversationSummary | Conversation; headingId: string }) {
  const { t } = useI18n();
  return (
    <header className="conversation-header">
      <div className="conversation-who">
        <h2 id={headingId} dir="auto">
          {conversation.contactName}
        </h2>
        {conversation.contactHandle !== '' && (
          <span className="conversation-handle" dir="auto">
            {conversation.contactHandle}
          </span>
        )}
      </div>
      <div className="conversation-meta">
        <span>
          {t(`platform.${conversation.platform}`)} · {t(`kind.${conversation.kind}`)}
        </span>
        {conversation.rating !== null && <Rating stars={conversation.rating} />}
      </div>
      {conversation.title !== '' && (
        <p className="conversation-title" dir="auto">
          {conversation.title}
        </p>
      )}
      {'priority' in conversation && <PriorityWhy conversation={conversation} />}
    </header>
  );
}
