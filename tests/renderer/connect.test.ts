import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, reconnectDelay, rpcUrl } from '../../renderer/rpc/connect';
import type { PreloadBridge } from '../../renderer/rpc/preloadTransport';
import type { EventFrame } from '../../shared/rpc';
import { createFakeEngine } from './fakeEngine';

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.switchboard;
  history.replaceState(null, '', '/');
});

/** Enough of a browser WebSocket for the transport: tests drive open/close by hand. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  private listeners = new Map<string, Array<(event?: unknown) => void>>();
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  addEventListener(type: string, listener: (event?: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.fire('close');
  }
  fire(type: 'open' | 'close') {
    this.readyState = type === 'open' ? 1 : 3;
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

describe('connect', () => {
  it('backs off from 250 ms, doubling, capped at 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(reconnectDelay)).toEqual([250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it('uses the same origin for the socket, secure when the page is', () => {
    expect(rpcUrl({ protocol: 'http:', host: '127.0.0.1:4321' })).toBe('ws://127.0.0.1:4321/rpc');
    expect(rpcUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/rpc');
  });

  it('talks through the Electron preload bridge when there is one', async () => {
    const engine = createFakeEngine({ conversations: 3 });
    const listeners = new Set<(frame: unknown) => void>();
    engine.endpoint.subscribe((frame: EventFrame) => listeners.forEach((listener) => listener(frame)));
    const bridge: PreloadBridge = {
      postMessage: (frame) => void engine.endpoint.dispatch(frame).then((result) => listeners.forEach((listener) => listener(result))),
      onMessage: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    window.switchboard = bridge;
    vi.stubGlobal('WebSocket', FakeSocket);
    FakeSocket.opened = [];

    const { client, link } = connect();
    expect(link.getState()).toBe('up');
    expect((await client.call('inbox.list', { view: 'needs_reply', offset: 0, limit: 10 })).total).toBe(3);
    const changed = vi.fn();
    client.on('inbox.changed', changed);
    engine.emit('inbox.changed', { conversationIds: ['c1'] });
    expect(changed).toHaveBeenCalledWith({ conversationIds: ['c1'] });
    expect(FakeSocket.opened).toHaveLength(0);
  });

  it('otherwise opens a WebSocket without the token, drops the token from the address bar once in, and reconnects', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    FakeSocket.opened = [];
    const setTimeout = vi.spyOn(window, 'setTimeout');
    history.replaceState(null, '', '/?token=s3cret&view=inbox');

    const { link } = connect();
    const socket = FakeSocket.opened[0]!;
    expect(socket.url).toBe(`ws://${location.host}/rpc`);
    expect(link.getState()).toBe('connecting');
    expect(location.search).toBe('?token=s3cret&view=inbox');

    socket.fire('open');
    expect(link.getState()).toBe('up');
    expect(location.search).toBe('?view=inbox');

    socket.fire('close');
    expect(link.getState()).toBe('down');
    expect(setTimeout).toHaveBeenLastCalledWith(expect.any(Function), 250);
    (setTimeout.mock.lastCall![0] as () => void)();
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1]!.fire('open');
    expect(link.getState()).toBe('up');
  });
});
