import { calls, isCallName, type CallName, type CallOutput, type CallParsedInput } from '../contract';
import { RpcError, issuesOf } from './errors';
import { CallFrame, callIdOf, type ResultFrame } from './frames';

export type Handlers<Ctx> = {
  [N in CallName]: (input: CallParsedInput<N>, ctx: Ctx) => CallOutput<N> | Promise<CallOutput<N>>;
};

export interface HandleOptions {
  /** Told about failures that are not the caller's fault (bugs), with the call's name. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The one entry point for contract calls. It parses the frame, checks the call
 * exists, validates the input against the contract and runs the handler; any
 * failure becomes a typed error result — a malformed call never throws out of
 * here, so a hostile or buggy client cannot take the engine down.
 */
export function handle<Ctx>(handlers: Handlers<Ctx>, options: HandleOptions = {}) {
  return async function dispatch(raw: unknown, ctx: Ctx): Promise<ResultFrame> {
    const frame = CallFrame.safeParse(raw);
    if (!frame.success) {
      return failure(callIdOf(raw), new RpcError('invalid_frame', 'Malformed call frame', issuesOf(frame.error)));
    }
    const { id, name, input } = frame.data;
    if (!isCallName(name)) return failure(id, new RpcError('unknown_call', `Unknown call: ${name.slice(0, 100)}`));
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success) return failure(id, new RpcError('invalid_input', `Invalid input for ${name}`, issuesOf(parsed.error)));
    try {
      const handler = handlers[name] as (input: unknown, ctx: Ctx) => unknown;
      const output = await handler(parsed.data, ctx);
      return { t: 'result', id, ok: true, output };
    } catch (error) {
      if (error instanceof RpcError) return failure(id, error);
      options.onInternalError?.(name, error);
      return failure(id, new RpcError('internal', `The engine failed to handle ${name}`));
    }
  };
}

function failure(id: number, error: RpcError): ResultFrame {
  return { t: 'result', id, ok: false, error: error.toBody() };
}
