import { callIdOf, RpcError, type EngineEndpoint, type EventFrame, type ResultFrame } from '../../shared/rpc';
import { backoffDelay, type BackoffPolicy } from '../engine/support/backoff';
import type { EngineThread } from '../engine/worker-proxy';

/** What the window is told about the engine. */
export type EngineStatus =
  | { state: 'running'; restarts: number }
  | { state: 'restarting'; exitCode: number; attempt: number; delayMs: number }
  | { state: 'failed'; exitCode: number; attempts: number };

export interface EngineSupervisorOptions {
  start: () => Promise<Pick<EngineThread, 'dispatch' | 'subscribe' | 'close' | 'onExit'>>;
  onStatus: (status: EngineStatus) => void;
  log: (message: string) => void;
  backoff?: BackoffPolicy;
  /** Crashes in a row (each within `stableAfterMs` of its start) before the supervisor gives up. */
  maxAttempts?: number;
  /** A run this long counts as healthy: the next crash starts the back-off from the beginning. */
  stableAfterMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  random?: () => number;
}

export const ENGINE_RESTART_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Keeps an engine thread running for the shell: a crash is logged and the
 * engine started again after a growing delay (the database and the outbox are
 * on disk, so a restart loses nothing that was committed; a reply that was
 * `sending` is reconciled by the outbox at start). It is the one
 * EngineEndpoint the IPC bridge sees, so windows need not know a restart
 * happened: calls made while the engine is down fail with `unavailable`.
 */
export class EngineSupervisor implements EngineEndpoint {
  private thread: Awaited<ReturnType<EngineSupervisorOptions['start']>> | undefined;
  private readonly listeners = new Set<(frame: EventFrame) => void>();
  private detach: (() => void) | undefined;
  private failures = 0;
  private restarts = 0;
  private startedAt = 0;
  private pending: { cancel(): void } | undefined;
  private closed = false;

  constructor(private readonly options: EngineSupervisorOptions) {}

  /** The first start; its failure (a damaged workspace, say) is the caller's to show, not retried. */
  async start(): Promise<void> {
    this.attach(await this.options.start());
    this.options.onStatus({ state: 'running', restarts: 0 });
  }

  dispatch(frame: unknown): Promise<ResultFrame> {
    if (this.thread) return this.thread.dispatch(frame);
    return Promise.resolve({ t: 'result', id: callIdOf(frame), ok: false, error: new RpcError('unavailable', 'The engine is restarting').toBody() });
  }

  subscribe(listener: (frame: EventFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the running engine (flushing the database) and stops restarting it. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending?.cancel();
    this.pending = undefined;
    const thread = this.thread;
    this.thread = undefined;
    this.detach?.();
    await thread?.close();
  }

  private attach(thread: NonNullable<typeof this.thread>): void {
    this.thread = thread;
    this.startedAt = this.now();
    this.detach = thread.subscribe((frame) => {
      for (const listener of this.listeners) listener(frame);
    });
    thread.onExit((code) => {
      if (this.thread === thread) this.crashed(code);
    });
  }

  private crashed(exitCode: number): void {
    this.detach?.();
    this.thread = undefined;
    if (this.closed) return;
    if (this.now() - this.startedAt >= (this.options.stableAfterMs ?? 5 * 60_000)) this.failures = 0;
    this.failures += 1;
    const maxAttempts = this.options.maxAttempts ?? 5;
    if (this.failures > maxAttempts) {
      this.options.log(`engine: stopped with exit code ${exitCode}; ${maxAttempts} restarts did not hold, giving up`);
      this.options.onStatus({ state: 'failed', exitCode, attempts: maxAttempts });
      return;
    }
    const delayMs = backoffDelay(this.failures, this.options.backoff ?? ENGINE_RESTART_BACKOFF, this.options.random);
    this.options.log(`engine: stopped with exit code ${exitCode}; restart ${this.failures} of ${maxAttempts} in ${delayMs} ms`);
    this.options.onStatus({ state: 'restarting', exitCode, attempt: this.failures, delayMs });
    const setTimer = this.options.setTimer ?? defaultTimer;
    this.pending = setTimer(() => void this.restart(exitCode), delayMs);
  }

  private async restart(exitCode: number): Promise<void> {
    this.pending = undefined;
    let thread: NonNullable<typeof this.thread>;
    try {
      thread = await this.options.start();
    } catch (error) {
      this.options.log(`engine: restart failed: ${error instanceof Error ? error.message : String(error)}`);
      this.startedAt = this.now(); // a failed start is a crash right away: it counts towards giving up
      this.crashed(exitCode);
      return;
    }
    if (this.closed) {
      await thread.close();
      return;
    }
    this.restarts += 1;
    this.attach(thread);
    this.options.onStatus({ state: 'running', restarts: this.restarts });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function defaultTimer(fn: () => void, ms: number): { cancel(): void } {
  const handle = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(handle) };
}
