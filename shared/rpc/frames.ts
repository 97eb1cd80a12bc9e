import { z } from 'zod';

/**
 * The wire format every transport carries (worker port, WebSocket, Electron
 * IPC, in-memory): a call, its result, or an event. Frames that arrive from
 * outside the process are parsed with these schemas before anything reads them.
 */

export const ErrorCode = z.enum([
  'invalid_frame',
  'unknown_call',
  'invalid_input',
  'invalid_output',
  'not_found',
  'refused',
  'forbidden',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const RpcErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type RpcErrorBody = z.infer<typeof RpcErrorBody>;

export const CallFrame = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

export const ResultFrame = z.discriminatedUnion('ok', [
  z.object({ t: z.literal('result'), id: z.number().int().nonnegative(), ok: z.literal(true), output: z.unknown() }),
  z.object({ t: z.literal('result'), id: z.number().int().nonnegative(), ok: z.literal(false), error: RpcErrorBody }),
]);
export type ResultFrame = z.infer<typeof ResultFrame>;

/** The id of a call frame that may be malformed, so its error result can still be matched to it: 0 when there is none. */
export function callIdOf(raw: unknown): number {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0;
}

export const EventFrame = z.object({ t: z.literal('event'), name: z.string().max(100), payload: z.unknown() });
export type EventFrame = z.infer<typeof EventFrame>;

/** What a client receives: results of its calls and pushed events. */
export const ServerFrame = z.union([ResultFrame, EventFrame]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Frames larger than this are refused before parsing (a hostile or broken peer). */
export const MAX_FRAME_BYTES = 4 * 1024 * 1024;
