import type { CallOutput } from '../../../shared/contract';
import { Language } from '../../../shared/domain';
import { DEFAULT_KEYMAP, KeymapOverrides, resolveKeymap, type Conflict } from '../../../shared/keymap';
import { RpcError, type Handlers } from '../../../shared/rpc';
import type { CallContext, HandlerDeps } from './context';

type SettingsCalls = 'settings.get' | 'settings.update' | 'sla.get' | 'sla.update';

const LANGUAGE_KEY = 'ui.language';
const KEYMAP_KEY = 'ui.keymap';

/** UI language, keymap, priority weights, and each account's SLA. */
export function settingsHandlers({ repos, policy, outbox, checks, events, now }: HandlerDeps): Pick<Handlers<CallContext>, SettingsCalls> {
  const read = (): CallOutput<'settings.get'> => ({
    language: repos.settings.get(LANGUAGE_KEY, Language.nullable(), null),
    keymap: repos.settings.get(KEYMAP_KEY, KeymapOverrides, {}),
    priorityWeights: policy.weights(),
    undoWindowMs: outbox.undoWindowMs,
    cannedRepeatLimit: checks.cannedRepeatLimit,
  });
  const audit = (actor: string, entityId: string, data: Record<string, unknown>) =>
    repos.audit.record({ at: now(), actor, action: 'settings.update', entity: 'settings', entityId, data });
  const account = (accountId: string) => {
    if (!repos.accounts.get(accountId)) throw new RpcError('not_found', 'No such account');
  };

  return {
    'settings.get': read,
    'settings.update': ({ language, keymap, priorityWeights, undoWindowMs, cannedRepeatLimit }, ctx) => {
      // Check everything before writing anything: a refused keymap must not leave a changed language behind.
      if (keymap !== undefined) {
        const resolved = resolveKeymap(DEFAULT_KEYMAP, keymap);
        if ('conflicts' in resolved) throw new RpcError('invalid_input', `The keymap has conflicts: ${resolved.conflicts.map(describe).join('; ')}`);
      }
      if (language !== undefined) {
        repos.settings.set(LANGUAGE_KEY, language);
        audit(ctx.actor, LANGUAGE_KEY, { language });
      }
      if (keymap !== undefined) {
        repos.settings.set(KEYMAP_KEY, keymap);
        audit(ctx.actor, KEYMAP_KEY, { keymap });
      }
      if (undoWindowMs !== undefined) {
        outbox.undoWindowMs = undoWindowMs;
        audit(ctx.actor, 'composer.undoWindowMs', { undoWindowMs });
      }
      if (cannedRepeatLimit !== undefined) {
        checks.cannedRepeatLimit = cannedRepeatLimit;
        audit(ctx.actor, 'composer.cannedRepeatLimit', { cannedRepeatLimit });
      }
      if (priorityWeights !== undefined) {
        policy.setWeights(priorityWeights);
        repos.conversations.reprioritize(priorityWeights.sentiment);
        audit(ctx.actor, 'triage.priorityWeights', { priorityWeights });
        events.emit('inbox.changed', { conversationIds: [] });
      }
      events.emit('settings.changed', {});
      return read();
    },
    'sla.get': ({ accountId }) => {
      account(accountId);
      return policy.sla(accountId);
    },
    'sla.update': ({ accountId, sla }, ctx) => {
      account(accountId);
      policy.setSla(accountId, sla);
      // Running clocks follow the new hours and targets at once.
      for (const waiting of repos.conversations.waiting(accountId)) repos.conversations.setDue(waiting.id, policy.dueAt(accountId, waiting.kind, waiting.waitingSince));
      audit(ctx.actor, `sla.${accountId}`, { sla });
      events.emit('inbox.changed', { conversationIds: [] });
      return sla;
    },
  };
}

function describe(conflict: Conflict): string {
  switch (conflict.kind) {
    case 'duplicate':
      return `${conflict.chord} is bound to both ${conflict.actions[0]} and ${conflict.actions[1]}`;
    case 'prefix':
      return `${conflict.chord} (${conflict.actions[0]}) hides the sequence ${conflict.sequence} (${conflict.actions[1]})`;
    case 'reserved':
      return `${conflict.chord} (${conflict.action}) is reserved for ${conflict.reservedFor}`;
    case 'invalid':
      return `"${conflict.input}" (${conflict.action}) is not a key (${conflict.error.kind})`;
  }
}
