import { requestJson, type HttpResponse } from '../http';
import { PlatformError, type AccountIdentity, type Connector, type PublishedReply, type ReplyRequest, type StreamPacing, type UpdatesPage } from '../types';
import { messageId, parseThreadId } from './ids';
import { mapUpdates } from './mapper';
import { PollerLock } from './poller-lock';
import {
  ALLOWED_UPDATES,
  BotToken,
  TELEGRAM_API,
  WireEnvelope,
  WireSentMessage,
  WireUser,
  type WireGetUpdates,
  type WireSendMessage,
} from './wire';

export interface TelegramConfig {
  /** Default https://api.telegram.org; the fake server's address in tests. */
  baseUrl?: string;
  /** The bot's token from @BotFather. It is a password: it goes into request URLs and nowhere else. */
  token: string;
  /** How long one getUpdates may wait for news (default 50 s, the most Telegram recommends keeping a connection idle). */
  longPollSeconds?: number;
  /** Updates per getUpdates, 1–100 (default 100). */
  pageSize?: number;
  /** How long a call may take on top of its long poll (default 30 s). */
  requestTimeoutMs?: number;
  /** Where the poller lock lives (default the OS temp folder, which every instance on this machine shares). */
  lockDir?: string;
}

/** Telegram keeps an update that no one fetched for 24 hours (#getting-updates), and bots have no call to read history. */
export const UPDATE_RETENTION_MS = 24 * 60 * 60 * 1000;

/** How long to wait before polling again when another instance is polling this bot: it may be a colleague's app, running all day. */
export const CONFLICT_RETRY_MS = 60_000;

const DEFAULT_LONG_POLL_S = 50;
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The Telegram Bot API connector (wire format: wire.ts; ids: ids.ts).
 *
 * Sync reads getUpdates with the stored cursor as `offset`. The cursor is the
 * highest update_id read + 1, and the scheduler commits it in the same
 * transaction as the page, so Telegram is told an update may be forgotten only
 * by the poll after it was written to SQLite.
 *
 * Only `message` updates are asked for: edited_message would repeat an id the
 * console already holds (ingest keeps the first version; edits are not modelled),
 * and channel_post is the brand's own channel posting, not a customer.
 *
 * sendMessage has no idempotency key and bots cannot read their chats'
 * history, so a send whose outcome is unknown cannot be checked here: there is
 * no findPublished, and the outbox asks the agent to look instead.
 */
export class TelegramConnector implements Connector {
  readonly streams = ['updates'] as const;
  readonly dedupesSends = false;
  /** Read by the sync scheduler: after a longer gap, updates may have been lost. */
  readonly updateRetentionMs = UPDATE_RETENTION_MS;

  /** getUpdates waits on Telegram's side until there is news (long polling): the next read follows at once. */
  pacing(): StreamPacing {
    return { minIntervalMs: 0, maxIntervalMs: 0 };
  }
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly lock: PollerLock;

  constructor(private readonly config: TelegramConfig) {
    const token = BotToken.safeParse(config.token);
    // The zod message would quote the input: say what is wrong without it.
    if (!token.success) throw new RangeError('The Telegram bot token is not valid: expected digits, a colon, then the secret part');
    this.token = token.data;
    this.baseUrl = (config.baseUrl ?? TELEGRAM_API).replace(/\/+$/, '');
    this.lock = new PollerLock(this.token, config.lockDir);
  }

  async verify(signal: AbortSignal): Promise<AccountIdentity> {
    const parsed = WireUser.safeParse(await this.call('getMe', {}, signal));
    if (!parsed.success) throw new PlatformError('server', 'Telegram sent a malformed answer to getMe');
    const me = parsed.data;
    return { platformAccountId: String(me.id), displayName: me.username ? `${me.first_name} (@${me.username})` : me.first_name };
  }

  async fetchUpdates(_stream: string, cursor: string | null, signal: AbortSignal): Promise<UpdatesPage> {
    const offset = cursor === null ? undefined : Number(cursor);
    if (offset !== undefined && !(Number.isSafeInteger(offset) && offset >= 0)) throw new PlatformError('cursor_invalid', 'The stored Telegram offset is not a number');
    this.claimPoller();
    const limit = this.config.pageSize ?? 100;
    // The first read after connecting drains the backlog at once; later ones wait for news.
    const timeout = cursor === null ? 0 : (this.config.longPollSeconds ?? DEFAULT_LONG_POLL_S);
    const params: WireGetUpdates = { offset, limit, timeout, allowed_updates: [...ALLOWED_UPDATES] };
    const result = await this.call('getUpdates', params, signal, timeout * 1000);
    if (!Array.isArray(result)) throw new PlatformError('server', 'Telegram sent a malformed answer to getUpdates: the result is not a list');
    const { items, quarantined, nextOffset } = mapUpdates(result);
    // Without a readable update_id nothing can be acknowledged, and storing the page would quarantine the same updates at every poll.
    if (result.length > 0 && nextOffset === null) throw new PlatformError('server', 'Telegram sent updates without a readable update_id');
    return { items, quarantined, cursor: String(nextOffset ?? offset ?? 0), hasMore: result.length >= limit, remaining: null };
  }

