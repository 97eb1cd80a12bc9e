import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoSandbox } from '../engine/demo';
import { EngineStartError, startEngineThread, type EngineThread } from '../engine/worker-proxy';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { bridgeIpc } from './ipc-bridge';
import { createMainWindow } from './window';
import { DEFAULT_WINDOW_SIZE } from './window-security';

/**
 * The desktop shell: one secure window, the engine in a worker thread, and IPC
 * between them. No business logic lives here.
 */
const { values } = parseArgs({
  args: process.argv.slice(app.isPackaged ? 1 : 2),
  options: { demo: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
  strict: false,
});
const demo = values.demo === true;
const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : join(app.getPath('userData'), demo ? 'demo' : 'workspace');

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let engine: EngineThread | undefined;
let stopSandbox: (() => Promise<void>) | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  const log = (message: string) => console.error(message);
  const sandbox = demo ? await startDemoSandbox(dataDir, undefined, log) : undefined;
  stopSandbox = sandbox ? () => sandbox.close() : undefined;
  try {
    engine = await startEngineThread(join(__dirname, 'engine-worker.cjs'), { dataDir, demoSandboxUrl: sandbox?.url, pollIntervalMs: demo ? 2_000 : undefined });
  } catch (error) {
    dialog.showErrorBox('Switchboard', error instanceof EngineStartError ? error.message : String(error));
    app.exit(1);
    return;
  }
  engine.onExit((code) => {
    dialog.showErrorBox('Switchboard', `The Switchboard engine stopped unexpectedly (exit code ${code}).`);
    app.exit(1);
  });
  serveRenderer(join(__dirname, '..', 'renderer'));
  bridgeIpc(engine);
  createMainWindow(join(__dirname, '..', 'preload', 'preload.cjs'), DEFAULT_WINDOW_SIZE, 'Switchboard');
}

// One engine per workspace: a second launch focuses the first window instead.
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!engine && !stopSandbox) return;
  event.preventDefault();
  const closing = Promise.all([engine?.close(), stopSandbox?.()]);
  engine = undefined;
  stopSandbox = undefined;
  void closing.finally(() => app.quit());
});

void start();
