import type { Transport } from '../client';
import type { EngineEndpoint } from '../endpoint';

/**
 * In-process transport for unit tests. Frames are serialized exactly as on the
 * wire, so a test catches a handler that returns something a real transport
 * could not carry.
 */
export function memoryTransport(endpoint: EngineEndpoint): Transport {
  const listeners = new Set<(frame: unknown) => void>();
  const emit = (frame: unknown) => {
    const copy: unknown = JSON.parse(JSON.stringify(frame));
    for (const listener of listeners) listener(copy);
  };
  const unsubscribe = endpoint.subscribe(emit);
  return {
    send(frame) {
      void endpoint.dispatch(JSON.parse(JSON.stringify(frame))).then(emit);
    },
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unsubscribe();
      listeners.clear();
    },
  };
}
