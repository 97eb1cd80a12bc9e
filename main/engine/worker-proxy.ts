import { MessageChannel, Worker } from 'node:worker_threads';
import { callIdOf, RpcError, type EngineEndpoint, type EventFrame, type ResultFrame } from '../../shared/rpc';
import { keepKeytarLoaded } from './secrets/keytar-store';
import type { SecretStore } from './secrets/secret-store';
import { serveSecretStore } from './secrets/serve-store';
import type { FromWorker, ToWorker, WorkerData, WorkerOptions } from './worker-protocol';

export interface EngineThread extends EngineEndpoint {
  /** Flushes and closes the database, then ends the thread. */
  close(): Promise<void>;
  /** Told if the engine thread dies on its own (a crash). */
  onExit(listener: (code: number) => void): void;
}

/** The reason an engine could not start, shown to the user as is. */
export class EngineStartError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EngineStartError';
  }
}

/** What a host lends the engine from its own thread: objects, not data, so they stay here and are reached over a port. */
export interface EngineHostServices {
  /**
   * Where tokens go when the OS keychain does not answer: the desktop app
   * passes its safeStorage store, which only Electron's main process can use.
   * The engine still prefers the keychain, and moves these secrets into it
   * once it answers (chooseSecretStore).
   */
  secretFallback?: SecretStore;
}

/**
 * Starts the engine in a worker thread and gives hosts an EngineEndpoint for
 * it. Hosts stay thin: they forward frames and never see the database.
 */
export async function startEngineThread(workerFile: string, options: WorkerOptions, services: EngineHostServices = {}): Promise<EngineThread> {
  await keepKeytarLoaded();
  // A port of its own, so secret traffic never mixes with the contract's frames.
  const { secretFallback } = services;
  const secrets = secretFallback ? new MessageChannel() : undefined;
  const workerData: WorkerData = { ...options, secretFallbackPort: secrets?.port2 };
  const worker = new Worker(workerFile, { workerData, transferList: secrets ? [secrets.port2] : [] });
  if (secrets) serveSecretStore(secrets.port1, secretFallback!);
  const pending = new Map<number, (frame: ResultFrame) => void>();
  const listeners = new Set<(frame: EventFrame) => void>();
  const exitListeners = new Set<(code: number) => void>();
  let nextToken = 1;
  let closing: Promise<void> | undefined;
  const send = (message: ToWorker) => worker.postMessage(message);

  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'ready':
          ready = true;
          resolve(thread);
          break;
        case 'fatal':
          reject(new EngineStartError(message.code, message.message));
          break;
        case 'result':
          pending.get(message.token)?.(message.frame);
          pending.delete(message.token);
          break;
        case 'event':
          for (const listener of listeners) listener(message.frame);
          break;
        case 'closed':
          break;
      }
    });
    worker.on('error', (error) => {
      if (!ready) reject(error);
    });
    worker.on('exit', (code) => {
      secrets?.port1.close();
      for (const [token, settle] of pending) {
        pending.delete(token);
        settle({ t: 'result', id: 0, ok: false, error: new RpcError('unavailable', 'The engine stopped').toBody() });
      }
      if (!ready) reject(new EngineStartError('internal', `The engine stopped while starting (exit code ${code})`));
      else if (!closing) for (const listener of exitListeners) listener(code);
    });

    const thread: EngineThread = {
      dispatch(frame) {
        const token = nextToken++;
        const id = callIdOf(frame);
        return new Promise((settle) => {
          pending.set(token, (result) => settle(result.id === 0 && !result.ok ? { ...result, id } : result));
          send({ kind: 'call', token, frame });
        });
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onExit(listener) {
        exitListeners.add(listener);
      },
      close() {
        closing ??= new Promise<void>((done) => {
          worker.once('exit', () => done());
          send({ kind: 'close' });
        });
        return closing;
      },
    };
  });
}
