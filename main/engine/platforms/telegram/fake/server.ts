import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../fake-kit/loopback-server';
import { z } from 'zod';
import { FaultQueue } from '../../fake-kit/fault-queue';
import { FaultPlan, type FaultRoute } from '../../sandbox/fake/faults';
import { HttpError, readBody, sendCutShortJson, sendJson } from '../../fake-kit/http';
import { WireFaults } from '../../sandbox/wire';
import { WireGetUpdates, WireMessage, WireSendMessage, type WireChat, type WireUser } from '../wire';
import { UpdateQueue } from './update-queue';

/**
 * A fake Telegram Bot API over real HTTP on 127.0.0.1, with the semantics the
 * connector depends on: the update queue and its offsets, long polling that
 * returns as soon as an update arrives, 409 for a poll that another poll
 * overtook, sendMessage recorded as published, and scripted faults.
 *
 * Faults reuse the sandbox's plan (../../sandbox/fake/faults.ts): route
 * `updates` is getUpdates, `replies` is sendMessage. `commit_then_fail` here
 * records the message and then drops the connection — the client cannot tell
 * whether it went out. `malformed_json` answers 200 with a body cut short.
 */

export const FakeTelegramFaults = WireFaults.extend({
  malformed_json: z.object({ count: z.number().int().min(1).max(1000) }).optional(),
});
export type FakeTelegramFaults = z.input<typeof FakeTelegramFaults>;

export interface PublishedMessage {
  message_id: number;
  chat_id: number;
  text: string;
  reply_to_message_id: number | null;
  date: number;
}

export interface IncomingText {
  chat: WireChat;
  from?: WireUser;
  text?: string;
  caption?: string;
  /** The message in this chat it answers. */
  replyTo?: number;
  /** Seconds since the epoch; now by default. */
  date?: number;
}

export interface FakeTelegramOptions {
  /** The token the fake accepts; a fresh random one by default. */
  token?: string;
  firstUpdateId?: number;
  now?: () => number;
}

export interface FakeTelegram {
  /** e.g. http://127.0.0.1:43123 — the connector's baseUrl. */
  url: string;
  token: string;
  bot: WireUser;
  /** A customer's message, as Telegram would deliver it; returns the update. */
  receive(message: IncomingText): Record<string, unknown>;
  /** Any update body, for payloads shaped like the reference's examples or deliberately broken ones. */
  pushUpdate(fields: Record<string, unknown>): Record<string, unknown>;
  /** The update_id the queue gave the newest update. */
  lastUpdateId(): number;
  /** Updates not yet confirmed by an offset. */
  pending(): number;
  /** Whether a getUpdates is waiting for news (a long poll in progress). */
  waiting(): boolean;
  /** How many requests for `method` arrived with the right token, answered or not. */
  calls(method: 'getMe' | 'getUpdates' | 'sendMessage'): number;
  /** Every message sendMessage accepted, in order. */
  published(): PublishedMessage[];
  faults(faults: FakeTelegramFaults): void;
  /** The user blocked the bot: sendMessage to this chat answers 403. */
  block(chatId: number): void;
  /** A group became a supergroup: sendMessage to it answers 400 with migrate_to_chat_id. */
  migrate(chatId: number, to: number): void;
  /** The owner revoked the token in @BotFather: every call answers 401. */
  revokeToken(): void;
  close(): Promise<void>;
}

const BOT_ID = 7_000_000_001;
const MAX_TEXT = 4096;
const CALL = /^\/bot([^/]+)\/([A-Za-z]+)$/;

