import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Runs the real preload against a recording stand-in for Electron's
 * contextBridge and ipcRenderer (no Electron binary here) and checks what the
 * page can reach: one object, two functions, one channel, and never
 * ipcRenderer or an IPC event.
 */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipcRenderer = {
    sent: [] as Array<[string, unknown]>,
    send(channel: string, payload: unknown) {
      ipcRenderer.sent.push([channel, payload]);
    },
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    /** What Electron does when the shell sends on a channel: the event (with sender = ipcRenderer) first. */
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, senderId: 0 }, payload);
    },
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  const exposed = new Map<string, unknown>();
  return { ipcRenderer, exposed, contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) } };
});
vi.mock('electron', () => ({ ipcRenderer: electron.ipcRenderer, contextBridge: electron.contextBridge }));

interface Bridge {
  postMessage(frame: unknown): void;
  onMessage(listener: (frame: unknown) => void): () => void;
}

/** Every value reachable from `root` through properties (functions included). */
function reachable(root: unknown): Set<unknown> {
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) visit(descriptor.value);
    }
  };
  visit(root);
  return seen;
}

let bridge: Bridge;
beforeAll(async () => {
  await import('../../../preload/index');
  bridge = electron.exposed.get('switchboard') as Bridge;
});

describe('the preload', () => {
  it('exposes one object with exactly postMessage and onMessage', () => {
    expect([...electron.exposed.keys()]).toEqual(['switchboard']);
    expect(Object.keys(bridge).sort()).toEqual(['onMessage', 'postMessage']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never lets ipcRenderer or any of its methods be reached from the exposed object', () => {
    const exposed = reachable(bridge);
    expect(exposed.has(electron.ipcRenderer)).toBe(false);
    for (const method of Object.values(electron.ipcRenderer)) if (typeof method === 'function') expect(exposed.has(method)).toBe(false);
  });

  it('sends only on the contract channel', () => {
    bridge.postMessage({ t: 'call', id: 1, name: 'app.status', input: {} });
    expect(electron.ipcRenderer.sent).toEqual([['switchboard:frame', { t: 'call', id: 1, name: 'app.status', input: {} }]]);
  });

  it('hands listeners the frame alone, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const stop = bridge.onMessage((...args) => received.push(args));
    electron.ipcRenderer.emit('switchboard:frame', { t: 'event', name: 'settings.changed', payload: {} });
    expect(received).toEqual([[{ t: 'event', name: 'settings.changed', payload: {} }]]);
    stop();
    expect(electron.ipcRenderer.listenerCount('switchboard:frame')).toBe(0);
  });
});
