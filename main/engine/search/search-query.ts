import { ConversationStatus, Language, Platform, type SearchIgnored } from '../../../shared/domain';

/**
 * What an agent types in the search box, taken apart: words and phrases to
 * find, and filters (`from:`, `platform:`, `status:`, `tag:`, `before:`,
 * `after:`, `lang:`). Parsing never fails: anything it cannot use is either
 * dropped as punctuation or reported in `ignored`, and the rest still runs.
 *
 * - A run of text without spaces is one term; its words must appear next to
 *   each other ("e-mail", "don't"), as the index tokenizer splits them.
 * - `"a quoted phrase"` is one term; an unclosed quote runs to the end of the
 *   input (the agent is still typing it).
 * - The term at the very end of the input matches as a prefix, unless the
 *   input ends in a space or a closing quote (the word is finished) or its
 *   last word is shorter than MIN_PREFIX. `from:` values are prefixes too.
 * - `name:value` with a known name is a filter; the value may be quoted
 *   (`from:"Anna K"`) or a comma list (`platform:vk,telegram`). Repeating a
 *   filter widens it (`lang:ru lang:pl` is either); different filters narrow.
 *   A filter with a value it cannot use is reported as `bad_value`.
 * - `word:value` with an unknown name of ASCII letters is reported as
 *   `unknown_filter` and left out, so a typo (`platfrom:vk`) is shown rather
 *   than searched as text. Other colons are text: `10:30`, `https://…`, `Re: refund`.
 * - Only the first MAX_TERMS distinct terms are used: a pasted paragraph is
 *   already precise after that, and every term costs an index walk.
 */
export interface SearchQuery {
  terms: SearchTerm[];
  filters: SearchFilters;
  ignored: SearchIgnored[];
}

export interface SearchTerm {
  /** The term's words as the index tokenizer splits them: letters, digits and marks. */
  words: string[];
  /** The last word may be the start of a longer one. */
  prefix: boolean;
}

export interface SearchFilters {
  /** Author's name or handle starts with any of these (`from:`). */
  from: SearchTerm[];
  platforms: Platform[];
  statuses: ConversationStatus[];
  /** Tag names as typed, with the token they came from: the caller looks them up and reports unknown ones. */
  tags: { name: string; token: string }[];
  langs: Language[];
  /** `created_at >= after` (ms), from `after:`. */
  after: number | null;
  /** `created_at < before` (ms), from `before:`. */
  before: number | null;
}

export const MAX_TERMS = 16;
/**
 * A prefix matches from this many characters on; shorter, the word must be
 * whole. FTS5 expands a prefix by merging the doclists of every term that
 * starts with it, and "d*" or "de*" is most of a million-message index.
 */
export const MIN_PREFIX = 3;

/** Letters, digits, combining marks and private-use characters: what unicode61 keeps in a token. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** Zero-width and bidi control characters: invisible, and they would split a pasted word in two. */
const INVISIBLE = /\p{Cf}/gu;
const FILTER_NAME = /^([A-Za-z]+):/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PLATFORM_ALIASES = new Map<string, Platform>([
  ['twitter', 'x'],
  ['fb', 'facebook'],
  ['ig', 'instagram'],
  ['tg', 'telegram'],
]);
/** `needs_reply` is the inbox's name for open conversations. */
const STATUS_ALIASES = new Map<string, ConversationStatus>([
  ['needs_reply', 'open'],
  ['needs-reply', 'open'],
]);

/** One piece of the input: text to search, or a `name:value` pair. */
type Lexeme =
  | { kind: 'text'; text: string; atEnd: boolean }
  | { kind: 'filter'; raw: string; name: string; value: string };

export function parseSearchQuery(input: string, now: number): SearchQuery {
  const filters: SearchFilters = { from: [], platforms: [], statuses: [], tags: [], langs: [], after: null, before: null };
  const ignored: SearchIgnored[] = [];
  const terms = new Map<string, SearchTerm>();

  for (const lexeme of lex(input.normalize('NFC').replace(INVISIBLE, ''))) {
    if (lexeme.kind === 'text') {
      const term = toTerm(lexeme.text, lexeme.atEnd);
      const key = term && `${term.words.join(' ')}${term.prefix ? '*' : ''}`;
      if (term && key !== null && terms.size < MAX_TERMS && !terms.has(key)) terms.set(key, term);
      continue;
    }
    const applied = applyFilter(filters, lexeme, now);
    if (applied !== true) ignored.push({ token: lexeme.raw, reason: applied });
  }
  return { terms: [...terms.values()], filters, ignored };
}

function toTerm(text: string, prefix: boolean): SearchTerm | null {
  const words = text.toLowerCase().match(WORD);
  return words ? { words, prefix: prefix && [...words.at(-1)!].length >= MIN_PREFIX } : null;
}

