import fc from 'fast-check';

// Hostile payloads grown from reference-shaped examples, shared by every platform's mapper tests.

/** Any JSON-ish value, including the wrong types in the right places. */
export const anything = fc.anything({ maxDepth: 3, withBigInt: false, withObjectString: true, withNullPrototype: true });

/** What a damaged field holds: anything, nothing, a 100k string, a fraction, a negative, an unsafe integer. */
export const hostileValue = fc.oneof(anything, fc.constant(undefined), fc.string({ minLength: 100_001, maxLength: 100_010 }), fc.double(), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER + 2));

/** One of `bases` with the value at one of `paths` replaced, removed or made huge. */
export function damaged(bases: readonly unknown[], paths: readonly string[][]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ base: fc.constantFrom(...bases), path: fc.constantFrom(...paths), value: hostileValue }).map(({ base, path, value }) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) return copy;
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1)!] = value;
    return copy;
  });
}

/** The JSON text of `example` cut anywhere, parsed as far as it goes. */
export function cutJson(example: unknown): fc.Arbitrary<unknown> {
  const text = JSON.stringify(example);
  return fc.nat({ max: text.length }).map((cut) => {
    try {
      return JSON.parse(text.slice(0, cut)) as unknown;
    } catch {
      return text.slice(0, cut);
    }
  });
}

/** One of `bases` as JSON text cut anywhere, parsed as far as it goes. */
export function truncated(bases: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...bases).chain(cutJson);
}

/** `example` with one key (or a prototype key) set to `value`: type confusion, removal, nesting. */
export function confused(example: Record<string, unknown>, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.record({ key: fc.constantFrom(...Object.keys(example), '__proto__', 'constructor'), value }).map(({ key, value: replacement }) => {
    const copy: Record<string, unknown> = structuredClone(example);
    Object.defineProperty(copy, key, { value: replacement, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}
