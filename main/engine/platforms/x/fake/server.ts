import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../fake-kit/loopback-server';
import { z } from 'zod';
import { FaultQueue } from '../../fake-kit/fault-queue';
import { FaultPlan, type FaultRoute } from '../../sandbox/fake/faults';
import { HttpError, readJson, sendCutShortJson, sendJson } from '../../fake-kit/http';
import { WireFaults } from '../../sandbox/wire';
import { compareIds } from '../ids';
import { SNOWFLAKE, WireCreateTweet, WireDmSend, WireHideReply } from '../wire';
import { DEFAULT_LIMITS, RateWindows } from './rate-windows';
import { XRuleError, XStore, oneToOne, type FakeDmEvent, type FakeTweet, type FakeUser } from './store';

/**
 * A fake X API v2 over real HTTP on 127.0.0.1, speaking the paths in ../wire.ts
 * with the semantics the connector depends on: snowflake ids, since_id and
 * pagination tokens that stay put while new items arrive, the fields and
 * expansions asked for, per-endpoint rate-limit windows and their headers,
 * X's problem objects, and scripted faults.
 *
 * Faults reuse the sandbox's plan (../../sandbox/fake/faults.ts): route
 * `updates` is every GET, `replies` every POST, `moderation` every PUT (hide
 * replies). `rate_limit` answers 429 with the window spent until
 * `retry_after_s` from now. `commit_then_fail` publishes (or sets the hidden
 * state) and then, per `after_commit`, never answers (`hang`, the default:
 * the client times out), drops the connection, or answers 503.
 * `malformed_json` answers 200 with the body cut short.
 */
export const FakeXFaults = WireFaults.extend({
  malformed_json: z.object({ count: z.number().int().min(1).max(1000) }).optional(),
  after_commit: z.enum(['hang', 'drop', '503']).optional(),
});
export type FakeXFaults = z.input<typeof FakeXFaults>;

export interface FakeXOptions {
  me?: FakeUser;
  /** The bearer token the fake accepts. */
  accessToken?: string;
  /** Calls per 15-minute window by endpoint (keys as in DEFAULT_LIMITS). */
  limits?: Record<string, number>;
  now?: () => number;
}

export interface FakeX {
  url: string;
  store: XStore;
  /** Requests that passed authentication, in order. */
  requests: { method: string; endpoint: string; query: URLSearchParams }[];
  faults(faults: FakeXFaults): void;
  clearFaults(): void;
  /** The user revoked the app's access: every call answers 401. */
  revokeToken(): void;
  close(): Promise<void>;
}

const PAGE_BOUNDS: Readonly<Record<string, [number, number, number]>> = {
  // endpoint: [min, max, default] of max_results
  'GET /2/users/:id/mentions': [5, 100, 10],
  'GET /2/users/:id/tweets': [5, 100, 10],
  'GET /2/dm_events': [1, 100, 100],
  'GET /2/dm_conversations/dm_events': [1, 100, 100],
};

const ROUTES: [string, RegExp][] = [
  ['GET /2/users/me', /^\/2\/users\/me$/],
  ['GET /2/users/:id/mentions', /^\/2\/users\/(\d+)\/mentions$/],
  ['GET /2/users/:id/tweets', /^\/2\/users\/(\d+)\/tweets$/],
  ['POST /2/tweets', /^\/2\/tweets$/],
  ['GET /2/dm_events', /^\/2\/dm_events$/],
  ['GET /2/dm_conversations/dm_events', /^\/2\/dm_conversations\/(with\/\d+|[\d-]+)\/dm_events$/],
  ['POST /2/dm_conversations/messages', /^\/2\/dm_conversations\/(with\/\d+|[\d-]+)\/messages$/],
  ['PUT /2/tweets/:id/hidden', /^\/2\/tweets\/([^/]+)\/hidden$/],
];

