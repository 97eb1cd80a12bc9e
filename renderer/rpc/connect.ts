import { createClient, type Client } from '../../shared/rpc';
import { websocketTransport } from '../../shared/rpc/transports/websocket';
import { createLink, steadyLink, type Link } from './link';
import { preloadTransport } from './preloadTransport';

/** 250 ms, 500 ms, 1 s … capped at 5 s: quick after a blip, gentle on a host that is gone. */
export const reconnectDelay = (attempt: number): number => Math.min(250 * 2 ** Math.max(0, attempt - 1), 5_000);

/** The browser host's contract endpoint, same origin; the HttpOnly cookie authenticates it. */
export const rpcUrl = (location: Pick<Location, 'protocol' | 'host'>): string =>
  `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/rpc`;

/**
 * Picks the transport for where the renderer runs: the Electron preload
 * bridge when there is one, else a WebSocket back to the browser host.
 */
export function connect(win: Window = window): { client: Client; link: Link } {
  if (win.switchboard) return { client: createClient(preloadTransport(win.switchboard)), link: steadyLink };

  const link = createLink('connecting');
  const transport = websocketTransport({
    open: () => new WebSocket(rpcUrl(win.location)),
    reconnectDelay,
    onStatus: (connected) => {
      link.set(connected ? 'up' : 'down');
      if (connected) forgetToken(win);
    },
    setTimer: (fn, ms) => win.setTimeout(fn, ms),
  });
  return { client: createClient(transport), link };
}

/**
 * The launch token is only needed to load the page (the host answers with a
 * cookie); once the socket is in, it leaves the address bar so it is not
 * bookmarked, shared in a screenshot or kept in history.
 */
function forgetToken(win: Window): void {
  const url = new URL(win.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  win.history.replaceState(win.history.state, '', url);
}
