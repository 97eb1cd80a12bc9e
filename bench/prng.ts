/**
 * Seeded randomness for the dataset (never Math.random): the same seed builds
 * the same conversations, so runs and machines compare like for like.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Log-uniform in [min, max]: waiting times spread over orders of magnitude. */
  logUniform(min: number, max: number): number;
}

/** sfc32: tiny, fast and statistically sound enough for synthetic data. */
export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next(); // let the seed diffuse through the state
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
  };
}

/** Picks by cumulative weight; weights need not sum to one. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return (rng) => {
    let x = rng.next() * total;
    for (const [value, weight] of entries) {
      if ((x -= weight) < 0) return value;
    }
    return entries.at(-1)![0];
  };
}

/**
 * Zipf–Mandelbrot over ranks 0..n-1: word frequencies in real text fall off
 * roughly as 1/rank, which is what makes an FTS index's posting lists (a few
 * huge, most tiny) realistic.
 */
export function zipf(n: number, exponent = 1.05, shift = 1.5): (rng: Rng) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let rank = 0; rank < n; rank++) cdf[rank] = sum += 1 / (rank + 1 + shift) ** exponent;
  return (rng) => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
