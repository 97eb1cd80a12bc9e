import type { EventFrame, ResultFrame } from '../../shared/rpc';
import type { EngineOptions } from './engine';

/** What a host passes to the engine worker at start (plain data: it crosses a thread boundary). */
export type WorkerOptions = Pick<EngineOptions, 'dataDir' | 'demoSandboxUrl' | 'pollIntervalMs'> & {
  /** Where the engine keeps its own rotating `engine.log` (support/log-file.ts); without it, it logs to stderr. */
  logDir?: string;
  /** Debug logging: message bodies may appear in the log. */
  debugLogging?: boolean;
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
