import type { Transport } from '../client';
import type { CallFrame } from '../frames';

/** The part of a WebSocket this transport uses; the browser's and the `ws` package's both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface WebSocketTransportOptions {
  /** Opens a new socket; called again after a drop when reconnecting. */
  open: () => SocketLike;
  /** Delay before reconnecting after the n-th consecutive failure; null stops reconnecting. */
  reconnectDelay?: (attempt: number) => number | null;
  onStatus?: (connected: boolean) => void;
  /** The host's timer (shared/ has no globals of its own). */
  setTimer: (fn: () => void, ms: number) => unknown;
}

const OPEN = 1;

/**
 * Browser-host transport. Calls made while the socket is (re)connecting wait
 * in a queue; calls in flight when it drops fail with `unavailable` through
 * the client, and the owner re-reads state when `onStatus(true)` comes back.
 */
export function websocketTransport(options: WebSocketTransportOptions): Transport {
  const frameListeners = new Set<(frame: unknown) => void>();
  const disconnectListeners = new Set<() => void>();
  const queue: string[] = [];
  let socket: SocketLike;
  let closed = false;
  let failures = 0;

  const connect = () => {
    socket = options.open();
    socket.addEventListener('open', () => {
      failures = 0;
      options.onStatus?.(true);
      while (queue.length > 0 && socket.readyState === OPEN) socket.send(queue.shift()!);
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const listener of frameListeners) listener(frame);
    });
    socket.addEventListener('close', () => {
      // The client fails every pending call on disconnect; a frame still queued
      // here belongs to such a call and must not run later behind its back.
      queue.length = 0;
      options.onStatus?.(false);
      for (const listener of disconnectListeners) listener();
      if (closed) return;
      const delay = options.reconnectDelay?.(++failures) ?? null;
      if (delay !== null) options.setTimer(connect, delay);
    });
  };
  connect();

  return {
    send(frame: CallFrame) {
      const text = JSON.stringify(frame);
      if (socket.readyState === OPEN) socket.send(text);
      else queue.push(text);
    },
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
      return () => disconnectListeners.delete(listener);
    },
    close() {
      closed = true;
      socket.close();
    },
  };
}
