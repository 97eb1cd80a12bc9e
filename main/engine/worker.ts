import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseOpenError } from './db/errors';
import { Engine } from './engine';
import { LogFile } from './support/log-file';
import { chooseSecretStore } from './secrets/choose-store';
import { workspaceSecretService } from './secrets/workspace-service';
import type { FromWorker, ToWorker, WorkerOptions } from './worker-protocol';

/**
 * Entry point of the engine thread. better-sqlite3 is synchronous: running it
 * here keeps a long backfill or a big query from freezing any window.
 */
const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');
const post = (message: FromWorker) => port.postMessage(message);
const options = workerData as WorkerOptions;
const logFile = options.logDir ? new LogFile({ dir: options.logDir, name: 'engine', debug: options.debugLogging }) : undefined;
const log = logFile ? logFile.asSink('warn') : undefined;

// An uncaught error ends the thread (the host restarts it); its stack goes to the log first, where the host cannot see it.
for (const kind of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(kind, (error: unknown) => {
    logFile?.error(`engine: ${kind}`, error);
    if (!logFile) console.error(error);
    process.exit(1);
  });
}

let engine: Engine;
try {
  // Tokens go to the OS keychain, asked from this thread (keytar works in a worker). There is no
  // fallback yet: where no keychain answers, the accounts screen says so and refuses to add
  // accounts. Electron's safeStorage fallback (main/electron/safe-storage-store.ts) lives in the
  // main process; using it here needs a SecretStore that forwards over the worker's port.
  const secrets = chooseSecretStore({ service: workspaceSecretService(options.dataDir) }).then((choice) => choice.store);
  engine = new Engine({ ...options, log, secrets });
} catch (error) {
  const code = error instanceof DatabaseOpenError ? error.code : 'internal';
  logFile?.error('engine: could not open the workspace', error);
  post({ kind: 'fatal', code, message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

engine.subscribe((frame) => post({ kind: 'event', frame }));
port.on('message', (message: ToWorker) => {
  if (message.kind === 'call') {
    void engine.dispatch(message.frame).then((frame) => post({ kind: 'result', token: message.token, frame }));
  } else if (message.kind === 'close') {
    void engine.close().then(() => {
      post({ kind: 'closed' });
      port.close();
    });
  }
});
engine.start();
post({ kind: 'ready' });
