import type { EventName, EventPayload } from '../../../shared/contract';
import type { EventFrame } from '../../../shared/rpc';

/** The engine's outgoing events, as frames ready for any transport. */
export class EventBus {
  private readonly listeners = new Set<(frame: EventFrame) => void>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const frame: EventFrame = { t: 'event', name, payload };
    for (const listener of this.listeners) listener(frame);
  }

  subscribe(listener: (frame: EventFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
