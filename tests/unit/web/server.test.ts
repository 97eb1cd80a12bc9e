import { writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { calls } from '../../../shared/contract';
import { PriorityWeights } from '../../../shared/triage';
import { createClient, handle, RpcError, type EngineEndpoint, type EventFrame, type Handlers } from '../../../shared/rpc';
import { websocketTransport, type SocketLike } from '../../../shared/rpc/transports/websocket';
import { tempDir } from '../helpers/temp-dir';

const TOKEN = 'test-token-0123456789';

function fakeEngine() {
  const listeners = new Set<(frame: EventFrame) => void>();
  const notImplemented = () => {
    throw new RpcError('refused', 'not in this test');
  };
  const handlers = {
    ...Object.fromEntries(Object.keys(calls).map((name) => [name, notImplemented])),
    'app.status': () => ({ connectivity: 'online', accounts: [], workspace: 'w' }),
    'settings.get': () => ({ language: 'ru', keymap: {}, priorityWeights: PriorityWeights.parse({}) }),
  } as unknown as Handlers<null>;
  const dispatch = handle(handlers);
  const endpoint: EngineEndpoint = {
    dispatch: (frame) => dispatch(frame, null),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { endpoint, emit: (frame: EventFrame) => listeners.forEach((l) => l(frame)) };
}

let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  const engine = fakeEngine();
  host = await startWebHost({ engine: engine.endpoint, staticDir: dir, port: 0, token: TOKEN });
  return { ...engine, base: `http://127.0.0.1:${host.port}` };
}

/** Raw HTTP, so the test controls the Host header and sees every response header. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(base: string, headers: Record<string, string>): Promise<{ ws: WebSocket; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/rpc`, { headers });
    ws.on('open', () => resolve({ ws, status: null }));
    ws.on('unexpected-response', (_req, res) => resolve({ ws, status: res.statusCode ?? null }));
    ws.on('error', () => {});
  });
}

describe('browser host', () => {
  it('binds to loopback and prints a tokened address', async () => {
    await start();
    expect(host!.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host!.port}/\\?token=${TOKEN}$`));
  });

  it('answers 401 without the token and serves the app with it, setting an HttpOnly cookie', async () => {
    const { base } = await start();
    expect((await get(`${base}/`)).status).toBe(401);
    expect((await get(`${base}/?token=wrong-token-0123456789`)).status).toBe(401);
    expect((await get(`${base}/assets/app.js`)).status).toBe(401);
    const ok = await get(`${base}/?token=${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('<title>Switchboard</title>');
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await get(`${base}/assets/app.js`, { cookie: cookie.split(';')[0]! });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('never sends CORS headers and always sends a strict CSP', async () => {
    const { base } = await start();
    for (const response of [await get(`${base}/?token=${TOKEN}`, { origin: 'https://evil.example' }), await get(`${base}/`, { origin: 'https://evil.example' })]) {
      expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
    }
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const { base } = await start();
    expect((await get(`${base}/?token=${TOKEN}`, { host: 'attacker.example' })).status).toBe(403);
  });

  it('keeps requests inside the renderer folder', async () => {
    const { base } = await start();
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/%00']) {
      const response = await get(`${base}${path}${path.includes('?') ? '&' : '?'}token=${TOKEN}`);
      expect(response.body).not.toMatch(/root:|"name"/);
    }
  });

  it('accepts the WebSocket only from our own origin with the token', async () => {
    const { base } = await start();
    const origin = base;
    expect((await openSocket(base, { origin })).status).toBe(401);
    expect((await openSocket(base, { origin: 'https://evil.example', cookie: `switchboard_${host!.port}=${TOKEN}` })).status).toBe(403);
    const { ws, status } = await openSocket(base, { origin, cookie: `switchboard_${host!.port}=${TOKEN}` });
    expect(status).toBeNull();
    ws.close();
  });

  it('carries contract calls and events; garbage frames get typed errors and the socket stays usable', async () => {
    const { base, emit } = await start();
    const headers = { origin: base, cookie: `switchboard_${host!.port}=${TOKEN}` };
    const { ws } = await openSocket(base, headers);
    const replies: unknown[] = [];
    ws.on('message', (data: Buffer) => replies.push(JSON.parse(data.toString())));
    ws.send('not json at all');
    ws.send(JSON.stringify({ t: 'call', id: 4, name: 'settings.get', input: { extra: 1 } }));
    await expect.poll(() => replies.length).toBe(2);
    expect(replies).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid_frame' }) }),
      expect.objectContaining({ id: 4, ok: false, error: expect.objectContaining({ code: 'invalid_input' }) }),
    ]);
    ws.close();

    const client = createClient(
      websocketTransport({
        open: () => new WebSocket(`${base.replace('http', 'ws')}/rpc`, { headers }) as unknown as SocketLike,
        setTimer: (fn, ms) => setTimeout(fn, ms),
      }),
    );
    await expect(client.call('settings.get', {})).resolves.toMatchObject({ language: 'ru', keymap: {} });
    const events: unknown[] = [];
    client.on('connectivity.changed', (payload) => events.push(payload));
    emit({ t: 'event', name: 'connectivity.changed', payload: { connectivity: 'syncing' } });
    await expect.poll(() => events).toEqual([{ connectivity: 'syncing' }]);
    client.close();
  });
});
