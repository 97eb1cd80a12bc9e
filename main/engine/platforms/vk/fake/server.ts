import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../fake-kit/loopback-server';
import { HttpError, readBody, sendCutShortJson, sendJson } from '../../fake-kit/http';
import { DEFAULT_DEDUPE_WINDOW_MS, MAX_MESSAGE, VkApiError, VkCommunity } from './store';
import { VkFaults, type FaultRoute } from './faults';

/**
 * A fake VK API and Bots Long Poll server over real HTTP on 127.0.0.1, with
 * the semantics the connector depends on: method calls answered with VK's
 * envelope (HTTP 200, `{response}` or `{error}`), the long poll's ts, key and
 * failed 1/2/3, random_id and guid dedupe (store.ts), and scripted faults
 * (faults.ts).
 *
 *   POST /method/<name>   form or query parameters, `access_token` and `v` required
 *   GET  /lp/<group id>   ?act=a_check&key=&ts=&wait=
 */

export interface FakeVkOptions {
  group?: { id: number; name: string; screen_name: string };
  /** The token the fake accepts; a fresh random one by default. */
  token?: string;
  now?: () => number;
  dedupeWindowMs?: number;
  firstTs?: number;
  /** Whether the community's own messages come back as message_reply events (default true, as most communities enable them). */
  replyEvents?: boolean;
}

export interface FakeVk {
  /** e.g. http://127.0.0.1:43123 — the connector's apiUrl. */
  url: string;
  token: string;
  community: VkCommunity;
  faults: VkFaults;
  /** How many requests for a method (or `a_check`) arrived, answered or not. */
  calls(method: string): number;
  /** Every method call's parameters in order, the token left out: what the connector sent. */
  requests: { method: string; params: URLSearchParams }[];
  /** Every request line's path and query, as a proxy's log would keep them. */
  urls: string[];
  /** The next a_check answers `failed: code`: 1 also forgets every event so far, 2 and 3 also expire every key. */
  failNextCheck(code: 1 | 2 | 3): void;
  /** Whether an a_check is waiting for news. */
  waiting(): boolean;
  /** The community's token was revoked: every method answers error 5. */
  revokeToken(): void;
  close(): Promise<void>;
}

const DEFAULT_GROUP = { id: 218_000_001, name: 'Northwind Coffee', screen_name: 'northwind' };
/** a_check's wait, at most 90 s (api/bots-long-poll/getting-started). */
const MAX_WAIT_S = 90;
const WRITES = new Set(['messages.send', 'wall.createComment']);

