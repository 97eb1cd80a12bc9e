import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { createClient, type Client } from '../../shared/rpc';
import { websocketTransport, type SocketLike } from '../../shared/rpc/transports/websocket';

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

/** Starts the built browser host (`dist/main/web.cjs --demo`) as a user would, and reads its one line. */
export async function startHost(extra: string[] = []): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const child = spawn(process.execPath, ['dist/main/web.cjs', '--demo', '--port', '0', '--data-dir', dataDir, '--seed', '5', '--poll-interval-ms', '300', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${stderr.join('\n')}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr.join('\n')}`)));
  });
  const match = /^Switchboard is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/.exec(firstLine);
  if (!match) throw new Error(`unexpected first line: ${firstLine}`);
  const sandboxLine = stderr.find((line) => line.startsWith('Sandbox platform (demo) at '));
  if (!sandboxLine) throw new Error(`no sandbox line on stderr: ${stderr.join('\n')}`);
  return {
    url: match[1]!,
    origin: `http://127.0.0.1:${match[2]}`,
    token: match[3]!,
    sandboxUrl: sandboxLine.slice('Sandbox platform (demo) at '.length),
    dataDir,
    stop: () => stopProcess(child).finally(() => rmSync(dataDir, { recursive: true, force: true })),
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
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

export interface PageWatch {
  page: Page;
  /** alert()/confirm() calls: a hostile body that ran would show up here. */
  dialogs: string[];
  pageErrors: string[];
}

export async function openApp(browser: Browser, host: RunningHost): Promise<PageWatch> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const watch: PageWatch = { page, dialogs: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
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
