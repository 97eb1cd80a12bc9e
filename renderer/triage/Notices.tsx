import { useStore } from 'zustand';
import type { ConversationAction } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n';
import { useI18n } from '../i18n/I18nProvider';
import { actionKeyLabel } from '../keyboard/keymap';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import type { Failure } from './createTriage';

const DONE_KEY: Readonly<Record<ConversationAction['type'], MessageKey>> = {
  close: 'undo.close',
  reopen: 'undo.reopen',
  snooze: 'undo.snooze',
  tag: 'undo.tag',
  assign: 'undo.assign',
};

function doneKey(action: ConversationAction): MessageKey {
  if (action.type === 'tag' && !action.on) return 'undo.untag';
  if (action.type === 'assign' && action.agentId === null) return 'undo.unassign';
  return DONE_KEY[action.type];
}

const FAILED_KEY: Readonly<Record<Failure['kind'], MessageKey>> = { act: 'triage.actFailed', undo: 'undo.failed', directory: 'triage.saveFailed' };

/**
 * What the last action did, with the key that undoes it (role status: read
 * out, not interrupting), and what failed (role alert).
 */
export function Notices({ onUndo }: { onUndo(): void }) {
  const { t } = useI18n();
  const { done, failure } = useStore(useSession().triage.notices);
  return (
    <div className="notices">
      {done !== null && (
        <div key={done.seq} role="status" className="toast">
          {done.kind === 'acted' ? t(doneKey(done.action), { count: done.count }) : t('undo.undone', { count: done.count })}
          {done.kind === 'acted' && (
            <>
              {' · '}
              <button type="button" className="toast-undo" tabIndex={-1} onClick={onUndo}>
                {t('undo.hint', { keys: actionKeyLabel('undo') })}
              </button>
            </>
          )}
        </div>
      )}
      {failure !== null && (
        <div key={failure.seq} role="alert" className="toast toast--error">
          {t(FAILED_KEY[failure.kind], { reason: errorReason(failure.error, t) })}
        </div>
      )}
    </div>
  );
}
