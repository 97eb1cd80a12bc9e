import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { createClient, type Client } from '../../shared/rpc';
import { websocketTransport, type SocketLike } from '../../shared/rpc/transports/websocket';
import { WireModeration, WirePublished } from '../../main/engine/platforms/sandbox/wire';

/** Debian's Chromium, with the flags this network needs (no background calls home). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RunningHost {
  /** The address the host printed, token included. */
  url: string;
  origin: string;
  token: string;
  sandboxUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** A browser host process as started, before any demo-specific parsing. */
export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  /** Wall clock (`Date.now()`) just before the spawn: lets a benchmark time a cold start against the page's clock. */
  spawnedAt: number;
  /** Its stderr so far, one entry a line. */
  stderr: string[];
  stop(): Promise<void>;
}

const WEB_HOST = fileURLToPath(new URL('../../dist/main/web.cjs', import.meta.url));

/** Spawns the built browser host (`dist/main/web.cjs`) on `dataDir` as a user would, and reads its one line. */
export async function spawnHost(dataDir: string, extra: string[] = []): Promise<HostProcess> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [WEB_HOST, '--port', '0', '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr.join('\n')}`)), 30_000);
      createInterface({ input: child.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr.join('\n')}`)));
    });
    const match = /^Switchboard is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/.exec(firstLine);
    if (!match) throw new Error(`unexpected first line: ${firstLine}`);
    return { url: match[1]!, origin: `http://127.0.0.1:${match[2]}`, token: match[3]!, spawnedAt, stderr, stop: () => stopProcess(child) };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** Starts the browser host on a fresh demo workspace (sandbox platform in-process), removed again by `stop()`. */
export async function startHost(extra: string[] = []): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  let host: HostProcess;
  try {
    host = await spawnHost(dataDir, ['--demo', '--seed', '5', '--poll-interval-ms', '300', ...extra]);
  } catch (error) {
    removeDir();
    throw error;
  }
  const sandboxLine = host.stderr.find((line) => line.startsWith('Sandbox platform (demo) at '));
  if (!sandboxLine) {
    await host.stop().finally(removeDir);
    throw new Error(`no sandbox line on stderr: ${host.stderr.join('\n')}`);
  }
  return {
    url: host.url,
    origin: host.origin,
    token: host.token,
    sandboxUrl: sandboxLine.slice('Sandbox platform (demo) at '.length),
    dataDir,
    stop: () => host.stop().finally(removeDir),
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  // A child that already ended (on its own or by a signal) sends no second "exit".
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The window the app is tested and measured in: a laptop screen. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface PageWatch {
  page: Page;
  /** alert()/confirm() calls: a hostile body that ran would show up here. */
  dialogs: string[];
  pageErrors: string[];
}

/** `prepare` runs before the app loads: for bindings and init scripts that must see the page from its first event. */
export async function openApp(browser: Browser, host: RunningHost, prepare?: (page: Page) => Promise<void>): Promise<PageWatch> {
  const page = await browser.newPage({ viewport: VIEWPORT, locale: 'en-US' });
  const watch: PageWatch = { page, dialogs: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  await prepare?.(page);
  await page.goto(host.url);
  return watch;
}

/** A second, Node-side contract client: lets a test ask the engine what the screen should show. */
export function contractClient(host: RunningHost): Client {
  const wsUrl = `${host.origin.replace('http', 'ws')}/rpc`;
  const port = new URL(host.origin).port;
  return createClient(
    websocketTransport({
      open: () => new WebSocket(wsUrl, { headers: { origin: host.origin, cookie: `switchboard_${port}=${host.token}` } }) as unknown as SocketLike,
      setTimer: (fn, ms) => setTimeout(fn, ms),
    }),
  );
}

/** The sandbox platform's own record of a comment's hidden state (undefined: never hidden or shown through the API). */
export async function moderationOf(sandboxUrl: string, itemId: string): Promise<WireModeration | undefined> {
  const response = await fetch(`${sandboxUrl}/_sandbox/moderation`);
  const body = (await response.json()) as { items: unknown[] };
  return body.items.map((entry) => WireModeration.parse(entry)).find((record) => record.id === itemId);
}

/** The replies the sandbox platform received with this text, from its own record of what was published. */
export async function publishedWith(sandboxUrl: string, text: string): Promise<WirePublished[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/published`);
  const body = (await response.json()) as { published: unknown[] };
  return body.published.map((entry) => WirePublished.parse(entry)).filter((reply) => reply.text === text);
}