/** Splits the input into text and filters; see SearchQuery for the rules. */
function* lex(input: string): Generator<Lexeme> {
  let at = 0;
  while (at < input.length) {
    if (/\s/u.test(input[at]!)) {
      at++;
      continue;
    }
    const start = at;
    if (input[at] === '"') {
      const { text, end, closed } = readQuoted(input, at);
      at = end;
      yield { kind: 'text', text, atEnd: !closed && !/\s$/u.test(text) };
      continue;
    }
    const name = FILTER_NAME.exec(input.slice(at, at + 40))?.[1]?.toLowerCase();
    const valueAt = at + (name?.length ?? 0) + 1;
    if (name !== undefined && valueAt < input.length && !/\s/u.test(input[valueAt]!) && !input.startsWith('//', valueAt)) {
      const quoted = input[valueAt] === '"' ? readQuoted(input, valueAt) : null;
      at = quoted?.end ?? runEnd(input, valueAt, false);
      yield { kind: 'filter', raw: input.slice(start, at), name, value: quoted?.text ?? input.slice(valueAt, at) };
      continue;
    }
    if (name !== undefined && FILTERS.has(name)) {
      // A filter name with nothing after it yet ("from:" while typing, or "from: anna").
      at = valueAt;
      yield { kind: 'filter', raw: input.slice(start, at), name, value: '' };
      continue;
    }
    at = runEnd(input, at, true);
    yield { kind: 'text', text: input.slice(start, at), atEnd: at === input.length };
  }
}

/** Reads `"…"` from the opening quote at `at`; an unclosed quote runs to the end. */
function readQuoted(input: string, at: number): { text: string; end: number; closed: boolean } {
  const close = input.indexOf('"', at + 1);
  if (close === -1) return { text: input.slice(at + 1), end: input.length, closed: false };
  return { text: input.slice(at + 1, close), end: close + 1, closed: true };
}

/** The end of a run of non-space characters; a quote inside bare text starts a phrase. */
function runEnd(input: string, at: number, stopAtQuote: boolean): number {
  let end = at;
  while (end < input.length && !/\s/u.test(input[end]!) && !(stopAtQuote && input[end] === '"')) end++;
  return end;
}

type FilterResult = true | SearchIgnored['reason'];

const FILTERS = new Map<string, (filters: SearchFilters, value: string, now: number, token: string) => FilterResult>([
  ['from', (filters, value) => addTerm(filters.from, value)],
  ['platform', (filters, value) => addAll(filters.platforms, value, (v) => PLATFORM_ALIASES.get(v) ?? parseEnum(Platform.options, v))],
  ['status', (filters, value) => addAll(filters.statuses, value, (v) => STATUS_ALIASES.get(v) ?? parseEnum(ConversationStatus.options, v))],
  ['lang', (filters, value) => addAll(filters.langs, value, (v) => parseEnum(Language.options, v))],
  ['tag', (filters, value, _now, token) => addTag(filters, value, token)],
  ['after', (filters, value, now) => setBound(filters, 'after', value, now)],
  ['before', (filters, value, now) => setBound(filters, 'before', value, now)],
]);

function applyFilter(filters: SearchFilters, lexeme: Extract<Lexeme, { kind: 'filter' }>, now: number): FilterResult {
  const apply = FILTERS.get(lexeme.name);
  if (!apply) return 'unknown_filter';
  return apply(filters, lexeme.value, now, lexeme.raw);
}

/** One tag per `tag:`; a quoted name may hold spaces or commas (`tag:"late, again"`). */
function addTag(filters: SearchFilters, value: string, token: string): FilterResult {
  const name = value.trim();
  if (name === '') return 'bad_value';
  filters.tags.push({ name, token });
  return true;
}

function addTerm(into: SearchTerm[], value: string): FilterResult {
  const term = toTerm(value, true);
  if (!term) return 'bad_value';
  into.push(term);
  return true;
}

/** Adds every comma-separated value, or none if any is unusable. */
function addAll<T>(into: T[], value: string, parse: (value: string) => T | null): FilterResult {
  const parsed = value.toLowerCase().split(',').map(parse);
  if (parsed.some((v) => v === null)) return 'bad_value';
  for (const v of parsed as T[]) if (!into.includes(v)) into.push(v);
  return true;
}

function parseEnum<T extends string>(options: readonly T[], value: string): T | null {
  return (options as readonly string[]).includes(value) ? (value as T) : null;
}

/** Several `after:` narrow to the latest, several `before:` to the earliest. */
function setBound(filters: SearchFilters, bound: 'after' | 'before', value: string, now: number): FilterResult {
  const at = parseMoment(value.toLowerCase(), now);
  if (at === null) return 'bad_value';
  const current = filters[bound];
  filters[bound] = current === null ? at : bound === 'after' ? Math.max(current, at) : Math.min(current, at);
  return true;
}

/**
 * A date in the engine's local time zone: `YYYY-MM-DD` (or with slashes) is
 * that day's midnight, so `after:` includes the day and `before:` excludes it,
 * as in mail search. `today`/`yesterday` are local midnights; `12h`, `7d`,
 * `2w` count back from now.
 */
function parseMoment(value: string, now: number): number | null {
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const midnight = new Date(year, month - 1, day);
    // Date rolls 2025-02-30 over to March; a date that does not round-trip does not exist.
    return midnight.getFullYear() === year && midnight.getMonth() === month - 1 && midnight.getDate() === day ? midnight.getTime() : null;
  }
  if (value === 'today' || value === 'yesterday') {
    const today = new Date(now);
    return new Date(today.getFullYear(), today.getMonth(), today.getDate() - (value === 'today' ? 0 : 1)).getTime();
  }
  const relative = /^(\d{1,4})([hdw])$/.exec(value);
  if (relative) return now - Number(relative[1]) * { h: HOUR, d: DAY, w: 7 * DAY }[relative[2] as 'h' | 'd' | 'w'];
  return null;
}
