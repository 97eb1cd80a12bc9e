import type { Connectivity } from '../../../shared/domain';

/**
 * Folds what the sync loops and the outbox observe into the one state the
 * indicator shows: offline after a failure to reach a platform (until the next
 * success), syncing while any backfill is catching up, online otherwise.
 */
export class ConnectivityMonitor {
  private unreachable = new Set<string>();
  private backfilling = new Set<string>();
  private current: Connectivity = 'online';

  constructor(private readonly onChange: (state: Connectivity) => void) {}

  get state(): Connectivity {
    return this.current;
  }

  reached(source: string): void {
    this.unreachable.delete(source);
    this.update();
  }

  unreachableFrom(source: string): void {
    this.unreachable.add(source);
    this.update();
  }

  setBackfilling(source: string, active: boolean): void {
    if (active) this.backfilling.add(source);
    else this.backfilling.delete(source);
    this.update();
  }

  private update(): void {
    const next: Connectivity = this.unreachable.size > 0 ? 'offline' : this.backfilling.size > 0 ? 'syncing' : 'online';
    if (next === this.current) return;
    this.current = next;
    this.onChange(next);
  }
}
