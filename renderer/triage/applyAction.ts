import type { ConversationAction, ConversationSummary } from '../../shared/domain';

/**
 * What the engine will do to a conversation, guessed so the screen can show it
 * at once; the engine's next read confirms or corrects it.
 */
export function applyAction(item: ConversationSummary, action: ConversationAction): ConversationSummary {
  switch (action.type) {
    case 'close':
      // Nothing waits on us any more, so no clock runs.
      return { ...item, status: 'closed', snoozedUntil: null, slaDueAt: null };
    case 'reopen':
      return { ...item, status: 'open', snoozedUntil: null };
    case 'snooze':
      return { ...item, status: 'snoozed', snoozedUntil: action.until };
    case 'tag':
      return {
        ...item,
        tagIds: action.on ? (item.tagIds.includes(action.tagId) ? item.tagIds : [...item.tagIds, action.tagId]) : item.tagIds.filter((id) => id !== action.tagId),
      };
    case 'assign':
      return { ...item, assigneeId: action.agentId };
  }
}

/** Undo puts back what an action touched (conversations.undo restores status, snooze, assignee and tags), keeping anything newer. */
export const restoreTriageFields = (item: ConversationSummary, was: ConversationSummary): ConversationSummary => ({
  ...item,
  status: was.status,
  snoozedUntil: was.snoozedUntil,
  slaDueAt: was.slaDueAt,
  assigneeId: was.assigneeId,
  tagIds: was.tagIds,
});
