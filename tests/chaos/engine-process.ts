import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createClient, type Client, type Transport } from '../../shared/rpc';
import type { ChildOptions, ToChild, ToRunner } from './child-protocol';

/** How long a start or a clean stop may take before the runner gives up on the child (a bound, not an assertion). */
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
/** Lines of the child's stderr kept for the report when something goes wrong. */
const STDERR_LINES = 40;

export interface EngineProcess {
  /** The contract over the child's IPC channel; calls in flight fail with `unavailable` when it dies. */
  client: Client;
  /** Resolves when the engine is up (sync and outbox running); rejects if the child dies first. */
  ready: Promise<void>;
  /** Resolves when the child is about to open (and migrate) the database. */
  opening: Promise<void>;
  /** Resolves once the child has ended, however. */
  exited: Promise<void>;
  /** Sees every event frame the engine pushes (sync progress is what the kill plan watches). */
  onEvent(listener: (name: string, payload: unknown) => void): void;
  /** SIGKILL: no cleanup of any kind, as when the machine loses power to the app. */
  kill(): Promise<void>;
  /** SIGTERM: the engine closes its loops and the database; true if it exited 0 in time. */
  stop(): Promise<boolean>;
  /** True once the child has ended. */
  ended(): boolean;
  stderr(): string[];
  /** Sees every line the engine logs, as it comes. */
  onLog(listener: (line: string) => void): void;
}

/** Node's IPC channel as a contract transport: frames go out with `send`, come back as messages. */
function ipcTransport(child: ChildProcess): Transport {
  return {
    send(frame) {
      if (!child.connected) throw new Error('The engine process is not running');
      // A kill can close the channel under a write (EPIPE). The call is failed when the child's exit is seen, like any call in flight.
      child.send({ kind: 'call', frame } satisfies ToChild, () => {});
    },
    onFrame(listener) {
      const onMessage = (message: ToRunner) => {
        if (message.kind === 'frame') listener(message.frame);
      };
      child.on('message', onMessage);
      return () => child.off('message', onMessage);
    },
    onDisconnect(listener) {
      child.on('exit', listener);
      return () => child.off('exit', listener);
    },
  };
}

/** Starts the bundled engine child (build-child.ts) on a workspace; the platforms stay in this process. */
export function startEngineProcess(childFile: string, options: ChildOptions): EngineProcess {
  const child = fork(childFile, [JSON.stringify(options)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  const lines: string[] = [];
  const log = createInterface({ input: child.stderr! });
  log.on('line', (line) => {
    lines.push(line);
    if (lines.length > STDERR_LINES) lines.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Failing to spawn or to signal the child: kept with its log for the report; 'exit' still settles everything waiting.
  child.on('error', (error) => lines.push(`[runner] ${error.message}`));
  const waitFor = (kind: 'opening' | 'ready') =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`engine child sent no "${kind}" in ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.on('message', (message: ToRunner) => {
        if (message.kind !== kind) return;
        clearTimeout(timer);
        resolve();
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`engine child exited before "${kind}"`));
      });
    });
  const ready = waitFor('ready');
  const opening = waitFor('opening');
  // Killing before start-up finished is the point of some kills: nobody else needs to hear of it.
  ready.catch(() => {});
  opening.catch(() => {});

  const client = createClient(ipcTransport(child));
  const ended = () => child.exitCode !== null || child.signalCode !== null;

  return {
    client,
    ready,
    opening,
    exited,
    onEvent(listener) {
      child.on('message', (message: ToRunner) => {
        if (message.kind !== 'frame' || typeof message.frame !== 'object' || message.frame === null) return;
        const frame = message.frame as { t?: unknown; name?: unknown; payload?: unknown };
        if (frame.t === 'event' && typeof frame.name === 'string') listener(frame.name, frame.payload);
      });
    },
    async kill() {
      if (!ended()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (ended()) return false;
      const force = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
      return child.exitCode === 0;
    },
    ended,
    stderr: () => [...lines],
    onLog(listener) {
      log.on('line', listener);
    },
  };
}
