import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../fake-kit/loopback-server';
import { readBody, sendJson, HttpError } from '../../fake-kit/http';
import { WireSendRequest, formatGraphTime } from '../wire';
import { GraphFaults, type FaultRoute } from './faults';
import { GraphRuleError, GraphStore, updatedAt, wire, type FakeComment, type Person } from './store';
import { UsageMeter } from './usage-meter';

export interface FakeGraphOptions {
  page?: Person;
  /** The Instagram professional account linked to the Page; none by default. */
  instagram?: Person | null;
  /** The token Graph accepts (header `Authorization: Bearer …` or `access_token`). */
  accessToken?: string;
  /** Calls per rolling hour before Graph throttles with code 32 (default 4800). */
  callsPerHour?: number;
  now?: () => number;
  port?: number;
}

export interface FakeGraph {
  /** The versioned base URL, e.g. http://127.0.0.1:40123/v21.0 */
  url: string;
  store: GraphStore;
  faults: GraphFaults;
  /** Requests received, in order: what a flow cost, and when a poll happened. */
  requests: { method: string; path: string; query: URLSearchParams }[];
  /** From now on every call fails with code 190, as after the user changed their password. */
  revokeToken(): void;
  close(): Promise<void>;
}

const VERSIONED = /^\/(v\d+\.\d+)\/([\w.=-]+)(?:\/([a-z_]+))?\/?$/;
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

/** Graph's error object; `status` is the HTTP status it comes with. */
class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly type = 'OAuthException',
  ) {
    super(message);
  }
}

