import { useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useStore } from 'zustand';
import { fillInFields } from '../../shared/canned/placeholders';
import { MAX_REPLY_LENGTH, type ConversationSummary, type Finding, type Message } from '../../shared/domain';

import { RpcError } from '../../shared/rpc';
import { CannedPicker } from '../composer/CannedPicker';
import type { ComposerHandle } from '../composer/composerHandle';
import { ComposerStatus } from '../composer/ComposerStatus';
import { FixMenu, type Fix } from '../composer/FixMenu';
import { HandoffOffer } from '../composer/HandoffOffer';
import { LiveFindings } from '../composer/LiveFindings';
import { MarkedTextarea } from '../composer/MarkedTextarea';
import { atWordStart, currentFindings, fieldToVisit, findingToFix, insertCanned, nextFinding, replaceRange, type Edited } from '../composer/textEdit';
import { useI18n } from '../i18n/I18nProvider';
import type { ActionId } from '../../shared/keymap';
import { actionDef } from '../../shared/keymap/actions';
import { keyAction } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { ReplyFindings } from './ReplyFindings';
import { isUndoKey } from './undoKey';
import { UndoSendBar, waitingReply } from './UndoSendBar';
import '../composer/composer.css';

interface ReplyBoxProps {
  conversation: Pick<ConversationSummary, 'id' | 'kind' | 'lang'>;
  /** The conversation's messages as shown: the newest reply in its undo window gets the countdown. */
  messages: readonly Message[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** For the command palette: the composer's actions run here. */
  handleRef?: RefObject<ComposerHandle | null>;
}

const NO_FINDINGS: readonly Finding[] = [];

/** Where the picker puts the chosen reply: the selection it was opened on (and the `;` that opened it). */
type PickerAt = { start: number; end: number };

export function ReplyBox({ conversation: target, messages, textareaRef, handleRef }: ReplyBoxProps) {
  const { t } = useI18n();
  const { conversation, composer } = useSession();
  const conversationId = target.id;
  const draft = useStore(conversation.state, (s) => s.drafts[conversationId] ?? '');
  const sendError = useStore(conversation.state, (s) => s.sendErrors[conversationId]);
  const undoError = useStore(conversation.state, (s) => s.undoErrors[conversationId]);
  const refused = useStore(conversation.state, (s) => s.findings[conversationId]);
  const live = useStore(composer.state, (s) => s.live[conversationId]);
  const mode = useStore(composer.state, (s) => s.modes[conversationId]);
  const handoff = useStore(composer.state, (s) => s.handoffs[conversationId]);
  const id = useId();
  const fieldRef = useRef<HTMLDivElement>(null);
  const [picker, setPicker] = useState<PickerAt | null>(null);
  const [fixing, setFixing] = useState<{ finding: Finding; anchor: { left: number; top: number } | null } | null>(null);
  // Where the selection goes once React has put an edited text in the box.
  const selectionAfterEdit = useRef<Edited | null>(null);

  const publicByDefault = target.kind !== 'dm';
  const visibility = mode?.visibility ?? (publicByDefault ? 'public' : 'private');
  const findings = live ? currentFindings(live.findings, draft) : NO_FINDINGS;
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

  useLayoutEffect(() => {
    const edited = selectionAfterEdit.current;
    const box = textareaRef.current;
    if (!edited || !box || box.value !== edited.text) return;
    selectionAfterEdit.current = null;
    box.focus();
    box.setSelectionRange(edited.selectionStart, edited.selectionEnd);
  }, [draft, textareaRef]);

  const edit = (edited: Edited) => {
    selectionAfterEdit.current = edited;
    conversation.setDraft(conversationId, edited.text);
  };
  const backToText = () => textareaRef.current?.focus();

  const send = () => void conversation.send(conversationId);
  const sendAnyway = () => void conversation.sendAnyway(conversationId);
  const undo = (messageId: string) =>
    void conversation.undoSend(conversationId, messageId).then((undone) => {
      if (undone) backToText();
    });
  const togglePrivate = () => {
    if (!publicByDefault) return; // a DM is private already
    composer.setVisibility(conversationId, visibility === 'public' ? 'private' : 'public');
    composer.recheck(conversationId, draft);
  };
  const postHandoff = () => {
    if (!handoff) return;
    composer.dismissHandoff(conversationId);
    composer.setVisibility(conversationId, 'public');
    composer.noteCanned(conversationId, handoff.cannedId);
    const box = textareaRef.current;
    edit(insertCanned(draft, box?.selectionStart ?? draft.length, box?.selectionEnd ?? draft.length, handoff.text));
  };

  const applyFix = (finding: Finding, fix: Fix) => {
    setFixing(null);
    switch (fix.kind) {
      case 'replace':
        return edit(replaceRange(draft, finding.start, finding.end, fix.text));
      case 'addWord':
        backToText();
        return void composer.addWord(conversationId, fix.word, draft).catch(() => {});
      case 'replyPrivately':
        backToText();
        composer.setVisibility(conversationId, 'private');
        return composer.recheck(conversationId, draft);
    }
  };

  /** Where the marked text sits in the field, to open its fixes under it. */
  const anchorOf = (finding: Finding) => {
    const field = fieldRef.current;
    const mark = field?.querySelector<HTMLElement>(`mark[data-start="${finding.start}"]`);
    if (!field || !mark) return null;
    const [outer, inner] = [field.getBoundingClientRect(), mark.getBoundingClientRect()];
    return { left: inner.left - outer.left, top: inner.bottom - outer.top + 2 };
  };

  const fix = (finding: Finding | undefined) => setFixing(finding ? { finding, anchor: anchorOf(finding) } : null);

  /** A composer action, from its key or the palette; false when it is not one the reply box runs. */
  const runAction = (action: ActionId): boolean => {
    const box = textareaRef.current;
    const [start, end] = box ? [box.selectionStart, box.selectionEnd] : [draft.length, draft.length];
    switch (action) {
      case 'send':
        send();
        return true;
      case 'sendAnyway':
        sendAnyway();
        return true;
      case 'cannedPicker':
        setPicker({ start, end });
        return true;
      case 'fixFinding':
        fix(findingToFix(findings, start));
        return true;
      case 'togglePrivate':
        togglePrivate();
        return true;
      case 'checkLanguage':
        composer.cycleLang(conversationId);
        composer.recheck(conversationId, draft);
        return true;
      case 'insertHandoff':
        postHandoff();
        return true;
      default:
        return false;
    }
  };
  useImperativeHandle(handleRef, () => ({ run: runAction }));

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    const handled = () => event.preventDefault();
    const action = keyAction(event.nativeEvent, 'composer');
    if (action !== null && action !== 'pending' && actionDef(action).scope === 'composer' && runAction(action)) return handled();
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    // Tab goes through the fill-in fields while any is left; with none, it moves focus as everywhere else.
    if (event.key === 'Tab' && plain) {
      const field = fieldToVisit(draft, box.selectionStart, box.selectionEnd, event.shiftKey);
      if (field) {
        handled();
        box.setSelectionRange(field.start, field.end);
      }
      return;
    }
    if (event.key === ';' && plain && box.selectionStart === box.selectionEnd && atWordStart(draft, box.selectionStart)) {
      handled();
      setPicker({ start: box.selectionStart, end: box.selectionStart });
      return;
    }
    // With text in the box the undo key undoes typing, as in any text field; an empty box has no typing to undo.
    if (draft !== '' || !waiting || waiting.sendAt <= Date.now() || !isUndoKey(event.nativeEvent)) return;
    handled();
    undo(waiting.id);
  };


