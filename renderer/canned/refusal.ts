import { RpcError } from '../../shared/rpc';
import type { Translator } from '../../shared/i18n';
import { errorReason } from '../rpc/errorReason';

export const REPLY_FIELDS = ['title', 'body', 'lang', 'tags', 'shortcut'] as const;
export type ReplyField = (typeof REPLY_FIELDS)[number];

export interface Refusal {
  /** The engine's reason for each field it refused, to show next to that field. */
  fields: Partial<Record<ReplyField, string>>;
  /** What belongs to no one field (the link is down, the reply was deleted meanwhile). */
  general: string | null;
}

const isField = (name: string): name is ReplyField => (REPLY_FIELDS as readonly string[]).includes(name);

/**
 * Where a refused `canned.save` goes on the form. Invalid input names its field
 * in each issue's path (`title`, `tags.2`); `refused` is what the contract
 * gives a shortcut another reply already has.
 */
export function refusalOf(error: unknown, t: Translator): Refusal {
  if (error instanceof RpcError && error.code === 'refused') return { fields: { shortcut: error.message }, general: null };
  if (error instanceof RpcError && error.code === 'invalid_input' && error.issues) {
    const fields: Refusal['fields'] = {};
    const rest: string[] = [];
    for (const issue of error.issues) {
      const field = issue.path.split('.')[0] ?? '';
      if (isField(field)) fields[field] ??= issue.message;
      else rest.push(issue.message);
    }
    return { fields, general: rest.length > 0 ? rest.join('; ') : null };
  }
  return { fields: {}, general: errorReason(error, t) };
}