/** The fake Meta Graph API on 127.0.0.1: same wire format and rules as the paths documented in ../wire.ts. */
export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const now = options.now ?? Date.now;
  const page = options.page ?? { id: '104000000000001', name: 'Northwind Coffee' };
  const token = options.accessToken ?? 'page-token';
  const store = new GraphStore(page, options.instagram ?? null, now);
  const faults = new GraphFaults();
  const meter = new UsageMeter(page.id, options.callsPerHour ?? 4800, now);
  const requests: FakeGraph['requests'] = [];
  let revoked = false;
  let traces = 0;

  function authorize(request: IncomingMessage, url: URL): void {
    const header = request.headers.authorization;
    const given = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('access_token');
    if (given === null || given === undefined) throw new GraphFailure(400, 2500, 'An active access token must be used to query information about the current user.');
    if (revoked) throw new GraphFailure(400, 190, 'Error validating access token: The session has been invalidated because the user changed their password.', 460);
    if (given !== token) throw new GraphFailure(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  }

  /** A page of `items` from the offset in `after`, with Graph's cursors and `next` link. */
  function paged(url: URL, items: unknown[]): unknown {
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new GraphFailure(400, 100, `(#100) The parameter limit must be 1 to ${MAX_LIMIT}`, undefined, 'GraphMethodException');
    const after = url.searchParams.get('after');
    const start = after === null ? 0 : decodeOffset(after);
    if (start === null || start > items.length) throw new GraphFailure(400, 100, '(#100) Invalid cursor', undefined, 'GraphMethodException');
    const data = items.slice(start, start + limit);
    if (data.length === 0) return { data };
    const end = start + data.length;
    const paging: Record<string, unknown> = { cursors: { before: encodeOffset(start), after: encodeOffset(end) } };
    if (end < items.length) {
      const next = new URL(url.href);
      next.searchParams.set('after', encodeOffset(end));
      next.searchParams.delete('access_token');
      paging.next = next.href;
    }
    return { data, paging };
  }

  async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof HttpError) throw new GraphFailure(error.status, 100, error.message);
      throw error;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw new GraphFailure(400, 100, '(#100) The request body must be a JSON object', undefined, 'GraphMethodException');
  }

  function igOnly(): Person {
    if (!store.instagram) throw new GraphFailure(400, 100, 'This Page has no Instagram account', 33);
    return store.instagram;
  }

  function commentNode(comment: FakeComment, url: URL): unknown {
    const base = comment.surface === 'page' ? (wire.pageComment(comment) as Record<string, unknown>) : (wire.igComment(comment) as Record<string, unknown>);
    const fields = url.searchParams.get('fields') ?? '';
    return fields.includes('can_reply_privately') ? { ...base, can_reply_privately: comment.privateReply === null } : base;
  }

  function postComments(url: URL, postId: string): unknown {
    const comments = store.commentsUnder(postId, { stream: url.searchParams.get('filter') === 'stream' });
    if (url.searchParams.get('order') === 'reverse_chronological') comments.reverse();
    return paged(url, comments.map(wire.pageComment));
  }

  /** Newest first, each with its `replies` edge when the fields ask for it. */
  function mediaComments(url: URL, mediaId: string): unknown {
    const withReplies = (url.searchParams.get('fields') ?? '').includes('replies');
    const top = store.commentsUnder(mediaId, { stream: false }).reverse();
    return paged(
      url,
      top.map((comment) => {
        const node = wire.igComment(comment);
        if (!withReplies || comment.raw !== undefined) return node;
        return { ...(node as object), replies: { data: store.commentsUnder(comment.id, { stream: false }).map(wire.igComment) } };
      }),
    );
  }

  async function read(url: URL, id: string, edge: string | undefined): Promise<unknown> {
    if (id === 'me' && edge === undefined) return { id: page.id, name: page.name };
    if (id === page.id && edge === 'conversations') {
      const platform = url.searchParams.get('platform') ?? 'messenger';
      if (platform !== 'messenger' && platform !== 'instagram') throw new GraphFailure(400, 100, '(#100) platform must be messenger or instagram');
      if (platform === 'instagram') igOnly();
      return paged(url, store.conversationsOf(platform).map((conversation) => ({ id: conversation.id, updated_time: formatGraphTime(updatedAt(conversation)) })));
    }
    if (id === page.id && edge === 'feed') {
      const since = url.searchParams.get('since');
      const from = since === null ? 0 : Number(since) * 1000;
      const posts = [...store.posts.values()].filter((post) => post.createdAt >= from).sort((a, b) => b.createdAt - a.createdAt);
      const expansion = commentsExpansion(url.searchParams.get('fields') ?? '');
      return paged(
        url,
        posts.map((post) => ({
          id: post.id,
          message: post.text,
          created_time: formatGraphTime(post.createdAt),
          ...(expansion ? { comments: postComments(edgeUrl(url, post.id, expansion), post.id) } : {}),
        })),
      );
    }
    if (id === store.instagram?.id && edge === 'media') {
      const media = [...store.media.values()].sort((a, b) => b.createdAt - a.createdAt);
      const expansion = commentsExpansion(url.searchParams.get('fields') ?? '');
      return paged(
        url,
        media.map((item) => ({
          id: item.id,
          caption: item.text,
          timestamp: formatGraphTime(item.createdAt),
          ...(expansion ? { comments: mediaComments(edgeUrl(url, item.id, expansion), item.id) } : {}),
        })),
      );
    }
    const conversation = store.conversations.get(id);
    if (conversation && edge === 'messages') return paged(url, store.messagesOf(conversation).map(wire.message));
    if (store.posts.has(id) && edge === 'comments') return postComments(url, id);
    if (store.media.has(id) && edge === 'comments') return mediaComments(url, id);
    const comment = store.comments.get(id);
    if (comment && edge === undefined) return commentNode(comment, url);
    if (comment && comment.surface === 'page' && edge === 'comments') {
      const replies = store.commentsUnder(id, { stream: false });
      if (url.searchParams.get('order') === 'reverse_chronological') replies.reverse();
      return paged(url, replies.map(wire.pageComment));
    }
    if (comment && comment.surface === 'instagram' && edge === 'replies') return paged(url, store.commentsUnder(id, { stream: false }).map(wire.igComment));
    throw unknownPath(id, edge);
  }

  async function write(request: IncomingMessage, id: string, edge: string | undefined): Promise<unknown> {
    const body = await jsonBody(request);
    if (id === page.id && edge === 'messages') {
      const parsed = WireSendRequest.safeParse(body);
      if (!parsed.success) throw new GraphFailure(400, 100, `(#100) ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      const send = parsed.data;
      if ('comment_id' in send.recipient) {
        const sent = store.sendPrivateReply(send.recipient.comment_id, send.message.text);
        return { recipient_id: sent.recipientId, message_id: sent.messageId };
      }
      const sent = store.sendToPerson(send.recipient.id, send.messaging_type, send.tag ?? null, send.message.text);
      return { recipient_id: send.recipient.id, message_id: sent.messageId };
    }
    const comment = store.comments.get(id);
    const text = typeof body.message === 'string' ? body.message : null;
    if (comment && ((comment.surface === 'page' && edge === 'comments') || (comment.surface === 'instagram' && edge === 'replies'))) {
      if (text === null || text.length === 0 || text.length > 8000) throw new GraphFailure(400, 100, '(#100) message is required, up to 8000 characters');
      return { id: store.replyToComment(id, text) };
    }
    if (comment && edge === undefined) {
      const flag = comment.surface === 'page' ? body.is_hidden : body.hide;
      if (typeof flag !== 'boolean') throw new GraphFailure(400, 100, `(#100) ${comment.surface === 'page' ? 'is_hidden' : 'hide'} must be a boolean`);
      store.setHidden(id, flag);
      return { success: true };
    }
    throw unknownPath(id, edge);
  }

  function fail(response: ServerResponse, failure: GraphFailure): void {
    const error = { message: failure.message, type: failure.type, code: failure.code, ...(failure.subcode === undefined ? {} : { error_subcode: failure.subcode }), ...(failure.code === 2 ? { is_transient: true } : {}), fbtrace_id: `AfakeTrace${++traces}` };
    sendJson(response, { status: failure.status, body: { error }, headers: { ...meter.headers(), date: new Date(now()).toUTCString() } });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? '', path: url.pathname, query: url.searchParams });
    const match = VERSIONED.exec(url.pathname);
    if (!match) throw new GraphFailure(400, 100, `Unknown path components: ${url.pathname.slice(0, 100)}`);
    const [, , id, edge] = match as unknown as [string, string, string, string | undefined];
    const routeKind: FaultRoute = request.method === 'POST' ? 'write' : 'read';
    if (request.method !== 'GET' && request.method !== 'POST') throw new GraphFailure(400, 100, `Unsupported method ${request.method}`);
    authorize(request, url);

    const fault = await faults.arrive(routeKind, server.sleep);
    switch (fault?.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'status':
        throw new GraphFailure(fault.status, 2, 'Service temporarily unavailable', undefined, 'FacebookApiException');
      case 'graph_error':
        throw new GraphFailure(fault.status, fault.code, fault.message ?? `(#${fault.code}) Injected Graph error`, fault.subcode);
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
        response.end('{"data":[{"id":"t_1","updated_');
        return;
    }
    if (!meter.admit()) throw new GraphFailure(400, 32, 'Page request limit reached', undefined, 'OAuthException');

    let result: unknown;
    try {
      result = routeKind === 'write' ? await write(request, id, edge) : await read(url, id, edge);
    } catch (error) {
      if (error instanceof GraphRuleError) throw new GraphFailure(400, error.code, error.message, error.subcode);
      throw error;
    }
    if (fault?.kind === 'commit_then_fail') {
      if (fault.then === 'drop') request.socket.destroy();
      if (fault.then === 'status') throw new GraphFailure(502, 1, 'An unknown error occurred', undefined, 'FacebookApiException');
      // 'hang': the write stands and no answer ever comes; the client's timeout decides.
      return;
    }
    sendJson(response, { status: 200, body: result, headers: { ...meter.headers(), date: new Date(now()).toUTCString() } });
  }

  const server = await listenOnLoopback(
    route,
    (error, response) => {
      fail(response, error instanceof GraphFailure ? error : new GraphFailure(500, 1, 'An unknown error occurred', undefined, 'FacebookApiException'));
    },
    options.port ?? 0,
  );

  return {
    url: `${server.origin}/v21.0`,
    store,
    faults,
    requests,
    revokeToken: () => {
      revoked = true;
    },
    close: () => server.close(),
  };
}

