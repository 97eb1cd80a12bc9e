/**
 * Ctrl-C for a bench that spends minutes in synchronous SQLite calls and in
 * promise chains that never return to the event loop: the signal is only
 * seen when the loop turns. Timed loops call `yieldForSignals()` between
 * chunks, outside the timed regions, so an interrupt stops the run promptly
 * and through the normal cleanup (engine closed, temp directory removed).
 */
export class Interrupted extends Error {}

let received: NodeJS.Signals | null = null;

/** Kept for the whole run: under tsx the child gets Ctrl-C twice (from the terminal and relayed by tsx), and without a listener tsx exits on the spot. */
export function trapSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (received ??= signal));
}

/** How many timed chunks (pages, calls) run between two looks at the event loop. */
export const YIELD_EVERY = 25;

export async function yieldForSignals(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (received !== null) throw new Interrupted(`interrupted by ${received}`);
}
