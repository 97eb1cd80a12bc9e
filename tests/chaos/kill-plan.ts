import type { Rng } from '../../main/engine/platforms/sandbox/fake/prng';

/**
 * When an engine life ends in SIGKILL. Kills lean toward busy moments, where
 * a crash can hurt: while the database is being created or migrated, just
 * after a reply was queued (its send is about to start or running), and in
 * the middle of a catch-up (pages and cursors being committed).
 */
export type KillPlan =
  /** `delayMs` after the child says it is opening the database: during migrations. */
  | { kind: 'startup'; delayMs: number }
  /** `delayMs` after the `afterSends`-th answered reply.send of this life. */
  | { kind: 'send'; afterSends: number; delayMs: number }
  /** A burst of `burst` inbound items, then `delayMs` after the first catch-up page is committed. */
  | { kind: 'sync'; burst: number; delayMs: number }
  /** Anywhere: `delayMs` after the engine is ready. */
  | { kind: 'random'; delayMs: number };

/** The longest any life may run before it is killed anyway, whatever the plan waits for. */
export const LIFE_LIMIT_MS = 4_000;

/**
 * @param migrating the workspace has migrations to run (a new file, or one left at an older version)
 * @param undoWindowMs the trial's undo window: a send starts this long after the reply is queued
 */
export function planKill(rng: Rng, migrating: boolean, undoWindowMs: number): KillPlan {
  if (migrating && rng.chance(0.6)) return { kind: 'startup', delayMs: rng.int(0, 40) };
  switch (rng.weighted({ send: 4, sync: 2, random: 1 })) {
    case 'send':
      return { kind: 'send', afterSends: rng.int(1, 8), delayMs: rng.int(0, undoWindowMs + 80) };
    case 'sync':
      return { kind: 'sync', burst: rng.int(150, 500), delayMs: rng.int(0, 30) };
    case 'random':
      return { kind: 'random', delayMs: rng.int(20, 1_500) };
  }
}
