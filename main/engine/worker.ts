import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseOpenError } from './db/errors';
import { Engine } from './engine';
import { LogFile } from './support/log-file';
import { chooseSecretStore, type SecretStoreChoice } from './secrets/choose-store';
import { ForwardedSecretStore } from './secrets/forwarded-store';
import { workspaceSecretService } from './secrets/workspace-service';
import type { FromWorker, ToWorker, WorkerData } from './worker-protocol';

/**
 * Entry point of the engine thread. better-sqlite3 is synchronous: running it
 * here keeps a long backfill or a big query from freezing any window.
 */
const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');
const post = (message: FromWorker) => port.postMessage(message);
const { secretFallbackPort, ...options } = workerData as WorkerData;
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
  // Tokens go to the OS keychain, asked from this thread (keytar works in a worker). Where it does
  // not answer, they go to the host's fallback if it offers one (the desktop app's safeStorage,
  // reached over its own port); without one (the browser host) the accounts screen says why no
  // account can be added.
  const fallback = secretFallbackPort ? new ForwardedSecretStore(secretFallbackPort) : undefined;
  const secrets = chooseSecretStore({ service: workspaceSecretService(options.dataDir), fallback }).then((choice) => {
    logSecretChoice(choice);
    return choice.store;
  });
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

/** For support: where this start keeps tokens and why (engine.log goes into Copy diagnostics). Keys and reasons only. */
function logSecretChoice({ backend, migrated, problem }: SecretStoreChoice): void {
  if (backend === 'fallback') log?.(`secrets: the OS keychain is not used, tokens go to the app's fallback store: ${problem?.message ?? 'no reason given'}`);
  else if (problem) log?.(`secrets: tokens left in the app's fallback store could not be moved into the OS keychain: ${problem.message}`);
  if (migrated.length > 0) log?.(`secrets: moved the tokens of ${migrated.join(', ')} from the app's fallback store into the OS keychain`);
}
