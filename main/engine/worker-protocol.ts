import type { MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { EventFrame, ResultFrame } from '../../shared/rpc';
import type { EngineOptions } from './engine';
import type { SecretStoreErrorCode } from './secrets/secret-store';

/** What a host passes to the engine worker at start (plain data: it crosses a thread boundary). */
export type WorkerOptions = Pick<EngineOptions, 'dataDir' | 'demoSandboxUrl' | 'pollIntervalMs'> & {
  /** Where the engine keeps its own rotating `engine.log` (support/log-file.ts); without it, it logs to stderr. */
  logDir?: string;
  /** Debug logging: message bodies may appear in the log. */
  debugLogging?: boolean;
};

/** What the worker receives: the host's options, plus the ports startEngineThread opens for it. */
export type WorkerData = WorkerOptions & {
  /**
   * Present when the host offers a fallback SecretStore (the desktop app's safeStorage, which exists
   * only in Electron's main process): SecretRequests go out on it and SecretAnswers come back.
   */
  secretFallbackPort?: MessagePort;
};

/** Host → engine thread. `token` pairs a call with its result, whatever ids the clients chose. */
export type ToWorker = { kind: 'call'; token: number; frame: unknown } | { kind: 'close' };

/** Engine thread → host. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'fatal'; code: string; message: string }
  | { kind: 'result'; token: number; frame: ResultFrame }
  | { kind: 'event'; frame: EventFrame }
  | { kind: 'closed' };

/*
 * The secrets port (WorkerData.secretFallbackPort): the engine thread's
 * ForwardedSecretStore asks, the host's serveSecretStore answers from the real
 * store. Both sides parse what they receive with these schemas, since a
 * message that does not fit must become an error answer, not a crash.
 */

const SecretRequestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Engine thread → host: one SecretStore call. The key and secret are checked by the store that serves it. */
export const SecretRequest = z.discriminatedUnion('op', [
  z.object({ id: SecretRequestId, op: z.literal('get'), key: z.string() }),
  z.object({ id: SecretRequestId, op: z.literal('set'), key: z.string(), secret: z.string() }),
  z.object({ id: SecretRequestId, op: z.literal('delete'), key: z.string() }),
  z.object({ id: SecretRequestId, op: z.literal('list') }),
]);
export type SecretRequest = z.infer<typeof SecretRequest>;
export type SecretOp = SecretRequest['op'];

/** What a successful answer carries for each operation: what the SecretStore method returned (`set`: null). */
export const SecretAnswerValue = {
  get: z.string().nullable(),
  set: z.null(),
  delete: z.boolean(),
  list: z.array(z.string()),
} as const satisfies Record<SecretOp, z.ZodType>;
export type SecretAnswerValue<Op extends SecretOp> = z.infer<(typeof SecretAnswerValue)[Op]>;

// Spelled out as a map so that a new SecretStoreErrorCode fails to compile here until the port can carry it.
const SECRET_ERROR_CODES: { [Code in SecretStoreErrorCode]: Code } = { invalid: 'invalid', unavailable: 'unavailable', corrupt: 'corrupt', failed: 'failed' };

/**
 * Host → engine thread: the answer to the request with the same id. An error
 * answer's id is null when the request was too malformed to say which it was.
 * The message is the store's own (stores never put the secret in one).
 */
export const SecretAnswer = z.discriminatedUnion('ok', [
  z.object({ id: SecretRequestId, ok: z.literal(true), value: z.unknown() }),
  z.object({ id: SecretRequestId.nullable(), ok: z.literal(false), error: z.object({ code: z.enum(SECRET_ERROR_CODES), message: z.string() }) }),
]);
export type SecretAnswer = z.infer<typeof SecretAnswer>;

/** The id of a secrets-port message that may not parse: whatever pairs it with its request, or null. */
export function secretMessageId(message: unknown): number | null {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  return SecretRequestId.safeParse(id).success ? (id as number) : null;
}
