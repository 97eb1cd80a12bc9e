import type { KeyboardEvent, RefObject } from 'react';
import { useStore } from 'zustand';
import type { ComposerHandle } from '../composer/composerHandle';
import { useI18n } from '../i18n/I18nProvider';
import { keyAction } from '../keyboard/keymap';
import { useSession } from '../session/SessionContext';
import { ConversationView } from './ConversationView';
import './conversation.css';

interface ConversationPaneProps {
  /** The workspace reads it to tell whether an action is about the open conversation. */
  paneRef: RefObject<HTMLElement | null>;
  replyRef: RefObject<HTMLTextAreaElement | null>;
  composerRef: RefObject<ComposerHandle | null>;
  /** Esc anywhere in the pane: back to the list. */
  onBack(): void;
}

export function ConversationPane({ paneRef, replyRef, composerRef, onBack }: ConversationPaneProps) {
  const { t } = useI18n();
  const opened = useStore(useSession().conversation.state, (s) => s.opened);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (keyAction(event.nativeEvent, 'conversation') !== 'back') return;
    event.preventDefault();
    onBack();
  };

  return (
    <section ref={paneRef} className="conversation-pane" onKeyDown={onKeyDown}>
      {opened ? (
        <ConversationView key={opened.id} opened={opened} replyRef={replyRef} composerRef={composerRef} />
      ) : (
        <div className="conversation-none">
          <h2>{t('conversation.noneTitle')}</h2>
          <p>{t('conversation.noneHint')}</p>
        </div>
      )}
    </section>
  );
}
