import type { Transport } from '../../shared/rpc';

/** What preload/ exposes through contextBridge: a message pipe to the engine, nothing more. */
export interface PreloadBridge {
  postMessage(frame: unknown): void;
  onMessage(listener: (frame: unknown) => void): () => void;
}

declare global {
  interface Window {
    switchboard?: PreloadBridge;
  }
}

export function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    send: (frame) => bridge.postMessage(frame),
    onFrame: (listener) => bridge.onMessage(listener),
  };
}
