import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const SETTLE_MS = 2_000;

/**
 * Collects the bench's own garbage before the read timings. Dropping the
 * ~1.4 GB dataset (at scale 1) leaves a major GC and the release of its pages
 * pending; if that lands inside the timed loop, it shows up as read latency
 * no real engine has. `gc` is exposed at runtime because `npm run bench`
 * passes no Node flags; the pause lets V8's background sweeping and
 * unmapping finish on this 2-core budget.
 */
export async function settleHeap(): Promise<void> {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