export async function startFakeVk(options: FakeVkOptions = {}): Promise<FakeVk> {
  const now = options.now ?? Date.now;
  const group = options.group ?? DEFAULT_GROUP;
  let token = options.token ?? randomToken();
  const community = new VkCommunity(group, now, options.dedupeWindowMs ?? DEFAULT_DEDUPE_WINDOW_MS, options.firstTs ?? 1, options.replyEvents ?? true);
  const faults = new VkFaults();
  const keys = new Set<string>();
  const counts = new Map<string, number>();
  const requests: FakeVk['requests'] = [];
  const urls: string[] = [];
  let nextFailure: 1 | 2 | 3 | null = null;
  let url = '';

  function method(name: string, params: URLSearchParams): unknown {
    if (params.get('access_token') !== token) throw new VkApiError(5, 'User authorization failed: invalid access_token (4).');
    if (params.get('v') === null) throw new VkApiError(8, 'Invalid request: v (version) is required');
    switch (name) {
      case 'groups.getById':
        return { groups: [{ ...group, is_closed: 0, type: 'page', photo_50: 'https://sun1-00.userapi.com/s/v1/ig2/group50.jpg' }], profiles: [] };
      case 'groups.getLongPollServer': {
        if (integer(params, 'group_id') !== group.id) throw new VkApiError(15, 'Access denied: no access to this group');
        const key = randomBytes(20).toString('hex');
        keys.add(key);
        return { key, server: `${url}/lp/${group.id}`, ts: String(community.events.position) };
      }
      case 'messages.send':
        return send(params);
      case 'wall.get': {
        if (integer(params, 'owner_id') !== -group.id) throw new VkApiError(15, 'Access denied: this wall is not the community\'s');
        return community.wall(integer(params, 'offset') ?? 0, Math.min(integer(params, 'count') ?? 20, 100));
      }
      case 'wall.getComments': {
        if (integer(params, 'owner_id') !== -group.id) throw new VkApiError(15, 'Access denied: this wall is not the community\'s');
        const sort = params.get('sort') === 'desc' ? 'desc' : 'asc';
        return community.commentsOf(required(params, 'post_id'), {
          sort,
          offset: integer(params, 'offset') ?? 0,
          count: Math.min(integer(params, 'count') ?? 10, 100),
          threadItems: Math.min(integer(params, 'thread_items_count') ?? 0, 10),
          commentId: integer(params, 'comment_id') ?? null,
        });
      }
      case 'wall.createComment': {
        if (integer(params, 'owner_id') !== -group.id) throw new VkApiError(15, 'Access denied: this wall is not the community\'s');
        if (integer(params, 'from_group') !== group.id) throw new VkApiError(15, 'Access denied: a community token comments as its community (from_group)');
        const comment = community.createComment(required(params, 'post_id'), params.get('message') ?? '', integer(params, 'reply_to_comment') ?? null, params.get('guid'));
        return { comment_id: comment.id, parents_stack: comment.top === null ? [] : [comment.top] };
      }
    }
    throw new VkApiError(3, 'Unknown method passed');
  }

  /** method/messages.send: `peer_ids` answers a list with each peer's result, `peer_id` the bare message id. */
  function send(params: URLSearchParams): unknown {
    const randomId = integer(params, 'random_id');
    if (randomId === undefined) throw new VkApiError(100, 'One of the parameters specified was missing or invalid: random_id is a required parameter');
    if ((params.get('message') ?? '').length > MAX_MESSAGE) throw new VkApiError(914, 'Message is too long');
    const peerIds = params.get('peer_ids');
    if (peerIds === null) return community.send(required(params, 'peer_id'), randomId, params.get('message') ?? '').message_id;
    return peerIds.split(',').map((text) => {
      const peer = Number(text);
      try {
        const sent = community.send(peer, randomId, params.get('message') ?? '');
        return { peer_id: peer, message_id: sent.message_id, conversation_message_id: sent.conversation_message_id };
      } catch (error) {
        if (!(error instanceof VkApiError)) throw error;
        return { peer_id: peer, error: { code: error.code, description: error.message } };
      }
    });
  }

  async function check(params: URLSearchParams, response: ServerResponse): Promise<unknown> {
    if (params.get('act') !== 'a_check') throw new HttpError(400, 'bad_request', 'act must be a_check');
    const failure = nextFailure;
    nextFailure = null;
    if (failure === 1) community.events.forget();
    if (failure === 2 || failure === 3) keys.clear();
    if (failure === 1) return { failed: 1, ts: String(community.events.position) };
    if (failure === 3) return { failed: 3 };
    if (!keys.has(params.get('key') ?? '')) return { failed: 2 };
    const ts = Number(params.get('ts'));
    let events = Number.isSafeInteger(ts) ? community.events.read(ts) : null;
    if (events === null) return { failed: 1, ts: String(community.events.position) };
    const wait = Math.min(Math.max(Number(params.get('wait')) || 0, 0), MAX_WAIT_S);
    if (events.length === 0 && wait > 0) {
      const gone = new AbortController();
      response.once('close', () => gone.abort());
      await community.events.wait(wait * 1000, gone.signal);
      events = community.events.read(ts) ?? [];
    }
    return { ts: String(community.events.position), updates: events };
  }

  async function underFaults(route: FaultRoute, request: IncomingMessage, response: ServerResponse, work: () => Promise<unknown> | unknown): Promise<void> {
    const fault = await faults.arrive(route, server.sleep);
    switch (fault?.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'status':
        return sendJson(response, { status: fault.status, body: { error: 'upstream' }, headers: fault.retryAfterS === undefined ? {} : { 'retry-after': String(fault.retryAfterS) } });
      case 'api_error':
        throw new VkApiError(fault.code, fault.message ?? `Scripted error ${fault.code}`);
    }
    const result = await work();
    if (fault?.kind === 'commit_then_fail') {
      if (fault.then === 'drop') request.socket.destroy();
      else if (fault.then === 'status') sendJson(response, { status: 502, body: { error: 'Bad Gateway' } });
      // 'hang': no answer at all; the client gives up, and closing the server ends the socket.
      return;
    }
    const body = route === 'poll' ? result : { response: result };
    if (fault?.kind === 'malformed') {
      sendCutShortJson(response, body);
      return;
    }
    sendJson(response, { status: 200, body });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    urls.push(request.url ?? '/');
    const address = new URL(request.url ?? '/', 'http://127.0.0.1');
    const params = new URLSearchParams(address.search);
    if (request.method === 'POST') for (const [key, value] of new URLSearchParams(await readBody(request))) params.append(key, value);
    const call = /^\/method\/([A-Za-z]+\.[A-Za-z]+)$/.exec(address.pathname);
    if (call) {
      const name = call[1]!;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const visible = new URLSearchParams(params);
      visible.delete('access_token');
      requests.push({ method: name, params: visible });
      return underFaults(WRITES.has(name) ? 'write' : 'read', request, response, () => method(name, params));
    }
    if (address.pathname === `/lp/${group.id}`) {
      counts.set('a_check', (counts.get('a_check') ?? 0) + 1);
      return underFaults('poll', request, response, () => check(params, response));
    }
    throw new HttpError(404, 'not_found', 'Not Found');
  }

  const server = await listenOnLoopback(
    route,
    (error, response, request) => {
      if (error instanceof VkApiError) {
        // reference/errors: HTTP 200, with the request's parameters echoed (the token never is).
        const request_params = [{ key: 'method', value: (request.url ?? '').split('?')[0]!.replace('/method/', '') }, { key: 'oauth', value: '1' }];
        return sendJson(response, { status: 200, body: { error: { error_code: error.code, error_msg: error.message, request_params } } });
      }
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(response, { status, body: { error: error instanceof Error ? error.message : 'Internal Server Error' } });
    },
  );
  url = server.origin;

  return {
    url,
    get token() {
      return token;
    },
    community,
    faults,
    requests,
    urls,
    calls: (name) => counts.get(name) ?? 0,
    failNextCheck(code) {
      nextFailure = code;
    },
    waiting: () => community.events.waiting,
    revokeToken() {
      token = randomToken();
    },
    close() {
      community.events.close();
      return server.close();
    },
  };
}

function randomToken(): string {
  return `vk1.a.${randomBytes(48).toString('base64url')}`;
}

function integer(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new VkApiError(100, `One of the parameters specified was missing or invalid: ${name} not integer`);
  return value;
}

function required(params: URLSearchParams, name: string): number {
  const value = integer(params, name);
  if (value === undefined) throw new VkApiError(100, `One of the parameters specified was missing or invalid: ${name} is a required parameter`);
  return value;
}
