import type { Statement } from 'better-sqlite3';
import type { SearchHit, SearchIgnored } from '../../../shared/domain';
import type { Db } from '../db/open';
import { toFtsMatch } from './fts-query';
import { parseSearchQuery, type SearchFilters, type SearchTerm } from './search-query';
import { makeSnippet } from './snippet';

export interface SearchResult {
  hits: SearchHit[];
  ignored: SearchIgnored[];
}

/**
 * How many of the newest matches a query looks at. FTS5 walks a doclist
 * newest first (by rowid) and stops here, so a common word costs no more than
 * a rare one. Fewer matches than this — every specific query — are ranked by
 * bm25. A query that fills the window matches thousands of messages; ranking
 * all of them is what made a common word take ~180 ms at a million messages
 * (bm25 first counts every document holding each term), and for a word that
 * common the agent is after the recent conversations anyway, so those are
 * listed newest first.
 */
export const RANK_WINDOW = 1000;
/**
 * The same threshold when filters narrow the matches: each match walked then
 * costs a lookup of its message and conversation, and the agent who filters
 * is after recent conversations even more.
 */
export const FILTERED_RANK_WINDOW = 200;

/**
 * Filters alone are first tried on the newest this-many messages, walked
 * newest first: a broad filter (`platform:x`, `status:open`) fills a page
 * within a few hundred rows, where letting the planner start from the
 * filter's index would sort hundreds of thousands. A narrow one (`tag:`,
 * `status:snoozed` on an old workspace) that leaves the page short is then
 * run from its index over the whole history.
 */
export const RECENT_SCAN = 20_000;

type FilterKey = 'platforms' | 'statuses' | 'tags' | 'langs' | 'after' | 'before';

/**
 * One SQL condition per filter over `m` (messages) and `c` (its
 * conversation); values are bound as JSON arrays so one statement serves any
 * number of them. Statements are assembled only from these constants.
 */
const FILTER_SQL: Record<FilterKey, string> = {
  platforms: 'c.account_id IN (SELECT id FROM accounts WHERE platform IN (SELECT value FROM json_each(@platforms)))',
  statuses: 'c.status IN (SELECT value FROM json_each(@statuses))',
  tags: 'm.conversation_id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id IN (SELECT value FROM json_each(@tags)))',
  langs: 'm.lang IN (SELECT value FROM json_each(@langs))',
  after: 'm.created_at >= @after',
  before: 'm.created_at < @before',
};
const NEEDS_CONVERSATION: ReadonlySet<FilterKey> = new Set(['platforms', 'statuses']);

interface FilterParams {
  platforms: string;
  statuses: string;
  tags: string;
  langs: string;
  after: number | null;
  before: number | null;
}
type SelectParams = FilterParams & { match: string | null; limit: number; scan: number };
type SelectKind = 'window' | 'recent' | 'newest';
type HitRow = Omit<SearchHit, 'snippet'> & { body: string };

/**
 * Search over the whole local history: message bodies and their authors'
 * names and handles (one FTS5 index, see migration 004), with the filters of
 * SearchQuery. Filters alone list messages newest first. Nothing typed can
 * make it throw: the parser reduces any input to quoted FTS5 strings and
 * bound values.
 */
