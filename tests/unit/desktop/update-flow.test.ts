import { describe, expect, it } from 'vitest';
import { UpdateFlow, type UpdateState } from '../../../main/electron/update/update-flow';
import type { Updater, UpdaterEvent } from '../../../main/electron/update/updater';

/** An updater whose events the test sends, recording what the flow asked of it. */
class FakeUpdater implements Updater {
  readonly calls: string[] = [];
  failNextCheck: Error | undefined;
  private readonly listeners = new Set<(event: UpdaterEvent) => void>();

  async checkForUpdates(): Promise<void> {
    this.calls.push('check');
    const failure = this.failNextCheck;
    this.failNextCheck = undefined;
    if (failure) throw failure;
  }
  async downloadUpdate(): Promise<void> {
    this.calls.push('download');
  }
  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }
  onEvent(listener: (event: UpdaterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: UpdaterEvent): void {
    for (const listener of this.listeners) listener(event);
  }
  get subscribed(): number {
    return this.listeners.size;
  }
}

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { fn, ms, cancelled: false };
      pending.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
    fireNext: () => {
      const timer = pending.find((candidate) => !candidate.cancelled);
      if (!timer) throw new Error('no timer pending');
      pending.splice(pending.indexOf(timer), 1);
      timer.fn();
    },
  };
}

function setUp(prepareForRestart: () => Promise<void> = async () => undefined) {
  const updater = new FakeUpdater();
  const timers = manualTimers();
  const steps: string[] = [];
  const flow = new UpdateFlow({ updater, checkIntervalMs: 4 * 3_600_000, setTimer: timers.setTimer, prepareForRestart: async () => {
    steps.push('prepare');
    await prepareForRestart();
  } });
  const states: UpdateState[] = [];
  flow.onChange((state) => states.push(state));
  return { updater, timers, flow, states, steps };
}

const phases = (states: UpdateState[]) => states.map((state) => state.phase);

describe('UpdateFlow', () => {
  it('checks at start, downloads in the background with progress, and installs only after the workspace is closed', async () => {
    const { updater, flow, states, steps } = setUp();
    flow.start();
    expect(updater.calls).toEqual(['check']);
    updater.emit({ type: 'checking' });
    updater.emit({ type: 'available', version: '0.2.0' });
    expect(updater.calls).toEqual(['check', 'download']);
    updater.emit({ type: 'progress', percent: 12.5, bytesPerSecond: 1000 });
    updater.emit({ type: 'progress', percent: 60, bytesPerSecond: 1000 });
    updater.emit({ type: 'downloaded', version: '0.2.0' });
    expect(flow.state).toEqual({ phase: 'downloaded', version: '0.2.0' });
    expect(states.filter((state) => state.phase === 'downloading')).toEqual([
      { phase: 'downloading', version: '0.2.0', percent: 0 },
      { phase: 'downloading', version: '0.2.0', percent: 12.5 },
      { phase: 'downloading', version: '0.2.0', percent: 60 },
    ]);

    expect(await flow.install()).toBe(true);
    expect(phases(states)).toEqual(['checking', 'available', 'downloading', 'downloading', 'downloading', 'downloaded', 'installing']);
    expect([...steps, ...updater.calls.slice(2)]).toEqual(['prepare', 'quitAndInstall']);
    expect(updater.subscribed).toBe(0);
  });

  it('does not install when closing the workspace fails, and says why', async () => {
    const { updater, flow } = setUp(async () => {
      throw new Error('the outbox could not be saved');
    });
    flow.start();
    updater.emit({ type: 'available', version: '0.2.0' });
    updater.emit({ type: 'downloaded', version: '0.2.0' });
    expect(await flow.install()).toBe(false);
    expect(updater.calls).not.toContain('quitAndInstall');
    expect(flow.state).toEqual({ phase: 'error', message: 'the outbox could not be saved' });
  });

  it('refuses to install before an update is downloaded', async () => {
    const { updater, flow, steps } = setUp();
    flow.start();
    updater.emit({ type: 'available', version: '0.2.0' });
    expect(await flow.install()).toBe(false);
    expect(steps).toEqual([]);
    expect(flow.state.phase).toBe('downloading');
  });

  it('goes back to idle when there is nothing new, and checks again on schedule', () => {
    const { updater, flow, timers } = setUp();
    flow.start();
    updater.emit({ type: 'not-available' });
    expect(flow.state).toEqual({ phase: 'idle' });
    expect(timers.pending.map((timer) => timer.ms)).toEqual([4 * 3_600_000]);
    timers.fireNext();
    expect(updater.calls).toEqual(['check', 'check']);
    expect(flow.state.phase).toBe('checking');
  });

  it('records a failed check as an error and recovers at the next check', async () => {
    const { updater, flow, timers } = setUp();
    updater.failNextCheck = new Error('getaddrinfo ENOTFOUND updates.switchboard.invalid');
    flow.start();
    await Promise.resolve();
    expect(flow.state).toEqual({ phase: 'error', message: 'getaddrinfo ENOTFOUND updates.switchboard.invalid' });
    timers.fireNext();
    updater.emit({ type: 'available', version: '0.2.0' });
    expect(flow.state.phase).toBe('downloading');
  });

  it('does not start a check over a download or a downloaded update', async () => {
    const { updater, flow, timers } = setUp();
    flow.start();
    updater.emit({ type: 'available', version: '0.2.0' });
    timers.fireNext();
    await flow.check();
    updater.emit({ type: 'downloaded', version: '0.2.0' });
    timers.fireNext();
    expect(updater.calls).toEqual(['check', 'download']);
    expect(flow.state.phase).toBe('downloaded');
  });

  it('keeps a downloaded update installable when a later updater error comes in', () => {
    const { updater, flow } = setUp();
    flow.start();
    updater.emit({ type: 'available', version: '0.2.0' });
    updater.emit({ type: 'downloaded', version: '0.2.0' });
    updater.emit({ type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(flow.state).toEqual({ phase: 'downloaded', version: '0.2.0' });
  });

  it('turns a failed download into an error', () => {
    const { updater, flow } = setUp();
    flow.start();
    updater.emit({ type: 'available', version: '0.2.0' });
    updater.emit({ type: 'progress', percent: 30, bytesPerSecond: 10 });
    updater.emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect(flow.state).toEqual({ phase: 'error', message: 'sha512 checksum mismatch' });
  });

  it('keeps progress within 0–100 and never moving backwards, and ignores progress out of turn', () => {
    const { updater, flow } = setUp();
    flow.start();
    updater.emit({ type: 'progress', percent: 50, bytesPerSecond: 1 });
    expect(flow.state.phase).toBe('checking');
    updater.emit({ type: 'available', version: '0.2.0' });
    updater.emit({ type: 'progress', percent: 70, bytesPerSecond: 1 });
    updater.emit({ type: 'progress', percent: 40, bytesPerSecond: 1 });
    expect(flow.state).toEqual({ phase: 'downloading', version: '0.2.0', percent: 70 });
    updater.emit({ type: 'progress', percent: 250, bytesPerSecond: 1 });
    expect(flow.state).toEqual({ phase: 'downloading', version: '0.2.0', percent: 100 });
  });

  it('stops checking after stop()', () => {
    const { updater, flow, timers } = setUp();
    flow.start();
    flow.stop();
    expect(timers.pending.every((timer) => timer.cancelled)).toBe(true);
    expect(updater.subscribed).toBe(0);
  });
});