class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const now = options.now ?? Date.now;
  const me = options.me ?? { id: '1460000000000000001', name: 'Northwind Coffee', username: 'northwindcoffee' };
  const store = new XStore(me, now);
  const windows = new RateWindows({ ...DEFAULT_LIMITS, ...options.limits }, now);
  const plan = new FaultPlan();
  // Cut-short answers come after the work, so they queue apart from the plan's faults, which come before it.
  const malformed = new FaultQueue<FaultRoute, { kind: 'malformed' }>(['updates', 'replies', 'moderation'], ['replies', 'moderation']);
  let afterCommit: 'hang' | 'drop' | '503' = 'hang';
  const requests: FakeX['requests'] = [];
  let token = options.accessToken ?? 'x-user-token';
  let revoked = false;

  function conversationOf(target: string): string {
    const participant = /^with\/(\d+)$/.exec(target);
    return participant ? oneToOne(participant[1]!, me.id) : target;
  }

  function list<T extends { id: string; createdAt: number }>(endpoint: string, url: URL, items: T[], render: (item: T) => unknown, users: FakeUser[]): unknown {
    const [min, max, fallback] = PAGE_BOUNDS[endpoint]!;
    const size = url.searchParams.has('max_results') ? Number(url.searchParams.get('max_results')) : fallback;
    if (!Number.isInteger(size) || size < min || size > max) throw invalid('max_results', `The \`max_results\` query parameter value [${url.searchParams.get('max_results')}] is not between ${min} and ${max}`);
    const since = idParam(url, 'since_id');
    const until = tokenParam(url);
    const startText = url.searchParams.get('start_time');
    const start = startText === null ? null : Date.parse(startText);
    if (start !== null && Number.isNaN(start)) throw invalid('start_time', `Invalid 'start_time':'${startText}'`);
    const eligible = items.filter(
      (item) => (since === null || compareIds(item.id, since) > 0) && (until === null || compareIds(item.id, until) < 0) && (start === null || item.createdAt >= start),
    );
    const data = eligible.slice(0, size);
    if (data.length === 0) return { meta: { result_count: 0 } };
    const meta: Record<string, unknown> = { result_count: data.length, newest_id: data[0]!.id, oldest_id: data.at(-1)!.id };
    if (eligible.length > data.length) meta.next_token = encodeToken(data.at(-1)!.id);
    const answer: Record<string, unknown> = { data: data.map(render) };
    if (users.length > 0) answer.includes = { users: [...new Map(users.map((user) => [user.id, user])).values()] };
    answer.meta = meta;
    return answer;
  }

  async function handle(endpoint: string, match: RegExpExecArray, url: URL, request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const tweetFields = fieldsOf(url, 'tweet.fields');
    const dmFields = fieldsOf(url, 'dm_event.fields');
    const expands = fieldsOf(url, 'expansions');
    switch (endpoint) {
      case 'GET /2/users/me':
        return { status: 200, body: { data: me } };
      case 'GET /2/users/:id/mentions':
      case 'GET /2/users/:id/tweets': {
        if (match[1] !== me.id) throw new Problem(403, 'Forbidden', 'This fake serves only the authenticated user\'s timelines.');
        const tweets = endpoint.endsWith('mentions') ? store.mentions() : store.tweetsBy(me.id);
        const authors = expands.has('author_id') ? tweets.filter((tweet) => tweet.raw === undefined).map((tweet) => tweet.author) : [];
        return { status: 200, body: list(endpoint, url, tweets, (tweet: FakeTweet) => tweetWire(tweet, tweetFields), authors) };
      }
      case 'GET /2/dm_events':
      case 'GET /2/dm_conversations/dm_events': {
        const types = url.searchParams.get('event_types');
        if (types !== null && types.split(',').some((type) => !['MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'].includes(type))) throw invalid('event_types', `Invalid event_types: ${types}`);
        const events = store.events(endpoint === 'GET /2/dm_events' ? undefined : conversationOf(match[1]!));
        const senders = expands.has('sender_id') ? events.filter((event) => event.raw === undefined).map((event) => event.sender) : [];
        return { status: 200, body: list(endpoint, url, events, (event: FakeDmEvent) => dmWire(event, dmFields), senders) };
      }
      case 'POST /2/tweets': {
        const body = await readJson(request, WireCreateTweet);
        if (!body.reply) throw new Problem(403, 'Forbidden', 'This fake only publishes replies.');
        const tweet = store.reply(body.text, body.reply.in_reply_to_tweet_id);
        return { status: 201, body: { data: { id: tweet.id, text: escapeText(tweet.text), edit_history_tweet_ids: [tweet.id] } } };
      }
      case 'POST /2/dm_conversations/messages': {
        const body = await readJson(request, WireDmSend);
        const event = store.sendDm(conversationOf(match[1]!), body.text);
        return { status: 201, body: { data: { dm_conversation_id: event.conversationId, dm_event_id: event.id } } };
      }
      case 'PUT /2/tweets/:id/hidden': {
        const tweetId = match[1]!;
        if (!SNOWFLAKE.test(tweetId)) throw invalid('id', `The \`id\` path parameter value [${tweetId.slice(0, 40)}] is not valid`);
        const body = await readJson(request, WireHideReply);
        return { status: 200, body: { data: { hidden: store.setHidden(tweetId, body.hidden).hidden } } };
      }
    }
    throw new Problem(404, 'Not Found Error', `No route ${endpoint}`);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const found = ROUTES.map(([name, pattern]) => [name, name.startsWith(`${request.method} `) ? pattern.exec(url.pathname) : null] as const).find(([, match]) => match !== null);
    if (!found) throw new Problem(404, 'Not Found Error', `Sorry, that page does not exist: ${request.method} ${url.pathname}`);
    const [endpoint, match] = found;
    if (revoked || request.headers.authorization !== `Bearer ${token}`) throw new Problem(401, 'Unauthorized', 'Unauthorized');
    requests.push({ method: request.method ?? 'GET', endpoint, query: url.searchParams });

    const faultRoute: FaultRoute = request.method === 'POST' ? 'replies' : request.method === 'PUT' ? 'moderation' : 'updates';
    const delay = plan.delayFor(faultRoute);
    if (delay > 0) await server.sleep(delay);
    const fault = plan.take(faultRoute);
    switch (fault?.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'fail':
        throw new Problem(fault.status, 'Service Unavailable', 'Service Unavailable');
      case 'rate_limit':
        throw new Problem(429, 'Too Many Requests', 'Too Many Requests', windows.exhaust(endpoint, fault.retryAfterS));
    }
    const window = windows.take(endpoint);
    if (!window.admitted) throw new Problem(429, 'Too Many Requests', 'Too Many Requests', window.headers);
    const { status, body } = await handle(endpoint, match!, url, request);
    if (fault?.kind === 'commit_then_fail') {
      if (afterCommit === 'drop') request.socket.destroy();
      else if (afterCommit === '503') throw new Problem(503, 'Service Unavailable', 'Service Unavailable');
      // 'hang': the answer never comes; closing the fake ends the connection.
      return;
    }
    if (malformed.take(faultRoute)) {
      sendCutShortJson(response, body, window.headers);
      return;
    }
    sendJson(response, { status, body, headers: window.headers });
  }

  const server = await listenOnLoopback(
    route,
    (error, response) => {
      const problem = asProblem(error);
      const body: Record<string, unknown> = { title: problem.title, detail: problem.detail, type: 'about:blank', status: problem.status };
      if (problem.status === 400) Object.assign(body, { type: 'https://api.twitter.com/2/problems/invalid-request', detail: 'One or more parameters to your request was invalid.', errors: [{ message: problem.detail }] });
      sendJson(response, { status: problem.status, body, headers: problem.headers });
    },
  );

  return {
    url: server.origin,
    store,
    requests,
    faults(faults) {
      const parsed = FakeXFaults.parse(faults);
      plan.addPlan(parsed);
      if (parsed.malformed_json) malformed.add({ kind: 'malformed' }, { route: parsed.route, count: parsed.malformed_json.count });
      if (parsed.after_commit) afterCommit = parsed.after_commit;
    },
    clearFaults() {
      plan.clear();
      malformed.clear();
      afterCommit = 'hang';
    },
    revokeToken() {
      revoked = true;
      token = '';
    },
    close: () => server.close(),
  };
}

