import { z } from 'zod';

/** What the runner passes to engine-child.ts, as its one argument (JSON). */
export const ChildOptions = z.object({
  dataDir: z.string().min(1),
  sandboxUrl: z.url(),
  pollIntervalMs: z.number().int().min(10),
  undoWindowMs: z.number().int().min(0),
  /** The file-backed SecretStore (file-secret-store.ts) the accounts added over the contract keep their tokens in. */
  secretsFile: z.string().min(1),
  /**
   * The pace every connector with a pace of its own (Meta: every 15 s) is read at instead, so a
   * trial's few seconds see several reads; the same seam as the unit tests' fastPaced.
   */
  connectorPace: z.object({ minIntervalMs: z.number().int().min(10), maxIntervalMs: z.number().int().min(10) }),
});
export type ChildOptions = z.infer<typeof ChildOptions>;

/** Runner → engine child over the IPC channel: a contract call frame. */
export type ToChild = { kind: 'call'; frame: unknown };

/**
 * Engine child → runner. `opening` comes just before the database is opened and
 * migrated, `ready` once sync and the outbox run; `frame` carries a contract
 * result or event.
 */
export type ToRunner = { kind: 'opening' } | { kind: 'ready' } | { kind: 'frame'; frame: unknown };
