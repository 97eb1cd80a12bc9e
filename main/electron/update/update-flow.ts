import type { Updater, UpdaterEvent } from './updater';

/**
 * Where an update stands. The shell shows it in the Help menu and offers
 * "Restart to update" once it is `downloaded`.
 */
export type UpdateState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'available'; version: string }
  | { phase: 'downloading'; version: string; percent: number }
  | { phase: 'downloaded'; version: string }
  | { phase: 'installing'; version: string }
  | { phase: 'error'; message: string };

export interface UpdateFlowOptions {
  updater: Updater;
  /** A check at start and then this often. */
  checkIntervalMs: number;
  /**
   * Runs before the installer takes over: closes the window (which saves
   * drafts) and the engine (which leaves every queued reply in the outbox on
   * disk). If it fails, the update is not installed.
   */
  prepareForRestart: () => Promise<void>;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  log?: (message: string) => void;
}

export const DEFAULT_CHECK_INTERVAL_MS = 4 * 3_600_000;

/** A check is not started over an update that is on its way or waiting to be installed. */
const BUSY: ReadonlySet<UpdateState['phase']> = new Set(['checking', 'available', 'downloading', 'downloaded', 'installing']);

/**
 * The auto-update state machine: checking → available → downloading (with
 * progress) → downloaded → installing, and error from anywhere before
 * installing. Updates download in the background; installing waits for the
 * user and for prepareForRestart.
 */
export class UpdateFlow {
  private current: UpdateState = { phase: 'idle' };
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private timer: { cancel(): void } | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly log: (message: string) => void;

  constructor(private readonly options: UpdateFlowOptions) {
    this.log = options.log ?? (() => undefined);
  }

  get state(): UpdateState {
    return this.current;
  }

  onChange(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks now and then every checkIntervalMs until stop(). */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.options.updater.onEvent((event) => this.apply(event));
    this.scheduledCheck();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** "Check for updates" from the menu; does nothing while an update is already on its way. */
  async check(): Promise<void> {
    if (BUSY.has(this.current.phase)) return;
    this.set({ phase: 'checking' });
    await this.options.updater.checkForUpdates().catch((error: unknown) => this.fail(error));
  }

  /** "Restart to update": only from `downloaded`. The workspace is closed first; a failure there keeps the app running. */
  async install(): Promise<boolean> {
    if (this.current.phase !== 'downloaded') return false;
    const { version } = this.current;
    this.set({ phase: 'installing', version });
    this.stop();
    try {
      await this.options.prepareForRestart();
    } catch (error) {
      this.fail(error);
      return false;
    }
    this.options.updater.quitAndInstall();
    return true;
  }

  private scheduledCheck(): void {
    void this.check();
    const setTimer = this.options.setTimer ?? defaultTimer;
    this.timer = setTimer(() => this.scheduledCheck(), this.options.checkIntervalMs);
  }

  private apply(event: UpdaterEvent): void {
    const state = this.current;
    if (state.phase === 'installing') return; // the user has chosen; nothing the updater says now changes that
    switch (event.type) {
      case 'checking':
        if (state.phase === 'idle' || state.phase === 'error') this.set({ phase: 'checking' });
        return;
      case 'not-available':
        if (state.phase === 'checking') this.set({ phase: 'idle' });
        return;
      case 'available':
        if (state.phase !== 'checking' && state.phase !== 'idle' && state.phase !== 'error') return;
        this.set({ phase: 'available', version: event.version });
        this.download(event.version);
        return;
      case 'progress':
        if (state.phase === 'available' || state.phase === 'downloading') {
          const percent = Number.isFinite(event.percent) ? Math.min(100, Math.max(state.phase === 'downloading' ? state.percent : 0, event.percent)) : 0;
          this.set({ phase: 'downloading', version: state.version, percent });
        } else this.log(`update: progress while ${state.phase} ignored`);
        return;
      case 'downloaded':
        this.set({ phase: 'downloaded', version: event.version });
        return;
      case 'error':
        // A failed check or download is retried at the next scheduled check; a finished download stays installable.
        if (state.phase !== 'downloaded') this.fail(new Error(event.message));
        else this.log(`update: ${event.message} (the downloaded update stays ready)`);
        return;
    }
  }

  private download(version: string): void {
    this.set({ phase: 'downloading', version, percent: 0 });
    this.options.updater.downloadUpdate().catch((error: unknown) => {
      if (this.current.phase === 'downloading') this.fail(error);
    });
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`update: ${message}`);
    this.set({ phase: 'error', message });
  }

  private set(state: UpdateState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}

function defaultTimer(fn: () => void, ms: number): { cancel(): void } {
  const handle = setTimeout(fn, ms);
  handle.unref?.();
  return { cancel: () => clearTimeout(handle) };
}
