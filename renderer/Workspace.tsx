import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ConversationSummary } from '../shared/domain';
import type { ActionId } from '../shared/keymap';
import { actionDef } from '../shared/keymap/actions';
import type { ComposerHandle } from './composer/composerHandle';
import { ConversationPane } from './conversation/ConversationPane';
import { useI18n } from './i18n/I18nProvider';
import { LanguageSwitcher } from './i18n/LanguageSwitcher';
import { InboxPane } from './inbox/InboxPane';
import type { InboxListHandle } from './inbox/InboxList';
import { keyAction } from './keyboard/keymap';
import { Overlays } from './overlays/Overlays';
import { overlays, showOverlay } from './overlays/overlayStore';
import { useSession } from './session/SessionContext';
import { ConnectivityIndicator } from './status/ConnectivityIndicator';
import { SyncProgressBar } from './status/SyncProgressBar';
import { Notices } from './triage/Notices';
import { Pickers, type Picker } from './triage/Pickers';
import { snoozeFromNow } from './triage/snoozeTimes';
import './triage/triage.css';
import { ViewsNav } from './triage/ViewsNav';
import { GOTO_VIEW, SNOOZE_PRESET } from './workspaceActions';

/**
 * The one screen: status bar on top, the views, the queue, the open
 * conversation. It owns the key dispatch: every action — from a key or from the
 * command palette — goes through runAction, so both do the same thing.
 */
export function Workspace() {
  const { t } = useI18n();
  const session = useSession();
  const { conversation, composer, triage } = session;
  const listRef = useRef<HTMLDivElement>(null);
  const listHandle = useRef<InboxListHandle>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const composerRef = useRef<ComposerHandle>(null);
  const paneRef = useRef<HTMLElement>(null);
  const [picker, setPicker] = useState<Picker | null>(null);

  // Keyboard first: the agent can press j/k the moment the window appears.
  useEffect(() => listRef.current?.focus(), []);

  const focusList = () => listRef.current?.focus();

  const replyTo = (selected: ConversationSummary, privately = false) => {
    // `r` answers the open conversation; with none open it opens the selected one, rendered now so its box can take focus.
    if (conversation.state.getState().opened === null) flushSync(() => conversation.open(selected));
    const answering = conversation.state.getState().opened ?? selected;
    // Shift+R on a public comment: the platform's private reply (or a DM) instead of an answer in the thread.
    if (privately && answering.kind !== 'dm') composer.setVisibility(answering.id, 'private');
    replyRef.current?.focus();
  };

  /** From the conversation pane an action is about the open conversation; from anywhere else, the checked rows or the cursor's. */
  const targets = (): string[] => {
    const opened = conversation.state.getState().opened;
    const inPane = paneRef.current?.contains(document.activeElement) ?? false;
    if (inPane && opened && triage.selection.getState().checked.size === 0) return [opened.id];
    return triage.targets();
  };

  /** For actions on one conversation: the open one when the agent is in it; otherwise the row under the cursor. */
  const oneTarget = (): ConversationSummary | null => {
    const opened = conversation.state.getState().opened;
    const inPane = paneRef.current?.contains(document.activeElement) ?? false;
    return inPane ? opened : (triage.list.getState().rows.get(triage.cursor.getState().index) ?? opened);
  };

  const openPicker = (kind: Picker['kind']) => {
    const ids = targets();
    if (ids.length > 0) setPicker({ kind, ids });
  };

  const closePicker = () => {
    flushSync(() => setPicker(null));
    focusList();
  };

  const runAction = (id: ActionId): void => {
    // Moving, opening and checking are the list's, and leave the agent in it.
    if (actionDef(id).scope === 'list' && listHandle.current?.run(id)) return focusList();
    // The reply box's own actions (insert a canned reply, fix, go private) are the open reply box's to run.
    if (actionDef(id).scope === 'composer' && composerRef.current?.run(id)) return;
    const view = GOTO_VIEW[id];
    if (view !== undefined) {
      triage.setView(view);
      return focusList();
    }
    const preset = SNOOZE_PRESET[id];
    if (preset !== undefined) return triage.act(targets(), { type: 'snooze', until: snoozeFromNow(preset) });
    switch (id) {
      case 'close':
        return triage.act(targets(), { type: 'close' });
      case 'reopen':
        return triage.act(targets(), { type: 'reopen' });
      case 'snooze':
        return openPicker('snooze');
      case 'snooze.pick':
        return openPicker('snoozeAt');
      case 'tag':
        return openPicker('tags');
      case 'assign':
        return openPicker('assign');
      case 'undo':
        return triage.undo();
      case 'reply':
      case 'replyPrivately': {
        const target = oneTarget();
        if (target) replyTo(target, id === 'replyPrivately');
        return;
      }
      case 'toggleHidden': {
        const target = oneTarget();
        if (!target) return;
        // Opened so the change (or why it cannot be made) shows.
        if (conversation.state.getState().opened?.id !== target.id) conversation.open(target);
        return void session.hiding.toggleNewest(target);
      }
      case 'send': {
        const opened = conversation.state.getState().opened;
        if (opened) void conversation.send(opened.id);
        return;
      }
      case 'back':
        return focusList();
      case 'search':
        return showOverlay('search');
      case 'cannedLibrary':
        return showOverlay('canned');
      case 'commandPalette':
        return showOverlay('palette');
      case 'help':
        return showOverlay('help');
      case 'accounts':
        return showOverlay('accounts');
      case 'diagnostics':
        return showOverlay('diagnostics');
    }
  };

  /** Keys no focused part of the screen used: the global ones, and conversation keys pressed in the conversation pane. */
  const onUnhandledKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || overlays.getState().open !== null || picker !== null) return;
    const action = keyAction(event, 'global');
    if (action === 'pending') return event.preventDefault();
    if (action === null) return;
    event.preventDefault();
    runAction(action);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onUnhandledKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const openConversation = (conversationId: string) => {
    const index = triage.list.getState().indexOf.get(conversationId);
    if (index !== undefined) triage.moveCursor(index);
    const shown = triage.summaryOf(conversationId);
    if (shown) conversation.open(shown);
    else conversation.openById(conversationId);
    focusList();
  };

  // A clicked desktop notification opens its conversation, as a search result would.
  const onOpenRequest = useEffectEvent((conversationId: string) => openConversation(conversationId));
  useEffect(() => session.onOpenRequest((conversationId) => onOpenRequest(conversationId)), [session]);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">{t('app.name')}</h1>
        <SyncProgressBar />
        <ConnectivityIndicator />
        <LanguageSwitcher />
      </header>
      <main className="workspace">
        <ViewsNav onChosen={focusList} />
        <InboxPane listRef={listRef} handleRef={listHandle} onOpen={conversation.open} onReply={replyTo} />
        <ConversationPane paneRef={paneRef} replyRef={replyRef} composerRef={composerRef} onBack={focusList} />
      </main>
      <Pickers
        picker={picker}
        onSnooze={(ids, until) => {
          triage.act(ids, { type: 'snooze', until });
          closePicker();
        }}
        onClose={closePicker}
      />
      <Notices onUndo={() => triage.undo()} />
      <Overlays onRunAction={runAction} onOpenConversation={openConversation} />
    </div>
  );
}
