import type { ConversationAction } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import type { Db } from '../db/open';
import type { Repos } from '../db/repos';
import type { TriageState } from '../db/repos/conversations';
import type { TriagePolicy } from './policy';

/** A conversation as it was before an action: undo writes back its status, snooze, assignee, clock and tags. */
type Snapshot = TriageState & { tagIds: string[] };

export interface ActionsDeps {
  db: Db;
  repos: Repos;
  policy: TriagePolicy;
  newId: () => string;
  now: () => number;
}

/** How many actions back undo reaches; an agent undoes the last few, not the shift. */
const UNDO_DEPTH = 50;

/**
 * Close, reopen, snooze, tag and assign, on one conversation or a selection,
 * each in one transaction with its audit entries. Every call returns an undo
 * token; undo puts back exactly the fields the action could have changed.
 * Undo tokens live in memory: they serve the seconds after an action, and a
 * restart is a natural end to them.
 */
export class ConversationActions {
  private readonly undoLog = new Map<string, Snapshot[]>();
  private readonly write;

  constructor(private readonly deps: ActionsDeps) {
    this.write = deps.db.prepare(
      `UPDATE conversations SET status = @status, snoozed_until = @snoozedUntil, assignee = @assigneeId,
         waiting_since = @waitingSince, sla_due_at = @slaDueAt, updated_at = @now WHERE id = @id`,
    );
  }

  act(ids: readonly string[], action: ConversationAction, actor: string): { undoToken: string; changed: string[] } {
    const { db, repos, now: clock } = this.deps;
    const now = clock();
    this.validate(action, now);
    const snapshots: Snapshot[] = [];
    db.transaction(() => {
      for (const id of new Set(ids)) {
        const state = repos.conversations.triageState(id);
        if (!state) continue;
        const before: Snapshot = { ...state, tagIds: repos.tags.tagsOf(id) };
        snapshots.push(before);
        this.apply(before, action, now);
        repos.audit.record({ at: now, actor, action: `conversation.${action.type}`, entity: 'conversation', entityId: id, data: actionData(action) });
      }
    })();
    if (snapshots.length === 0) throw new RpcError('not_found', 'None of these conversations exist');
    const undoToken = this.deps.newId();
    this.undoLog.set(undoToken, snapshots);
    for (const stale of [...this.undoLog.keys()].slice(0, Math.max(0, this.undoLog.size - UNDO_DEPTH))) this.undoLog.delete(stale);
    return { undoToken, changed: snapshots.map((s) => s.id) };
  }

  /** Puts the conversations back as they were before the action; a token works once. */
  undo(undoToken: string, actor: string): { restored: string[] } {
    const snapshots = this.undoLog.get(undoToken);
    if (!snapshots) throw new RpcError('not_found', 'Nothing to undo: that action is too old or was already undone');
    const { db, repos, now: clock } = this.deps;
    const now = clock();
    const restored: string[] = [];
    db.transaction(() => {
      for (const before of snapshots) {
        if (!repos.conversations.triageState(before.id)) continue;
        this.write.run({ ...before, now });
        const current = new Set(repos.tags.tagsOf(before.id));
        for (const tagId of current) if (!before.tagIds.includes(tagId)) repos.tags.setOn(before.id, tagId, false);
        // A tag merged or deleted since cannot come back; the rest do.
        for (const tagId of before.tagIds) if (!current.has(tagId) && repos.tags.get(tagId)) repos.tags.setOn(before.id, tagId, true);
        repos.audit.record({ at: now, actor, action: 'conversation.undo', entity: 'conversation', entityId: before.id, data: { undoToken } });
        restored.push(before.id);
      }
    })();
    this.undoLog.delete(undoToken);
    return { restored };
  }

  private validate(action: ConversationAction, now: number): void {
    const { repos } = this.deps;
    if (action.type === 'snooze' && action.until <= now) throw new RpcError('invalid_input', 'A snooze must end in the future');
    if (action.type === 'tag' && !repos.tags.get(action.tagId)) throw new RpcError('not_found', 'No such tag');
    if (action.type === 'assign' && action.agentId !== null && !repos.agents.get(action.agentId)) throw new RpcError('not_found', 'No such agent');
  }

  private apply(before: Snapshot, action: ConversationAction, now: number): void {
    const next = { ...before, now };
    switch (action.type) {
      case 'close':
        // Closed means nothing waits on us: the clock stops.
        Object.assign(next, { status: 'closed', snoozedUntil: null, waitingSince: null, slaDueAt: null });
        break;
      case 'reopen': {
        // Reopened by hand, it needs a reply: the clock runs from now unless it was already running.
        const waitingSince = before.waitingSince ?? now;
        Object.assign(next, { status: 'open', snoozedUntil: null, waitingSince, slaDueAt: this.deps.policy.dueAt(before.accountId, before.kind, waitingSince) });
        break;
      }
      case 'snooze':
        Object.assign(next, { status: 'snoozed', snoozedUntil: action.until });
        break;
      case 'assign':
        next.assigneeId = action.agentId;
        break;
      case 'tag':
        this.deps.repos.tags.setOn(before.id, action.tagId, action.on);
        return;
    }
    this.write.run(next);
  }
}

function actionData(action: ConversationAction): Record<string, unknown> {
  const { type: _type, ...data } = action;
  return data;
}
