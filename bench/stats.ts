/** Nearest-rank percentile (no interpolation): the value a p-th share of the samples stays at or under. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function elapsedMs(since: number): number {
  return performance.now() - since;
}

/** Rounds to a given number of significant decimals, keeping JSON free of float noise. */
export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