  const fieldsLeft = fillInFields(draft).length;

  return (
    <div className="reply" data-visibility={visibility}>
      <div className="reply-head">
        <label htmlFor={`${id}-text`} className="reply-label">
          {t('reply.label')}
        </label>
        <ComposerStatus
          visibility={visibility}
          canSwitch={publicByDefault}
          lang={mode?.lang ?? 'auto'}
          checkedAs={live?.lang ?? null}
          fieldsLeft={fieldsLeft}
        />
      </div>
      {picker && (
        <CannedPicker
          library={composer.library}
          conversationId={conversationId}
          lang={target.lang}
          onInsert={(reply, text) => {
            setPicker(null);
            composer.noteCanned(conversationId, reply.id);
            edit(insertCanned(draft, picker.start, picker.end, text));
          }}
          onClose={(back, typed) => {
            setPicker(null);
            if (typed) edit(replaceRange(draft, picker.start, picker.end, typed));
            else if (back) backToText();
          }}
        />
      )}
      <div className="reply-field-area">
        <MarkedTextarea
          id={`${id}-text`}
          textareaRef={textareaRef}
          fieldRef={fieldRef}
          className="reply-text"
          dir="auto"
          rows={4}
          maxLength={MAX_REPLY_LENGTH}
          spellCheck={false}
          value={draft}
          findings={findings}
          aria-describedby={failed ? `${id}-error ${id}-hint` : `${id}-findings ${id}-hint`}
          onChange={(event) => conversation.setDraft(conversationId, event.currentTarget.value)}
          onBlur={() => conversation.flushDraft(conversationId)}
          onKeyDown={onKeyDown}
        />
        {fixing && (
          <FixMenu
            key={`${fixing.finding.start}:${fixing.finding.end}`}
            id={`${id}-fix`}
            finding={fixing.finding}
            anchor={fixing.anchor}
            onChoose={(chosen) => applyFix(fixing.finding, chosen)}
            onNext={() => fix(nextFinding(findings, fixing.finding))}
            onClose={(back) => {
              setFixing(null);
              if (back) backToText();
            }}
          />
        )}
      </div>
      {failed &&
        (refused && refused.length > 0 ? (
          <ReplyFindings id={`${id}-error`} findings={refused} onSendAnyway={sendAnyway} />
        ) : (
          <p id={`${id}-error`} role="alert" className="reply-error" dir="auto">
            {t('reply.failed', { reason: errorReason(sendError, t) })}
          </p>
        ))}
      {!failed && <LiveFindings id={`${id}-findings`} findings={findings} />}
      {undoError !== undefined && (
        <p role="alert" className="reply-error" dir="auto">
          {undoError instanceof RpcError && undoError.code === 'refused' ? t('composer.undoRefused') : t('composer.undoFailed', { reason: errorReason(undoError, t) })}
        </p>
      )}
      {waiting && <UndoSendBar key={waiting.id} reply={waiting} onUndo={undo} />}
      {handoff && <HandoffOffer text={handoff.text} onUse={postHandoff} onDismiss={() => composer.dismissHandoff(conversationId)} />}
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