/** X answers only the fields asked for, besides each object's defaults. */
function fieldsOf(url: URL, name: string): Set<string> {
  return new Set((url.searchParams.get(name) ?? '').split(',').filter((field) => field.length > 0));
}

function pick(full: Record<string, unknown>, defaults: readonly string[], fields: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(full).filter(([key, value]) => value !== undefined && (defaults.includes(key) || fields.has(key))));
}

/** X escapes &, < and > in tweet text. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function tweetWire(tweet: FakeTweet, fields: Set<string>): unknown {
  if (tweet.raw !== undefined) return tweet.raw;
  const full: Record<string, unknown> = {
    id: tweet.id,
    text: escapeText(tweet.text),
    edit_history_tweet_ids: [tweet.id],
    author_id: tweet.author.id,
    created_at: new Date(tweet.createdAt).toISOString(),
    conversation_id: tweet.conversationId,
    in_reply_to_user_id: tweet.replyTo?.userId,
    referenced_tweets: tweet.replyTo ? [{ type: 'replied_to', id: tweet.replyTo.tweetId }] : undefined,
    entities: tweet.links.length > 0 ? { urls: tweet.links.map((link) => ({ start: tweet.text.indexOf(link.url), end: tweet.text.indexOf(link.url) + link.url.length, url: link.url, expanded_url: link.expanded, display_url: link.expanded.replace(/^https?:\/\//, '').slice(0, 26) })) } : undefined,
  };
  return pick(full, ['id', 'text', 'edit_history_tweet_ids'], fields);
}

function dmWire(event: FakeDmEvent, fields: Set<string>): unknown {
  if (event.raw !== undefined) return event.raw;
  const full: Record<string, unknown> = {
    id: event.id,
    event_type: 'MessageCreate',
    text: event.text,
    sender_id: event.sender.id,
    dm_conversation_id: event.conversationId,
    created_at: new Date(event.createdAt).toISOString(),
  };
  return pick(full, ['id', 'event_type', 'text'], fields);
}

function invalid(parameter: string, message: string): Problem {
  return new Problem(400, 'Invalid Request', message.length > 0 ? message : `Invalid ${parameter}`);
}

function idParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  if (value === null) return null;
  if (!/^[1-9]\d{0,18}$/.test(value)) throw invalid(name, `The \`${name}\` query parameter value [${value.slice(0, 40)}] is not valid`);
  return value;
}

/** Tokens name the oldest id already served, so a page boundary stays put while newer items arrive. */
function encodeToken(oldestServed: string): string {
  return Buffer.from(`until:${oldestServed}`).toString('base64url');
}

function tokenParam(url: URL): string | null {
  const value = url.searchParams.get('pagination_token');
  if (value === null) return null;
  const match = /^until:([1-9]\d{0,18})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || encodeToken(match[1]!) !== value) throw invalid('pagination_token', `The \`pagination_token\` query parameter value [${value.slice(0, 40)}] is not valid`);
  return match[1]!;
}

function asProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof XRuleError) return new Problem(error.status, error.title, error.message);
  if (error instanceof HttpError) return new Problem(error.status, error.status === 413 ? 'Payload Too Large' : 'Invalid Request', error.message, error.headers);
  return new Problem(500, 'Internal Server Error', 'Internal Server Error');
}
