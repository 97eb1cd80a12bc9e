import type { Engine } from '../main/engine/engine';
import type { CallInput, CallName, CallOutput } from '../shared/contract';
import { YIELD_EVERY, yieldForSignals } from './interrupt';

let nextId = 1;

/** One contract call through the engine's dispatch: frame parsing, zod validation, handler — what a host does for a real call. */
export async function call<N extends CallName>(engine: Engine, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const frame = await engine.dispatch({ t: 'call', id: nextId++, name, input });
  if (!frame.ok) throw new Error(`${name} failed: ${frame.error.code}: ${frame.error.message}`);
  return frame.output as CallOutput<N>;
}

/** Runs a call `warmup` times untimed, then `iterations` times, and returns each timed duration in ms. */
export async function timeCall<N extends CallName>(engine: Engine, name: N, input: CallInput<N>, warmup: number, iterations: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await call(engine, name, input);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await call(engine, name, input);
    samples.push(performance.now() - started);
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldForSignals();
  }
  return samples;
}
