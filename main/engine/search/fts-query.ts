import type { SearchQuery, SearchTerm } from './search-query';

/**
 * Turns a parsed query into an FTS5 MATCH expression that cannot be a syntax
 * error or an injection: every term is a double-quoted FTS5 string (so AND,
 * NEAR, `*`, `^`, `:` and parentheses typed by the agent are just text), terms
 * are ANDed, and `from:` becomes a filter on the `who` column (the author's
 * name and handle, see migration 004). Words hold only letters, digits and
 * marks, so they never contain a quote to escape. Returns null when there is
 * nothing to match in the index.
 */
export function toFtsMatch({ terms, filters }: Pick<SearchQuery, 'terms' | 'filters'>): string | null {
  const parts = terms.map(ftsString);
  if (filters.from.length > 0) parts.push(`who : (${filters.from.map(ftsString).join(' OR ')})`);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

function ftsString({ words, prefix }: SearchTerm): string {
  return `"${words.join(' ')}"${prefix ? '*' : ''}`;
}