/**
 * `comments.filter(stream).order(reverse_chronological).limit(25){…}` in a
 * `fields` list, as the query of the comments edge it stands for (its own
 * field list included, for `replies`); null when comments are not expanded.
 */
function commentsExpansion(fields: string): URLSearchParams | null {
  const match = /(?:^|,)comments((?:\.\w+\(\w*\))*)(?:\{(.*)\})?/.exec(fields);
  if (!match) return null;
  const query = new URLSearchParams();
  for (const [, name, value] of match[1]!.matchAll(/\.(\w+)\((\w*)\)/g)) query.set(name!, value!);
  if (match[2] !== undefined) query.set('fields', match[2]);
  return query;
}

/** The comments edge of `objectId`, on this server, with the expansion's query: Graph's `next` links point there. */
function edgeUrl(listUrl: URL, objectId: string, query: URLSearchParams): URL {
  const version = listUrl.pathname.split('/')[1]!;
  return new URL(`${listUrl.origin}/${version}/${objectId}/comments?${query.toString()}`);
}

function unknownPath(id: string, edge: string | undefined): GraphFailure {
  return edge === undefined
    ? new GraphFailure(400, 100, `Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`, 33, 'GraphMethodException')
    : new GraphFailure(400, 100, `(#100) Tried accessing nonexisting field (${edge})`, undefined, 'GraphMethodException');
}

function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number | null {
  const match = /^offset:(0|[1-9]\d{0,8})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match && encodeOffset(Number(match[1])) === cursor ? Number(match[1]) : null;
}
