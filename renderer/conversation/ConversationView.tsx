import { useId, type RefObject } from 'react';
import { useStore } from 'zustand';
import { canHide, defaultVisibility, type ConversationSummary, type Message } from '../../shared/domain';
import { RpcError } from '../../shared/rpc';
import type { ComposerHandle } from '../composer/composerHandle';
import type { Translator } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useNow } from '../i18n/useNow';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import type { HideProblem } from './commentHiding';
import { ConversationHeader } from './ConversationHeader';
import type { PendingReply } from './conversationStore';
import { MessageLog } from './MessageLog';
import { ReplyBox } from './ReplyBox';

const NO_PENDING: readonly PendingReply[] = [];

interface ConversationViewProps {
  opened: ConversationSummary;
  replyRef: RefObject<HTMLTextAreaElement | null>;
  composerRef: RefObject<ComposerHandle | null>;
}

function hideProblemText(problem: HideProblem, t: Translator): string {
  switch (problem.kind) {
    case 'cannotHide':
      return t('conversation.cannotHide');
    case 'nothingToHide':
      return t('conversation.nothingToHide');
    case 'refused':
      return t('conversation.hideRefused', { reason: errorReason(problem.error, t) });
  }
}

export function ConversationView({ opened, replyRef, composerRef }: ConversationViewProps) {
  const { t } = useI18n();
  const { conversation: store, hiding } = useSession();
  const hideProblem = useStore(hiding.problems, (problems) => problems[opened.id]);
  const conversation = useStore(store.state, (s) => s.conversation);
  const loadError = useStore(store.state, (s) => s.loadError);
  const pending = useStore(store.state, (s) => s.pending[opened.id] ?? NO_PENDING);
  const now = useNow();
  const headingId = useId();

  const engineMessages = conversation?.messages ?? [];
  const known = new Set(engineMessages.map((m) => m.clientId));
  // Replies the engine has not acknowledged yet show as queued, in the agent's words, at once. The pending copy
  // leaves when reply.send answers, or as soon as the engine's own copy (same clientId) arrives by an event.
  const queued = pending
    .filter((reply) => !known.has(reply.clientId))
    .map(
      (reply): Message => ({
        id: reply.clientId,
        conversationId: opened.id,
        direction: 'out',
        visibility: reply.visibility ?? defaultVisibility(opened.kind),
        authorName: t('message.you'),
        body: reply.body,
        createdAt: reply.createdAt,
        state: 'queued',
        clientId: reply.clientId,
        error: null,
        sendAt: null,
        hidden: false,
        hideState: null,
        hideError: null,
      }),
    );

  const shown = [...engineMessages, ...queued];

  return (
    <article className="conversation" aria-labelledby={headingId}>
      <ConversationHeader conversation={conversation ?? opened} headingId={headingId} />
      {loadError !== null && (
        <p role="alert" className="conversation-error">
          {loadError instanceof RpcError && loadError.code === 'not_found'
            ? t('conversation.notFound')
            : t('conversation.loadFailed', { reason: errorReason(loadError, t) })}
        </p>
      )}
      <MessageLog messages={shown} now={now} onSetHidden={canHide(opened.platform, opened.kind) ? (message, hidden) => void hiding.setHidden(message, hidden) : undefined} />
      {hideProblem && (
        <p role="status" className="conversation-error">
          {hideProblemText(hideProblem, t)}
        </p>
      )}
      <ReplyBox conversation={opened} messages={shown} textareaRef={replyRef} handleRef={composerRef} />
    </article>
  );
}
