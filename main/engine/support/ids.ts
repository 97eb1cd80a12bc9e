import { monotonicFactory } from 'ulid';

/**
 * Client-generated ULIDs (DESIGN.md, "Later: the team hub"): sortable by time
 * and unique across desktops, so a future hub can merge them without renumbering.
 */
export function createIdGenerator(now: () => number = Date.now): () => string {
  const next = monotonicFactory();
  return () => next(now());
}
