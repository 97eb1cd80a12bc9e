import type { WireItem, WireReply } from '../wire';
import { BRAND } from './brand';
import type { Lang } from './corpus';
import { generateBackfill, type ItemStream, type WireThread } from './generator';

export interface FeedOptions {
  seed: number;
  epoch: number;
  backfill: number;
  liveIntervalMs: number | null;
}

interface ThreadEntry {
  thread: WireThread;
  /** The customer's language: the brand answers in it. */
  lang: Lang;
}

/**
 * Everything the platform holds, in the order it became available: the
 * backfill, live items as their time comes, emitted items and the replies
 * published through the API. Positions in this list are what cursors encode.
 */
export class Feed {
  private readonly items: WireItem[] = [];
  private readonly threads = new Map<string, ThreadEntry>();
  private readonly byId = new Map<string, WireItem>();
  private readonly stream: ItemStream;
  private liveCount = 0;

  constructor(private readonly options: FeedOptions) {
    const { items, stream } = generateBackfill(options.seed, options.epoch, options.backfill);
    this.stream = stream;
    for (const item of items) this.append(item);
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Appends the live items due by `now` (one per interval after the epoch).
   * Computed lazily by every request instead of on a timer, so nothing keeps
   * the process alive; called before every read or write so the feed stays in
   * time order.
   */
  catchUp(now: number): void {
    const { epoch, liveIntervalMs } = this.options;
    if (liveIntervalMs === null) return;
    const due = Math.floor((now - epoch) / liveIntervalMs);
    while (this.liveCount < due) {
      this.liveCount++;
      this.append(this.stream.next(epoch + this.liveCount * liveIntervalMs, false));
    }
  }

  /** `count` new customer messages, dated `now`, continuing the same sequence. */
  emit(count: number, now: number): WireItem[] {
    this.catchUp(now);
    return Array.from({ length: count }, () => this.append(this.stream.next(now, false)));
  }

  /** A reply published through the API shows up in its thread as the brand's outbound message. */
  addReply(reply: WireReply): void {
    const entry = this.threads.get(reply.thread_id);
    if (!entry) throw new Error(`Reply to unknown thread ${reply.thread_id}`);
    this.append({
      id: reply.id,
      thread: { ...entry.thread },
      author: { ...BRAND, lang: entry.lang },
      text: reply.text,
      created_at: reply.created_at,
      direction: 'out',
      visibility: reply.visibility,
    });
  }

  thread(id: string): WireThread | undefined {
    return this.threads.get(id)?.thread;
  }

  item(id: string): WireItem | undefined {
    return this.byId.get(id);
  }

  slice(start: number, end: number): WireItem[] {
    return this.items.slice(start, end);
  }

  private append(item: WireItem): WireItem {
    this.items.push(item);
    this.byId.set(item.id, item);
    if (!this.threads.has(item.thread.id)) this.threads.set(item.thread.id, { thread: item.thread, lang: item.author.lang });
    return item;
  }
}
