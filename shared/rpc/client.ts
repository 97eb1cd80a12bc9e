import { calls, events, isEventName, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload } from '../contract';
import { RpcError, issuesOf } from './errors';
import { ServerFrame, type CallFrame } from './frames';

/**
 * A transport moves frames; it knows nothing of the contract. Every transport
 * (in-memory, WebSocket, Electron IPC) implements this and gets the same client.
 */
export interface Transport {
  send(frame: CallFrame): void;
  /** Subscribe to frames from the engine; returns an unsubscribe function. */
  onFrame(listener: (frame: unknown) => void): () => void;
  /** Told when the link is lost, so pending calls can fail instead of hanging. */
  onDisconnect?(listener: () => void): () => void;
  close?(): void;
}

export interface Client {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  close(): void;
}

export function createClient(transport: Transport): Client {
  let nextId = 1;
  const pending = new Map<number, { name: CallName; resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  const offFrame = transport.onFrame((raw) => {
    const frame = ServerFrame.safeParse(raw);
    if (!frame.success) return; // a broken frame from the engine is dropped, never thrown into the UI
    if (frame.data.t === 'event') {
      const { name, payload } = frame.data;
      if (!isEventName(name)) return;
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) return;
      for (const listener of listeners.get(name) ?? []) listener(parsed.data as never);
      return;
    }
    const entry = pending.get(frame.data.id);
    if (!entry) return;
    pending.delete(frame.data.id);
    if (!frame.data.ok) return entry.reject(RpcError.fromBody(frame.data.error));
    const output = calls[entry.name].output.safeParse(frame.data.output);
    if (output.success) entry.resolve(output.data);
    else entry.reject(new RpcError('invalid_output', `Engine answered ${entry.name} with an unexpected shape`, issuesOf(output.error)));
  });

  const offDisconnect = transport.onDisconnect?.(() => {
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.reject(new RpcError('unavailable', 'The connection to the engine was lost'));
    }
  });

  return {
    call(name, input) {
      const parsed = calls[name].input.safeParse(input);
      if (!parsed.success) return Promise.reject(new RpcError('invalid_input', `Invalid input for ${name}`, issuesOf(parsed.error)));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject });
        try {
          transport.send({ t: 'call', id, name, input: parsed.data });
        } catch (error) {
          pending.delete(id);
          reject(new RpcError('unavailable', error instanceof Error ? error.message : 'send failed'));
        }
      });
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    close() {
      offFrame();
      offDisconnect?.();
      transport.close?.();
    },
  };
}
