import { CannedReplyFields } from '../../../shared/domain';
import { parseCsv } from './formats/csv';
import { parseJson } from './formats/json';
import { CannedImportError, type ImportRecord } from './formats/records';
import type { CannedRepo } from './repo';

export type CannedFormat = 'json' | 'csv';

/** More than a team's whole library; a bigger file is a mistake (or an attack), not a library. */
export const MAX_IMPORTED_REPLIES = 5_000;

/** A record as imported: lang, tags and shortcut may be left out; unknown keys (a misspelt "tittle") are refused. */
const ImportedReply = CannedReplyFields.extend({
  lang: CannedReplyFields.shape.lang.default(null),
  tags: CannedReplyFields.shape.tags.default([]),
  shortcut: CannedReplyFields.shape.shortcut.default(null),
}).strict();

/**
 * Reads and checks a whole file against the library before anything is
 * written: any bad record refuses the file with its line. A record identical
 * to a reply already in the library is skipped rather than doubled, so that
 * importing a colleague's export (which holds the default library too) or the
 * same file twice adds only what is new. Returns the replies to add, in file
 * order; throws CannedImportError.
 */
export function readImport(format: CannedFormat, content: string, repo: CannedRepo): CannedReplyFields[] {
  const records = format === 'json' ? parseJson(content) : parseCsv(content);
  const tooMany = records[MAX_IMPORTED_REPLIES];
  if (tooMany) throw new CannedImportError(tooMany.line, `a file may hold at most ${MAX_IMPORTED_REPLIES.toLocaleString('en')} replies`);

  const library = repo.list();
  const existing = new Set(library.map(identity));
  const shortcuts = new Map<string, string>(library.flatMap((r) => (r.shortcut ? [[r.shortcut, `is already used by "${r.title}"`] as const] : [])));
  const fresh: CannedReplyFields[] = [];
  for (const record of records) {
    const reply = validate(record);
    if (existing.has(identity(reply))) continue;
    if (reply.shortcut) {
      const taken = shortcuts.get(reply.shortcut);
      if (taken) throw new CannedImportError(record.line, `the shortcut "${reply.shortcut}" ${taken}`);
      shortcuts.set(reply.shortcut, `is also on line ${record.line}`);
    }
    existing.add(identity(reply));
    fresh.push(reply);
  }
  return fresh;
}

function validate({ line, value }: ImportRecord): CannedReplyFields {
  const parsed = ImportedReply.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map(String).join('.');
  throw new CannedImportError(line, where ? `${where}: ${issue.message}` : issue.message);
}

/** What makes two replies the same reply, whatever their ids. */
function identity(reply: CannedReplyFields): string {
  return JSON.stringify([reply.title, reply.body, reply.lang, reply.tags, reply.shortcut]);
}