/** Telegram's own error envelope (#making-requests), carried through the fakes' HttpError (../../fake-kit/http.ts) and rewritten on the way out. */
class TelegramError extends HttpError {
  constructor(status: number, description: string, readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number }) {
    super(status, 'telegram', description);
  }
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const now = options.now ?? Date.now;
  let token = options.token ?? `${BOT_ID}:${randomBytes(26).toString('base64url')}`;
  const bot: WireUser = { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Northwind Support', username: 'northwind_support_bot' };
  const queue = new UpdateQueueWithChats(options.firstUpdateId ?? 500_000_000);
  const plan = new FaultPlan();
  // Cut-short answers come after the work, so they queue apart from the plan's faults, which come before it.
  const malformed = new FaultQueue<FaultRoute, { kind: 'malformed' }>(['updates', 'replies'], 'replies');
  const published: PublishedMessage[] = [];
  const blocked = new Set<number>();
  const migrated = new Map<number, number>();
  const callCounts = new Map<string, number>();

  async function getUpdates(params: unknown, response: ServerResponse): Promise<unknown> {
    const { offset, limit, timeout, allowed_updates } = parse(WireGetUpdates, params);
    if (allowed_updates) queue.updates.allow(allowed_updates);
    queue.updates.supersede();
    queue.updates.confirm(offset);
    let batch = queue.updates.read(limit);
    if (batch.length === 0 && timeout > 0) {
      const gone = new AbortController();
      response.once('close', () => gone.abort());
      const outcome = await queue.updates.wait(timeout * 1000, gone.signal);
      if (outcome === 'superseded') throw new TelegramError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
      batch = queue.updates.read(limit);
    }
    return batch;
  }

  function sendMessage(params: unknown): unknown {
    const { chat_id, text, reply_parameters } = parse(WireSendMessage, params);
    if (typeof chat_id !== 'number') throw new TelegramError(400, 'Bad Request: chat not found');
    const moved = migrated.get(chat_id);
    if (moved !== undefined) throw new TelegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: moved });
    const chat = queue.chats.get(chat_id);
    if (!chat) throw new TelegramError(400, 'Bad Request: chat not found');
    if (blocked.has(chat_id)) throw new TelegramError(403, 'Forbidden: bot was blocked by the user');
    if (text.trim().length === 0) throw new TelegramError(400, 'Bad Request: message text is empty');
    if (text.length > MAX_TEXT) throw new TelegramError(400, 'Bad Request: message is too long');
    const repliedTo = reply_parameters && chat.messages.get(reply_parameters.message_id);
    if (reply_parameters && !repliedTo && !reply_parameters.allow_sending_without_reply) throw new TelegramError(400, 'Bad Request: message to be replied not found');
    const message_id = chat.nextMessageId++;
    const date = Math.floor(now() / 1000);
    const sent = { message_id, from: bot, chat: chat.chat, date, text, ...(repliedTo ? { reply_to_message: repliedTo } : {}) };
    chat.messages.set(message_id, sent);
    published.push({ message_id, chat_id, text, reply_to_message_id: repliedTo ? reply_parameters!.message_id : null, date });
    return sent;
  }

  async function underFaults(route: FaultRoute, request: IncomingMessage, response: ServerResponse, work: () => Promise<unknown> | unknown): Promise<void> {
    const fault = await plan.arrive(route, server.sleep);
    switch (fault?.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'fail':
        throw new TelegramError(fault.status, fault.status === 502 ? 'Bad Gateway' : 'Internal Server Error');
      case 'rate_limit':
        throw new TelegramError(429, `Too Many Requests: retry after ${fault.retryAfterS}`, { retry_after: fault.retryAfterS });
    }
    const result = await work();
    if (fault?.kind === 'commit_then_fail') {
      request.socket.destroy();
      return;
    }
    if (malformed.take(route)) {
      sendCutShortJson(response, { ok: true, result });
      return;
    }
    sendJson(response, { status: 200, body: { ok: true, result } });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const call = CALL.exec(url.pathname);
    if (!call) throw new TelegramError(404, 'Not Found');
    if (call[1] !== token) throw new TelegramError(401, 'Unauthorized');
    const params = await paramsOf(request);
    callCounts.set(call[2]!, (callCounts.get(call[2]!) ?? 0) + 1);
    switch (call[2]) {
      case 'getMe':
        return sendJson(response, { status: 200, body: { ok: true, result: { ...bot, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } } });
      case 'getUpdates':
        return underFaults('updates', request, response, () => getUpdates(params, response));
      case 'sendMessage':
        return underFaults('replies', request, response, () => sendMessage(params));
    }
    throw new TelegramError(404, 'Not Found');
  }

  const server = await listenOnLoopback(
    route,
    (error, response) => {
      const failure = error instanceof TelegramError ? error : new TelegramError(error instanceof HttpError ? error.status : 500, error instanceof HttpError ? `Bad Request: ${error.message}` : 'Internal Server Error');
      sendJson(response, {
        status: failure.status,
        body: { ok: false, error_code: failure.status, description: failure.message, ...(failure.parameters ? { parameters: failure.parameters } : {}) },
      });
    },
  );

  return {
    url: server.origin,
    get token() {
      return token;
    },
    bot,
    receive: (message) => queue.receive(message, now),
    pushUpdate: (fields) => queue.push(fields),
    pending: () => queue.updates.size,
    lastUpdateId: () => queue.updates.lastId,
    waiting: () => queue.updates.waiting,
    calls: (method) => callCounts.get(method) ?? 0,
    published: () => published.map((entry) => ({ ...entry })),
    faults(faults) {
      const parsed = FakeTelegramFaults.parse(faults);
      plan.addPlan(parsed);
      if (parsed.malformed_json) malformed.add({ kind: 'malformed' }, { route: parsed.route, count: parsed.malformed_json.count });
    },
    block: (chatId) => void blocked.add(chatId),
    migrate: (chatId, to) => void migrated.set(chatId, to),
    revokeToken() {
      token = `${bot.id}:${randomBytes(26).toString('base64url')}`;
    },
    close() {
      queue.updates.close();
      return server.close();
    },
  };
}

