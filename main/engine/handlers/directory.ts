import { RpcError, type Handlers } from '../../../shared/rpc';
import type { CallContext, HandlerDeps } from './context';

type DirectoryCalls = 'tags.list' | 'tags.create' | 'tags.update' | 'tags.merge' | 'agents.list' | 'agents.create';

/** Tags and agents: the names conversations are filed under and assigned to. */
export function directoryHandlers({ repos, events, newId, now }: HandlerDeps): Pick<Handlers<CallContext>, DirectoryCalls> {
  const changed = () => events.emit('directory.changed', {});
  const audit = (actor: string, action: string, entity: 'tag' | 'agent', entityId: string, data: Record<string, unknown>) =>
    repos.audit.record({ at: now(), actor, action, entity, entityId, data });
  const tagNamed = (name: string, except?: string) => {
    const existing = repos.tags.byName(name);
    if (existing && existing.id !== except) throw new RpcError('refused', `A tag named "${existing.name}" already exists`);
  };
  const tag = (id: string) => {
    const found = repos.tags.get(id);
    if (!found) throw new RpcError('not_found', 'No such tag');
    return found;
  };

  return {
    'tags.list': () => ({ tags: repos.tags.list() }),
    'tags.create': ({ name, color }, ctx) => {
      tagNamed(name);
      const created = repos.tags.create(newId(), name, color);
      audit(ctx.actor, 'tag.create', 'tag', created.id, { name: created.name, color: created.color });
      changed();
      return created;
    },
    'tags.update': ({ id, name, color }, ctx) => {
      const next = { ...tag(id), ...(name !== undefined && { name }), ...(color !== undefined && { color }) };
      tagNamed(next.name, id);
      repos.tags.rename(next);
      audit(ctx.actor, 'tag.update', 'tag', id, { name: next.name, color: next.color });
      changed();
      return next;
    },
    'tags.merge': ({ from, into }, ctx) => {
      if (from === into) throw new RpcError('invalid_input', 'A tag cannot be merged into itself');
      tag(from);
      const target = tag(into);
      repos.tags.merge(from, into);
      audit(ctx.actor, 'tag.merge', 'tag', into, { from });
      changed();
      // Conversations' tag lists changed too.
      events.emit('inbox.changed', { conversationIds: [] });
      return target;
    },
    'agents.list': () => ({ agents: repos.agents.list() }),
    'agents.create': ({ name }, ctx) => {
      if (repos.agents.byName(name)) throw new RpcError('refused', `There is already an agent named "${name}"`);
      const agent = repos.agents.create(newId(), name, now());
      audit(ctx.actor, 'agent.create', 'agent', agent.id, { name });
      changed();
      return agent;
    },
  };
}
