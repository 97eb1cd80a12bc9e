import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EngineSupervisor, type EngineStatus } from '../../../main/electron/engine-supervisor';
import { startEngineThread } from '../../../main/engine/worker-proxy';
import type { EventFrame, ResultFrame } from '../../../shared/rpc';

/** A thread the test crashes by hand. */
function fakeThread(generation: number) {
  let exit: ((code: number) => void) | undefined;
  const listeners = new Set<(frame: EventFrame) => void>();
  return {
    generation,
    closed: false,
    crash: (code: number) => exit?.(code),
    emit: (frame: EventFrame) => listeners.forEach((listener) => listener(frame)),
    dispatch: async (frame: unknown): Promise<ResultFrame> => ({ t: 'result', id: (frame as { id: number }).id, ok: true, output: { generation } }),
    subscribe(listener: (frame: EventFrame) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onExit(listener: (code: number) => void) {
      exit = listener;
    },
    async close() {
      this.closed = true;
    },
  };
}

function setUp(options: { failStarts?: number[]; maxAttempts?: number } = {}) {
  let clock = 0;
  const threads: ReturnType<typeof fakeThread>[] = [];
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  const statuses: EngineStatus[] = [];
  const logs: string[] = [];
  let starts = 0;
  const supervisor = new EngineSupervisor({
    start: async () => {
      starts += 1;
      if (options.failStarts?.includes(starts)) throw new Error('database is locked');
      const thread = fakeThread(threads.length + 1);
      threads.push(thread);
      return thread;
    },
    onStatus: (status) => statuses.push(status),
    log: (message) => logs.push(message),
    maxAttempts: options.maxAttempts ?? 3,
    stableAfterMs: 60_000,
    now: () => clock,
    random: () => 0.5,
    setTimer: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  });
  const fireTimer = async () => {
    const timer = timers.shift()!;
    expect(timer.cancelled).toBe(false);
    timer.fn();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { supervisor, threads, timers, statuses, logs, fireTimer, advance: (ms: number) => void (clock += ms) };
}

const call = (id: number) => ({ t: 'call', id, name: 'app.status', input: {} });

describe('EngineSupervisor', () => {
  it('restarts a crashed engine after a back-off, answers `unavailable` meanwhile, and keeps event listeners', async () => {
    const { supervisor, threads, timers, statuses, logs, fireTimer } = setUp();
    const events: EventFrame[] = [];
    supervisor.subscribe((frame) => events.push(frame));
    await supervisor.start();
    expect(await supervisor.dispatch(call(1))).toMatchObject({ ok: true, output: { generation: 1 } });

    threads[0]!.crash(1);
    expect(statuses.at(-1)).toEqual({ state: 'restarting', exitCode: 1, attempt: 1, delayMs: 750 });
    expect(await supervisor.dispatch(call(2))).toEqual({ t: 'result', id: 2, ok: false, error: { code: 'unavailable', message: 'The engine is restarting' } });
    expect(logs).toEqual(['engine: stopped with exit code 1; restart 1 of 3 in 750 ms']);
    expect(timers).toHaveLength(1);

    await fireTimer();
    expect(statuses.at(-1)).toEqual({ state: 'running', restarts: 1 });
    expect(await supervisor.dispatch(call(3))).toMatchObject({ ok: true, output: { generation: 2 } });
    threads[1]!.emit({ t: 'event', name: 'inbox.changed', payload: { conversationIds: [] } });
    threads[0]!.emit({ t: 'event', name: 'settings.changed', payload: {} }); // the dead thread is no longer heard
    expect(events.map((frame) => frame.name)).toEqual(['inbox.changed']);
  });

  it('waits longer after each crash in a row and gives up after maxAttempts, saying so', async () => {
    const { supervisor, threads, statuses, fireTimer } = setUp({ maxAttempts: 3 });
    await supervisor.start();
    for (let crash = 0; crash < 3; crash++) {
      threads.at(-1)!.crash(134);
      await fireTimer();
    }
    threads.at(-1)!.crash(134);
    const delays = statuses.flatMap((status) => (status.state === 'restarting' ? [status.delayMs] : []));
    expect(delays).toEqual([750, 1_500, 3_000]);
    expect(statuses.at(-1)).toEqual({ state: 'failed', exitCode: 134, attempts: 3 });
    expect(threads).toHaveLength(4);
  });

  it('starts the back-off over after the engine ran long enough to count as healthy', async () => {
    const { supervisor, threads, statuses, fireTimer, advance } = setUp();
    await supervisor.start();
    threads[0]!.crash(1);
    await fireTimer();
    advance(60_000);
    threads[1]!.crash(1);
    expect(statuses.at(-1)).toMatchObject({ state: 'restarting', attempt: 1 });
  });

  it('counts a restart that fails to start as another crash', async () => {
    const { supervisor, threads, statuses, logs, fireTimer } = setUp({ failStarts: [2] });
    await supervisor.start();
    threads[0]!.crash(1);
    await fireTimer();
    expect(logs).toContain('engine: restart failed: database is locked');
    expect(statuses.at(-1)).toMatchObject({ state: 'restarting', attempt: 2 });
    await fireTimer();
    expect(statuses.at(-1)).toEqual({ state: 'running', restarts: 1 });
  });

  it('does not restart after close(), and closes the running engine', async () => {
    const { supervisor, threads, timers } = setUp();
    await supervisor.start();
    threads[0]!.crash(1);
    await supervisor.close();
    expect(timers[0]!.cancelled).toBe(true);

    const second = setUp();
    await second.supervisor.start();
    await second.supervisor.close();
    expect(second.threads[0]!.closed).toBe(true);
    second.threads[0]!.crash(0); // the exit that follows a close is not a crash
    expect(second.timers).toHaveLength(0);
  });

  it('restarts a real engine thread that died', async () => {
    const workerFile = fileURLToPath(new URL('./fixtures/crashing-engine-worker.mjs', import.meta.url));
    let generation = 0;
    const statuses: EngineStatus[] = [];
    const supervisor = new EngineSupervisor({
      start: () => startEngineThread(workerFile, { dataDir: '', generation: ++generation } as never),
      onStatus: (status) => statuses.push(status),
      log: () => undefined,
      backoff: { baseMs: 10, maxMs: 10 },
    });
    try {
      await supervisor.start();
      expect(await supervisor.dispatch(call(1))).toMatchObject({ ok: true, output: { generation: 1 } });
      const crashed = await supervisor.dispatch({ t: 'call', id: 2, name: 'crash', input: {} });
      expect(crashed).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toEqual({ state: 'running', restarts: 1 });
      expect(statuses[1]).toMatchObject({ state: 'restarting', exitCode: 7, attempt: 1 });
      expect(await supervisor.dispatch(call(3))).toMatchObject({ ok: true, output: { generation: 2 } });
    } finally {
      await supervisor.close();
    }
  });
});
