/**
 * Whether the engine is reachable right now. Separate from the engine's own
 * connectivity (whether *it* reaches the platforms): when the socket to the
 * browser host is down the screen must say offline even though it cannot ask.
 */
export type LinkState = 'connecting' | 'up' | 'down';

export interface Link {
  getState(): LinkState;
  subscribe(listener: (state: LinkState) => void): () => void;
}

export interface SettableLink extends Link {
  set(state: LinkState): void;
}

export function createLink(initial: LinkState): SettableLink {
  let state = initial;
  const listeners = new Set<(state: LinkState) => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
  };
}

/** For transports that cannot drop (Electron IPC, in-memory): always up. */
export const steadyLink: Link = { getState: () => 'up', subscribe: () => () => undefined };
