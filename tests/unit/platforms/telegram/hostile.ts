import fc from 'fast-check';
import { fixture } from './harness';

// Malformed, truncated, oversized and type-confused updates, grown from the reference-shaped fixture.

const updates = fixture.getUpdates.response.result;

/** Any JSON-ish value, including the wrong types in the right places. */
export const anything = fc.anything({ maxDepth: 3, withBigInt: false, withObjectString: true, withNullPrototype: true });

/** A valid update with one field replaced, removed or made huge. */
export const damaged = fc
  .record({
    base: fc.constantFrom(...updates),
    path: fc.constantFrom(['update_id'], ['message'], ['message', 'chat'], ['message', 'chat', 'id'], ['message', 'chat', 'type'], ['message', 'date'], ['message', 'text'], ['message', 'from'], ['message', 'from', 'id'], ['message', 'message_id'], ['message', 'reply_to_message']),
    value: fc.oneof(anything, fc.constant(undefined), fc.string({ minLength: 100_001, maxLength: 100_010 }), fc.double(), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
  })
  .map(({ base, path, value }) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) return copy;
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1)!] = value;
    return copy;
  });

/** The JSON text of a valid update cut anywhere, parsed as far as it goes. */
export const truncated = fc.record({ base: fc.constantFrom(...updates), at: fc.nat() }).map(({ base, at }) => {
  const text = JSON.stringify(base);
  try {
    return JSON.parse(text.slice(0, at % text.length)) as unknown;
  } catch {
    return text.slice(0, at % text.length);
  }
});
