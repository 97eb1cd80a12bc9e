import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** 1 = 100,000 conversations and 1,000,000 messages. */
  scale: number;
}

/**
 * The dataset and the baseline's plan are held in memory to feed both runs:
 * about 1.4 GB of heap per unit of scale, and Node's default heap is ~4 GB.
 */
const MAX_SCALE = 2;

export class UsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let values: { scale?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { scale: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    // node:util's messages can span lines; the bench promises a one-line error.
    throw new UsageError((error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/gu, ' '));
  }
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE || values.scale?.trim() === '') {
    throw new UsageError(`--scale must be a number in (0, ${MAX_SCALE}], got ${JSON.stringify(values.scale)}`);
  }
  return { scale };
}
