import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEndpoint, EventFrame, ResultFrame } from '../../../shared/rpc';
import { APP_ORIGIN } from '../../../main/electron/window-security';

/**
 * The thin Electron files wired to a recording stand-in for Electron: checks
 * that the policies (url-policy, permission-policy) are the ones applied.
 */
const electron = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const ipcListeners = new Map<string, Listener>();
  return {
    ipcListeners,
    opened: [] as string[],
    ipcMain: {
      on: (channel: string, listener: Listener) => ipcListeners.set(channel, listener),
      removeListener: (channel: string) => ipcListeners.delete(channel),
    },
    shell: { openExternal: async (url: string) => void electron.opened.push(url) },
    windows: [] as Array<{ destroyed: boolean; sent: unknown[]; isDestroyed(): boolean; webContents: { send(channel: string, frame: unknown): void } }>,
    BrowserWindow: { getAllWindows: () => electron.windows },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain, shell: electron.shell, BrowserWindow: electron.BrowserWindow }));

const { askPagesToOpen, bridgeIpc } = await import('../../../main/electron/ipc-bridge');
const { lockDown } = await import('../../../main/electron/window');

beforeEach(() => {
  electron.opened.length = 0;
  electron.windows.length = 0;
});

function fakeWindow(destroyed = false) {
  const window = {
    destroyed,
    sent: [] as unknown[],
    isDestroyed: () => window.destroyed,
    webContents: { send: (channel: string, frame: unknown) => void window.sent.push([channel, frame]) },
  };
  electron.windows.push(window);
  return window;
}

function recordingEngine() {
  const dispatched: unknown[] = [];
  const engine: EngineEndpoint = {
    dispatch: async (frame) => {
      dispatched.push(frame);
      return { t: 'result', id: 1, ok: true, output: {} } as ResultFrame;
    },
    subscribe: (_listener: (frame: EventFrame) => void) => () => undefined,
  };
  return { engine, dispatched };
}

function ipcEvent(url: string, parent: unknown = null) {
  const replies: unknown[] = [];
  return { replies, event: { senderFrame: { url, parent }, sender: { isDestroyed: () => false, send: (_channel: string, frame: unknown) => replies.push(frame) } } };
}

describe('the IPC bridge', () => {
  it('checks the sender frame before the engine sees a frame', async () => {
    const { engine, dispatched } = recordingEngine();
    const bridge = bridgeIpc(engine);
    const listener = electron.ipcListeners.get('switchboard:frame')!;
    const frame = { t: 'call', id: 1, name: 'app.status', input: {} };

    for (const [url, parent] of [['https://evil.example/', null], [`${APP_ORIGIN}/index.html`, { url: `${APP_ORIGIN}/` }], ['app://switchboard.evil/', null]] as const) {
      listener(ipcEvent(url, parent).event, frame);
    }
    const trusted = ipcEvent(`${APP_ORIGIN}/index.html`);
    listener(trusted.event, frame);
    await bridge.settled();
    expect(trusted.replies).toHaveLength(1);
    expect(dispatched).toEqual([frame]);

    bridge.stop();
    expect(electron.ipcListeners.has('switchboard:frame')).toBe(false);
  });
});

describe('events for the page', () => {
  it('reach every open window on the contract channel: the engine\'s, and the shell\'s request to open a conversation', () => {
    const listeners = new Set<(frame: EventFrame) => void>();
    const engine: EngineEndpoint = { dispatch: async () => ({ t: 'result', id: 0, ok: true, output: {} }), subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
    const open = fakeWindow();
    const closed = fakeWindow(true);
    const bridge = bridgeIpc(engine);
    for (const listener of listeners) listener({ t: 'event', name: 'settings.changed', payload: {} });
    askPagesToOpen({ conversationId: 'c42' });
    expect(open.sent).toEqual([
      ['switchboard:frame', { t: 'event', name: 'settings.changed', payload: {} }],
      ['switchboard:frame', { t: 'event', name: 'app.openConversation', payload: { conversationId: 'c42' } }],
    ]);
    expect(closed.sent).toEqual([]);
    bridge.stop();
    expect(listeners.size).toBe(0);
  });
});

describe('lockDown', () => {
  type Handler = (...args: unknown[]) => unknown;
  function fakeContents() {
    const on = new Map<string, Handler>();
    const contents = {
      on: (name: string, handler: Handler) => on.set(name, handler),
      openHandler: undefined as Handler | undefined,
      setWindowOpenHandler(handler: Handler) {
        contents.openHandler = handler;
      },
      session: {
        request: undefined as Handler | undefined,
        check: undefined as Handler | undefined,
        setPermissionRequestHandler(handler: Handler) {
          contents.session.request = handler;
        },
        setPermissionCheckHandler(handler: Handler) {
          contents.session.check = handler;
        },
      },
    };
    lockDown(contents as never);
    return { on, contents };
  }
  const navigation = (url: string) => {
    const event = { url, prevented: false, preventDefault: () => void (event.prevented = true) };
    return event;
  };

  it('keeps the window on our page and refuses webviews', () => {
    const { on } = fakeContents();
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/');
      on.get(name)!(away, away.url);
      expect(away.prevented, name).toBe(true);
      const home = navigation(`${APP_ORIGIN}/index.html`);
      on.get(name)!(home, home.url);
      expect(home.prevented, name).toBe(false);
    }
    const frameAway = navigation('file:///etc/passwd');
    on.get('will-frame-navigate')!(frameAway);
    expect(frameAway.prevented).toBe(true);
    const webview = navigation('');
    on.get('will-attach-webview')!(webview);
    expect(webview.prevented).toBe(true);
  });

  it('denies every new window and hands only safe links to the system', async () => {
    const { contents } = fakeContents();
    expect(contents.openHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://bank.example@evil.example/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.opened).toEqual(['https://example.com/help']));
  });

  it('denies permission requests and checks', () => {
    const { contents } = fakeContents();
    const answers: boolean[] = [];
    contents.session.request!(null, 'media', (allowed: boolean) => answers.push(allowed), { requestingUrl: `${APP_ORIGIN}/index.html` });
    expect(answers).toEqual([false]);
    expect(contents.session.check!(null, 'notifications', APP_ORIGIN)).toBe(false);
  });
});