export class MessageSearch {
  private readonly selects = new Map<string, Statement<[SelectParams], number>>();
  private readonly tagId;
  private readonly ranked;
  private readonly details;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.tagId = db.prepare<[string], string>('SELECT id FROM tags WHERE name = ?').pluck();
    // bm25 over a window's rows only. FTS5 is given the rows' rowid range, not `rowid IN (…)`:
    // with a list it would evaluate the whole expression again for every row. The unary +
    // keeps the list out of the index; the author column weighs double, a word naming the
    // customer being a stronger signal than the same word inside a message.
    this.ranked = db
      .prepare<[{ match: string; seqs: string; first: number; last: number; limit: number }], number>(
        `SELECT rowid FROM messages_fts
         WHERE messages_fts MATCH @match AND rowid BETWEEN @first AND @last AND +rowid IN (SELECT value FROM json_each(@seqs))
         ORDER BY bm25(messages_fts, 1.0, 2.0), rowid DESC
         LIMIT @limit`,
      )
      .pluck();
    this.details = db.prepare<[string], HitRow & { seq: number }>(
      `SELECT m.seq, m.id AS messageId, m.conversation_id AS conversationId,
         coalesce(k.name, '') AS contactName, coalesce(k.handle, '') AS contactHandle,
         a.platform, c.kind, c.status, m.body, m.created_at AS createdAt
       FROM messages m
       JOIN conversations c ON c.id = m.conversation_id
       JOIN accounts a ON a.id = c.account_id
       -- our replies carry the customer of their conversation
       LEFT JOIN contacts k ON k.id = coalesce(m.author_contact_id, c.contact_id)
       WHERE m.seq IN (SELECT value FROM json_each(?))`,
    );
  }

  search(input: string, limit: number): SearchResult {
    const { terms, filters, ignored } = parseSearchQuery(input, this.now());
    const tags = this.tagIds(filters, ignored);
    const active = activeFilters(filters, tags);
    const params: FilterParams = {
      platforms: JSON.stringify(filters.platforms),
      statuses: JSON.stringify(filters.statuses),
      tags: JSON.stringify(tags),
      langs: JSON.stringify(filters.langs),
      after: filters.after,
      before: filters.before,
    };
    const match = toFtsMatch({ terms, filters });
    let page: number[];
    if (match !== null) page = this.matching(terms, filters, active, params, limit);
    else if (active.length > 0) page = this.filtered(active, params, limit);
    else return { hits: [], ignored };
    return { hits: this.hits(page, terms), ignored };
  }

  /** The page for filters alone, newest first; see RECENT_SCAN. */
  private filtered(active: FilterKey[], params: FilterParams, limit: number): number[] {
    const select = { ...params, match: null, limit, scan: RECENT_SCAN };
    const recent = this.select('recent', active).all(select);
    return recent.length >= limit ? recent : this.select('newest', active).all(select);
  }

  /**
   * The page for a query with words or `from:`. A last word typed as a prefix
   * is first tried whole: expanding a prefix means merging the doclists of
   * every term it starts, at every keystroke (~20-40 ms for "order*" or
   * "заказ*" at a million messages). If the whole word alone fills the window,
   * the page is the newest messages with that word, and the prefix could only
   * have mixed in longer forms ("orders", "заказа") of an already common word.
   */
  private matching(terms: SearchTerm[], filters: SearchFilters, active: FilterKey[], params: FilterParams, limit: number): number[] {
    const size = active.length > 0 ? FILTERED_RANK_WINDOW : RANK_WINDOW;
    const window = (match: string) => this.select('window', active).all({ ...params, match, limit: size, scan: 0 });
    const typing = terms.at(-1)?.prefix === true;
    const whole = typing ? toFtsMatch({ terms: [...terms.slice(0, -1), { ...terms.at(-1)!, prefix: false }], filters }) : null;
    if (whole !== null) {
      const newest = window(whole);
      if (newest.length >= size) return newest.slice(0, limit);
    }
    const match = toFtsMatch({ terms, filters })!;
    const seqs = window(match);
    if (seqs.length === 0 || seqs.length >= size) return seqs.slice(0, limit);
    return this.ranked.all({ match, seqs: JSON.stringify(seqs), first: seqs.at(-1)!, last: seqs[0]!, limit });
  }

  /** Rows for the page's messages, in the page's order, with a snippet marking the query's words. */
  private hits(page: number[], terms: readonly SearchTerm[]): SearchHit[] {
    if (page.length === 0) return [];
    const rows = new Map(this.details.all(JSON.stringify(page)).map((row) => [row.seq, row]));
    return page.flatMap((seq) => {
      const row = rows.get(seq);
      if (!row) return [];
      const { seq: _seq, body, ...hit } = row;
      return [{ ...hit, snippet: makeSnippet(body, terms) }];
    });
  }

  /** Tag names to ids; a tag that does not exist is reported and left out like any unusable filter. */
  private tagIds(filters: SearchFilters, ignored: SearchIgnored[]): string[] {
    const ids: string[] = [];
    for (const { name, token } of filters.tags) {
      const id = this.tagId.get(name);
      if (id === undefined) ignored.push({ token, reason: 'bad_value' });
      else ids.push(id);
    }
    return ids;
  }

  /** A statement that picks rows, built once per kind and combination of filters. */
  private select(kind: SelectKind, active: readonly FilterKey[]): Statement<[SelectParams], number> {
    const key = `${kind}:${active.join(',')}`;
    let statement = this.selects.get(key);
    if (!statement) {
      statement = this.db.prepare<[SelectParams], number>(kind === 'window' ? windowSql(active) : newestSql(active, kind === 'recent')).pluck();
      this.selects.set(key, statement);
    }
    return statement;
  }
}

function activeFilters(filters: SearchFilters, tags: readonly string[]): FilterKey[] {
  const active: FilterKey[] = [];
  if (filters.platforms.length > 0) active.push('platforms');
  if (filters.statuses.length > 0) active.push('statuses');
  if (tags.length > 0) active.push('tags');
  if (filters.langs.length > 0) active.push('langs');
  if (filters.after !== null) active.push('after');
  if (filters.before !== null) active.push('before');
  return active;
}

/** CROSS JOIN keeps `messages` the outer loop, walked newest first. */
function conversationJoin(active: readonly FilterKey[], join = 'JOIN'): string {
  return active.some((key) => NEEDS_CONVERSATION.has(key)) ? `${join} conversations c ON c.id = m.conversation_id` : '';
}

/**
 * The newest matches that pass the filters, walked from the end of the index.
 * A filter that rejects most recent matches makes the walk long: a common
 * word with `before:` a date far back (~0.4 s at a million messages) or with
 * `lang:` of a language it is not in. Indexing the language and a month
 * token in a third FTS column would turn those into doclist intersections.
 */
function windowSql(active: readonly FilterKey[]): string {
  const join = active.length > 0 ? `JOIN messages m ON m.seq = f.rowid ${conversationJoin(active)}` : '';
  return `SELECT f.rowid FROM messages_fts f ${join}
          WHERE ${['messages_fts MATCH @match', ...active.map((key) => FILTER_SQL[key])].join(' AND ')}
          ORDER BY f.rowid DESC
          LIMIT @limit`;
}

/**
 * Filters alone: the newest matching messages, in the order they were
 * stored — among the newest @scan messages only when `recent`.
 */
function newestSql(active: readonly FilterKey[], recent: boolean): string {
  const conditions = active.map((key) => FILTER_SQL[key]);
  if (recent) conditions.unshift('m.seq > (SELECT max(seq) FROM messages) - @scan');
  return `SELECT m.seq FROM messages m ${conversationJoin(active, recent ? 'CROSS JOIN' : 'JOIN')}
          WHERE ${conditions.join(' AND ')}
          ORDER BY m.seq DESC
          LIMIT @limit`;
}
