import { createClient, type Client, type EngineEndpoint } from '../../shared/rpc';
import { memoryTransport } from '../../shared/rpc/transports/memory';
import type { DesktopSettings } from '../../shared/desktop-settings';
import { planNotices, type Notice, type QueueMemory } from './notification-policy';

export interface QueueWatchOptions {
  engine: EngineEndpoint;
  notificationSettings: () => DesktopSettings['notifications'];
  /** The "Needs reply" count, for the tray and the dock/taskbar badge. */
  onCount: (count: number) => void;
  onNotices: (notices: Notice[]) => void;
  log: (message: string) => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  /** Inbox changes arrive in bursts during a sync: one look per this many ms. */
  debounceMs?: number;
  /** The SLA clock moves without any event: a look at least this often. */
  pollMs?: number;
}

/** The notifier looks at the top of the queue: enough for any burst, bounded for a 100k backlog. */
export const WATCHED_ITEMS = 200;

/**
 * The shell's own view of "Needs reply", through the same contract the page
 * uses: the count for the tray and badge, and the notifications to show
 * (notification-policy.ts decides which).
 */
export class QueueWatch {
  private readonly client: Client;
  private memory: QueueMemory | null = null;
  private scheduled: { cancel(): void } | undefined;
  private poll: { cancel(): void } | undefined;
  private looking: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private offChanged: (() => void) | undefined;

  constructor(private readonly options: QueueWatchOptions) {
    this.client = createClient(memoryTransport(options.engine));
  }

  start(): void {
    this.offChanged = this.client.on('inbox.changed', () => this.soon());
    this.schedulePoll();
    void this.look();
  }

  stop(): void {
    this.stopped = true;
    this.offChanged?.();
    this.scheduled?.cancel();
    this.poll?.cancel();
    this.client.close();
  }

  /** One look at the queue now (or right after the one under way). */
  look(): Promise<void> {
    if (this.looking) {
      this.again = true;
      return this.looking;
    }
    this.looking = this.read()
      .catch((error: unknown) => this.options.log(`queue watch: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.looking = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.look();
        }
      });
    return this.looking;
  }

  private async read(): Promise<void> {
    const [counts, page] = await Promise.all([
      this.client.call('inbox.counts', {}),
      this.client.call('inbox.list', { view: 'needs_reply', offset: 0, limit: WATCHED_ITEMS }),
    ]);
    if (this.stopped) return;
    this.options.onCount(counts.total.needs_reply ?? 0);
    const { notices, memory } = planNotices(this.memory, page.items, this.options.notificationSettings(), (this.options.now ?? Date.now)());
    this.memory = memory;
    if (notices.length > 0) this.options.onNotices(notices);
  }

  private soon(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = this.timer(() => {
      this.scheduled = undefined;
      void this.look();
    }, this.options.debounceMs ?? 1_000);
  }

  private schedulePoll(): void {
    this.poll = this.timer(() => {
      void this.look();
      if (!this.stopped) this.schedulePoll();
    }, this.options.pollMs ?? 60_000);
  }

  private timer(fn: () => void, ms: number): { cancel(): void } {
    if (this.options.setTimer) return this.options.setTimer(fn, ms);
    const handle = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(handle) };
  }
}
