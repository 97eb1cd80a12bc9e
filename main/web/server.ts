import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, RpcError, type EngineEndpoint } from '../../shared/rpc';
import { HostGuard } from './auth';
import { readStatic } from './static-files';

export interface WebHostOptions {
  engine: EngineEndpoint;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 = any free port. */
  port: number;
  /** Fixed only in tests; a launch gets a fresh random token. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The browser host: the built renderer over HTTP and the contract over a
 * WebSocket, on 127.0.0.1 only, for whoever holds this launch's token. It
 * forwards frames; all logic is in the engine. No CORS headers are ever sent.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new HostGuard(token, port);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void serveHttp(guard, options.staticDir, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!guard.hostAllowed(request) || !guard.originAllowed(request)) return refuse('403 Forbidden');
    if (!guard.tokenFrom(request, url).valid) return refuse('401 Unauthorized');
    if (url.pathname !== '/rpc') return refuse('404 Not Found');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        ws.send(JSON.stringify({ t: 'result', id: 0, ok: false, error: new RpcError('invalid_frame', 'Frame is not JSON').toBody() }));
        return;
      }
      void options.engine.dispatch(frame).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(result));
      });
    });
  });

  const unsubscribe = options.engine.subscribe((frame) => {
    const text = JSON.stringify(frame);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveHttp(guard: HostGuard, staticDir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!guard.hostAllowed(request)) {
    response.writeHead(403, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Forbidden host\n');
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const auth = guard.tokenFrom(request, url);
  if (!auth.valid) {
    response.writeHead(401, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Unauthorized: open the address Switchboard printed at start, with its token.\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' });
    response.end();
    return;
  }
  const file = await readStatic(staticDir, url.pathname);
  if (!file) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
    return;
  }
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': file.contentType,
    'cache-control': file.cacheable ? 'private, max-age=3600' : 'no-store',
  };
  if (auth.fromQuery) headers['set-cookie'] = guard.sessionCookie();
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : file.body);
}