  async sendReply(request: ReplyRequest, signal: AbortSignal): Promise<PublishedReply> {
    const address = parseThreadId(request.threadPlatformId);
    if (!address) throw new PlatformError('refused', 'This conversation has no Telegram chat id');
    const params: WireSendMessage = { chat_id: address.chatId, text: request.text };
    // Quote the customer's message, but still answer if they have deleted it meanwhile.
    if (address.replyTo !== null) params.reply_parameters = { message_id: address.replyTo, allow_sending_without_reply: true };
    const sent = WireSentMessage.safeParse(await this.call('sendMessage', params, signal));
    // The message went out; only its receipt is unreadable. Ambiguous, like any other lost answer.
    if (!sent.success) throw new PlatformError('server', 'Telegram sent a malformed answer to sendMessage');
    return { platformId: messageId(sent.data.chat.id, sent.data.message_id), createdAt: sent.data.date * 1000 };
  }

  /** Lets another instance poll this bot; call when the account is disconnected or the engine closes. */
  close(): void {
    this.lock.release();
  }

  private claimPoller(): void {
    const lock = this.lock.acquire();
    if (lock.held) return;
    const who = lock.pid === null ? '' : ` (process ${lock.pid})`;
    throw new PlatformError('refused', `Another Switchboard on this computer${who} is already reading this bot's updates; waiting for it to stop`, CONFLICT_RETRY_MS);
  }

  private async call(method: string, params: object, signal: AbortSignal, waitMs = 0): Promise<unknown> {
    let response: HttpResponse;
    try {
      response = await requestJson(
        `${this.baseUrl}/bot${this.token}/${method}`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params), timeoutMs: waitMs + (this.config.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS) },
        signal,
      );
    } catch (error) {
      throw this.redacted(error);
    }
    const envelope = WireEnvelope.safeParse(response.body);
    if (!envelope.success) throw this.withoutEnvelope(method, response.status);
    if (envelope.data.ok) return envelope.data.result;
    const { error_code, description, parameters } = envelope.data;
    throw this.failure(error_code, this.redact(description), parameters ?? {});
  }

  /** #making-requests: error_code mirrors the HTTP status; parameters say how long to wait or where a group went. */
  private failure(code: number, description: string, parameters: { retry_after?: number; migrate_to_chat_id?: number }): PlatformError {
    if (code === 429) return new PlatformError('rate_limited', `Telegram asks to slow down: ${description}`, parameters.retry_after === undefined ? null : parameters.retry_after * 1000);
    if (code === 401 || code === 404) return new PlatformError('unauthorized', `Telegram does not accept this bot token: ${description}`);
    if (code === 409) {
      return new PlatformError('refused', `Another app is reading this bot's updates (or a webhook is set), so this one is waiting: ${description}`, CONFLICT_RETRY_MS);
    }
    if (code >= 500) return new PlatformError('server', `Telegram failed: ${description}`);
    if (parameters.migrate_to_chat_id !== undefined) {
      return new PlatformError('refused', `This group became a supergroup (chat ${parameters.migrate_to_chat_id}); reply in its new conversation`);
    }
    return new PlatformError('refused', `Telegram refused: ${description}`);
  }

  /** A body that is not Telegram's envelope: a proxy's error page, a truncated answer. */
  private withoutEnvelope(method: string, status: number): PlatformError {
    if (status === 401 || status === 404) return new PlatformError('unauthorized', `Telegram does not accept this bot token (HTTP ${status})`);
    if (status === 429) return new PlatformError('rate_limited', 'Telegram asks to slow down (HTTP 429)');
    return new PlatformError('server', `Telegram sent a malformed answer to ${method} (HTTP ${status})`);
  }

  /**
   * The token is in every URL, and fetch's failures can quote the URL or carry
   * it in their causes; the error we throw keeps only redacted text.
   */
  private redacted(error: unknown): unknown {
    if (!(error instanceof PlatformError)) return error; // the caller's own abort: no request detail in it
    return new PlatformError(error.kind, this.redact(error.message), error.retryAfterMs, { cause: this.redact(describeCauses(error.cause)) });
  }

  private redact(text: string): string {
    return text.split(this.token).join('<token>');
  }
}

/** The chain of causes as one line: "TypeError: fetch failed ← Error: connect ECONNREFUSED 127.0.0.1:9". */
function describeCauses(cause: unknown): string {
  const parts: string[] = [];
  for (let current = cause, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  return parts.join(' ← ');
}
