import { FaultQueue } from '../../fake-kit/fault-queue';

/**
 * Scripted faults for the fake Graph server (queued by ../../fake-kit/fault-queue.ts):
 *
 * - status: a 5xx with Graph's transient error (code 2), the work not done;
 * - graph_error: any Graph error object (throttling 4/17/32/613, token 190, 100, 10…), the work not done;
 * - drop: the connection is reset before any work;
 * - malformed: a 200 whose body is cut-off JSON;
 * - commit_then_fail (writes only): the write is committed, then the client gets
 *   a 502 (`then: 'status'`), a reset connection (`'drop'`) or no answer at all
 *   until it gives up (`'hang'`) — the ambiguous outcomes the outbox reconciles.
 */
export type FaultRoute = 'read' | 'write';

export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'graph_error'; status: number; code: number; subcode?: number; message?: string }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'commit_then_fail'; then: 'status' | 'drop' | 'hang' };

/** The queue (../../fake-kit/fault-queue.ts) with this fake's routes: commit_then_fail waits for a write. */
export class GraphFaults extends FaultQueue<FaultRoute, Fault> {
  constructor() {
    super(['read', 'write'], 'write');
  }
}
