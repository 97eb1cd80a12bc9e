import { parseRetryAfter, requestJson, type HttpResponse } from '../http';
import { PlatformError, type AccountIdentity, type Connector, type HideRequest, type PublishedReply, type ReplyRequest, type UpdatesPage } from '../types';
import { mapItems } from './mapper';
import { WireError, WireHidden, WireMe, WireReply, WireUpdatesPage } from './wire';

export interface SandboxConfig {
  baseUrl: string;
  /** Items per page; the platform caps it at 200. */
  pageSize?: number;
}

/** The sandbox platform's client: a thin fetch wrapper over the wire format in wire.ts. */
export class SandboxConnector implements Connector {
  readonly streams = ['updates'] as const;
  /** The sandbox deduplicates on the idempotency-key header. */
  readonly dedupesSends = true;

  constructor(
    private readonly config: SandboxConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async me(signal: AbortSignal): Promise<WireMe> {
    const response = this.check(await requestJson(`${this.config.baseUrl}/v1/me`, { method: 'GET' }, signal));
    return parse(WireMe, response.body, 'profile');
  }

  async verify(signal: AbortSignal): Promise<AccountIdentity> {
    const me = await this.me(signal);
    return { platformAccountId: me.id, displayName: me.name };
  }

  async fetchUpdates(_stream: string, cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    const url = new URL('/v1/updates', this.config.baseUrl);
    if (cursor !== null) url.searchParams.set('after', cursor);
    url.searchParams.set('limit', String(this.config.pageSize ?? 200));
    const response = this.check(await requestJson(url.href, { method: 'GET' }, signal));
    const page = parse(WireUpdatesPage, response.body, 'updates page');
    return { ...mapItems(page.updates), cursor: page.cursor, hasMore: page.has_more, remaining: page.remaining };
  }

  async sendReply(request: ReplyRequest, signal: AbortSignal): Promise<PublishedReply> {
    const url = new URL(`/v1/threads/${encodeURIComponent(request.threadPlatformId)}/replies`, this.config.baseUrl);
    const response = this.check(
      await requestJson(
        url.href,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
          body: JSON.stringify({ text: request.text, visibility: request.visibility }),
        },
        signal,
      ),
    );
    const reply = parse(WireReply, response.body, 'reply');
    return { platformId: reply.id, createdAt: Date.parse(reply.created_at) };
  }

  async setHidden(request: HideRequest, signal: AbortSignal): Promise<void> {
    const url = new URL(`/v1/items/${encodeURIComponent(request.messagePlatformId)}/hidden`, this.config.baseUrl);
    const body = JSON.stringify({ hidden: request.hidden });
    const response = this.check(await requestJson(url.href, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }, signal));
    const state = parse(WireHidden, response.body, 'hidden state');
    if (state.id !== request.messagePlatformId || state.hidden !== request.hidden) throw new PlatformError('server', 'The platform answered for another comment or state');
  }

  private check(response: HttpResponse): HttpResponse {
    if (response.status < 400) return response;
    const reason = WireError.safeParse(response.body);
    const message = reason.success ? reason.data.error.message : `HTTP ${response.status}`;
    if (reason.success && reason.data.error.code === 'invalid_cursor') throw new PlatformError('cursor_invalid', message);
    if (response.status === 429) {
      throw new PlatformError('rate_limited', message, parseRetryAfter(response.headers.get('retry-after'), this.now()) ?? 60_000);
    }
    if (response.status === 401 || response.status === 403) throw new PlatformError('unauthorized', message);
    if (response.status >= 500) throw new PlatformError('server', message);
    throw new PlatformError('refused', message);
  }
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new PlatformError('server', `The platform sent a malformed ${what}`);
  return parsed.data;
}
