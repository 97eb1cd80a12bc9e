import type { CannedReply, CannedReplyFields } from '../../../shared/domain';
import { RpcError, type Handlers } from '../../../shared/rpc';
import { seedDefaultLibrary } from '../canned/defaults';
import { toCsv } from '../canned/formats/csv';
import { toJson } from '../canned/formats/json';
import { CannedImportError } from '../canned/formats/records';
import { readImport } from '../canned/importer';
import { rankCanned } from '../canned/ranking';
import { renderForConversation } from '../canned/for-conversation';
import type { CallContext, HandlerDeps } from './context';

type CannedCalls = 'canned.list' | 'canned.save' | 'canned.delete' | 'canned.duplicate' | 'canned.render' | 'canned.import' | 'canned.export';

const COPY_SUFFIX = ' (copy)';
const MAX_TITLE = 120;

/**
 * The canned-reply library. Building the handlers happens once per engine
 * start, which is when a new workspace gets the default library.
 */
export function cannedHandlers({ repos, events, newId, now }: HandlerDeps): Pick<Handlers<CallContext>, CannedCalls> {
  seedDefaultLibrary(repos, newId, now);

  const changed = () => events.emit('canned.changed', {});
  const audit = (actor: string, action: string, entityId: string, data: Record<string, unknown>) =>
    repos.audit.record({ at: now(), actor, action, entity: 'canned_reply', entityId, data });
  const reply = (id: string): CannedReply => {
    const found = repos.canned.get(id);
    if (!found) throw new RpcError('not_found', 'No such canned reply');
    return found;
  };
  const shortcutFree = (shortcut: string | null, except?: string) => {
    const holder = shortcut === null ? undefined : repos.canned.idOfShortcut(shortcut);
    if (holder !== undefined && holder !== except) throw new RpcError('refused', `The shortcut "${shortcut}" is already used by "${reply(holder).title}"`);
  };
  const create = (fields: CannedReplyFields, actor: string, data: Record<string, unknown>): CannedReply => {
    const at = now();
    const created = { ...fields, id: newId(), createdAt: at, updatedAt: at };
    repos.canned.insert(created);
    audit(actor, 'canned.create', created.id, data);
    changed();
    return created;
  };

  return {
    'canned.list': ({ query, lang, tag, limit }) => {
      // Tags compare as the library shows them: without regard to case, in any alphabet.
      const tagged = tag === undefined ? repos.canned.list() : repos.canned.list().filter((r) => r.tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase()));
      return { replies: rankCanned(tagged, { query: query ?? '', lang, now: now() }).slice(0, limit) };
    },
    'canned.save': ({ id, ...fields }, ctx) => {
      shortcutFree(fields.shortcut, id);
      if (id === undefined) return create(fields, ctx.actor, { title: fields.title });
      const saved = { ...reply(id), ...fields, updatedAt: now() };
      repos.canned.update(saved);
      audit(ctx.actor, 'canned.update', id, { title: saved.title });
      changed();
      return saved;
    },
    'canned.delete': ({ id }, ctx) => {
      const { title } = reply(id);
      repos.canned.delete(id);
      audit(ctx.actor, 'canned.delete', id, { title });
      changed();
      return {};
    },
    'canned.duplicate': ({ id }, ctx) => {
      const { title, body, lang, tags } = reply(id);
      return create({ title: `${title.slice(0, MAX_TITLE - COPY_SUFFIX.length)}${COPY_SUFFIX}`, body, lang, tags, shortcut: null }, ctx.actor, { from: id });
    },
    'canned.render': ({ id, conversationId }) => {
      const rendered = renderForConversation(repos, reply(id), conversationId);
      if (!rendered) throw new RpcError('not_found', 'No such conversation');
      return rendered;
    },
    'canned.import': ({ format, content }, ctx) => {
      let fresh: CannedReplyFields[];
      try {
        fresh = readImport(format, content, repos.canned);
      } catch (error) {
        if (!(error instanceof CannedImportError)) throw error;
        throw new RpcError('invalid_input', error.message, [{ path: `line ${error.line}`, message: error.reason }]);
      }
      const at = now();
      const replies = fresh.map((fields) => ({ ...fields, id: newId(), createdAt: at, updatedAt: at }));
      repos.canned.insertAll(replies);
      audit(ctx.actor, 'canned.import', 'library', { format, imported: replies.length });
      if (replies.length > 0) changed();
      return { imported: replies.length };
    },
    'canned.export': ({ format }) => {
      const replies = repos.canned.list().map(({ title, body, lang, tags, shortcut }) => ({ title, body, lang, tags, shortcut }));
      return { content: format === 'json' ? toJson(replies) : toCsv(replies) };
    },
  };
}
