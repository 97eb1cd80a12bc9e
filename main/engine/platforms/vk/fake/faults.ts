import { FaultQueue } from '../../fake-kit/fault-queue';

/**
 * Scripted faults for the fake VK (queued by ../../fake-kit/fault-queue.ts).
 * Routes: `read` (API methods that change nothing), `poll` (the
 * long poll server's a_check), `write` (messages.send, wall.createComment).
 *
 * - status: an HTTP error from something between us and VK (a 5xx, or a 429
 *   with Retry-After), the work not done;
 * - api_error: VK's own error object (HTTP 200), the work not done — 5, 6, 9, 10, 29…;
 * - drop: the connection is reset before any work;
 * - malformed: a 200 whose body is cut-off JSON (on a write, after the work);
 * - commit_then_fail (writes only): the write is committed, then the client
 *   gets a 502 (`then: 'status'`), a reset connection (`'drop'`) or no answer
 *   until it gives up (`'hang'`, the timeout after commit).
 */
export type FaultRoute = 'read' | 'poll' | 'write';

export type Fault =
  | { kind: 'status'; status: number; retryAfterS?: number }
  | { kind: 'api_error'; code: number; message?: string }
  | { kind: 'drop' }
  | { kind: 'malformed' }
  | { kind: 'commit_then_fail'; then: 'status' | 'drop' | 'hang' };

/** The queue (../../fake-kit/fault-queue.ts) with this fake's routes: commit_then_fail waits for a write. */
export class VkFaults extends FaultQueue<FaultRoute, Fault> {
  constructor() {
    super(['read', 'poll', 'write'], 'write');
  }
}