interface KnownChat {
  chat: WireChat;
  nextMessageId: number;
  messages: Map<number, Record<string, unknown>>;
}

/** The queue plus the chats its messages came from: sendMessage only reaches a chat the bot has seen. */
class UpdateQueueWithChats {
  readonly updates: UpdateQueue;
  readonly chats = new Map<number, KnownChat>();

  constructor(firstUpdateId: number) {
    this.updates = new UpdateQueue(firstUpdateId);
  }

  receive({ chat, from, text, caption, replyTo, date }: IncomingText, now: () => number): Record<string, unknown> {
    const known = this.chatOf(chat);
    const message: Record<string, unknown> = {
      message_id: known.nextMessageId++,
      ...(from ? { from } : {}),
      chat,
      date: date ?? Math.floor(now() / 1000),
      ...(replyTo !== undefined && known.messages.has(replyTo) ? { reply_to_message: known.messages.get(replyTo) } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(caption !== undefined ? { caption } : {}),
    };
    return this.push({ message });
  }

  push(fields: Record<string, unknown>): Record<string, unknown> {
    const message = WireMessage.safeParse(fields.message);
    if (message.success) {
      const known = this.chatOf(message.data.chat);
      known.messages.set(message.data.message_id, fields.message as Record<string, unknown>);
      known.nextMessageId = Math.max(known.nextMessageId, message.data.message_id + 1);
    }
    return this.updates.push(fields);
  }

  private chatOf(chat: WireChat): KnownChat {
    let known = this.chats.get(chat.id);
    if (!known) {
      known = { chat, nextMessageId: 1, messages: new Map() };
      this.chats.set(chat.id, known);
    }
    return known;
  }
}

function parse<T>(schema: z.ZodType<T>, params: unknown): T {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new TelegramError(400, `Bad Request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Telegram also takes query strings and forms (#making-requests); this fake takes the JSON body the connector sends, or none. */
async function paramsOf(request: IncomingMessage): Promise<unknown> {
  const text = request.method === 'POST' ? await readBody(request) : '';
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TelegramError(400, "Bad Request: can't parse JSON");
  }
}
