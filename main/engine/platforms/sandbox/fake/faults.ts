import { FaultQueue } from '../../fake-kit/fault-queue';
import { WireFaults } from '../wire';

/** The faultable routes: `GET /v1/updates`, `POST /v1/threads/:id/replies` and `PUT /v1/items/:id/hidden`. Control endpoints are never faulted. */
export type FaultRoute = 'updates' | 'replies' | 'moderation';

export type Fault =
  | { kind: 'fail'; status: number }
  | { kind: 'rate_limit'; retryAfterS: number }
  | { kind: 'drop' }
  /** Do the work, then answer 502: the client cannot know the reply went out (or the comment was hidden). */
  | { kind: 'commit_then_fail' };

/** WireFaults, plus what only makes sense for writes: there is nothing to commit on a read. */
export const SandboxFaults = WireFaults.refine((faults) => !(faults.commit_then_fail && faults.route === 'updates'), {
  message: 'commit_then_fail applies to writes only: use route "replies", "moderation" or "any"',
  path: ['commit_then_fail'],
});

/**
 * Scripted faults, set by the control endpoint's body (queued by
 * ../../fake-kit/fault-queue.ts). Within one body they queue in this order:
 * fail, rate_limit, drop, commit_then_fail.
 */
export class FaultPlan extends FaultQueue<FaultRoute, Fault> {
  constructor() {
    super(['updates', 'replies', 'moderation'], ['replies', 'moderation']);
  }

  addPlan(faults: WireFaults): void {
    const { route } = faults;
    if (faults.latency_ms !== undefined) this.setLatency(faults.latency_ms, route);
    if (faults.fail) this.add({ kind: 'fail', status: faults.fail.status }, { route, count: faults.fail.count });
    if (faults.rate_limit) this.add({ kind: 'rate_limit', retryAfterS: faults.rate_limit.retry_after_s }, { route, count: faults.rate_limit.count });
    if (faults.drop) this.add({ kind: 'drop' }, { route, count: faults.drop.count });
    if (faults.commit_then_fail) this.add({ kind: 'commit_then_fail' }, { route, count: faults.commit_then_fail.count });
  }
}
