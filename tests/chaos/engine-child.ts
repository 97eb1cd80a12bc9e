/**
 * The engine as a process of its own, for the chaos test: the runner SIGKILLs
 * it at random moments and starts it again on the same workspace, while the
 * platforms (the sandbox and the fake Graph) live in the runner's process so
 * their records survive every kill. The Facebook Page account is added over the
 * contract; its token lives in a file-backed SecretStore beside the workspace,
 * so every life finds it. It speaks the contract over the Node IPC channel
 * (ipc-transport.ts).
 *
 * The engine runs on this process's main thread rather than in a worker: a
 * SIGKILL ends the whole process either way, and the host layer is not what is
 * under test. Bundled by build-child.ts, started with one JSON argument.
 */
import { defaultConnectorFactory } from '../../main/engine/accounts/connectors';
import { Engine } from '../../main/engine/engine';
import { ChildOptions, type ToRunner, type ToChild } from './child-protocol';
import { FileSecretStore } from './file-secret-store';

const send = (message: ToRunner) => process.send?.(message);
const options = ChildOptions.parse(JSON.parse(process.argv[2] ?? '{}'));

// The runner kills during start-up on purpose: migrations run inside this constructor.
send({ kind: 'opening' });
const connectors = defaultConnectorFactory();
const engine = new Engine({
  dataDir: options.dataDir,
  demoSandboxUrl: options.sandboxUrl,
  pollIntervalMs: options.pollIntervalMs,
  undoWindowMs: options.undoWindowMs,
  secrets: new FileSecretStore(options.secretsFile),
  // The production connectors, only read at the trial's pace.
  connectorFor: (account, token) => {
    const connector = connectors(account, token);
    if (connector?.pacing) connector.pacing = () => options.connectorPace;
    return connector;
  },
  // Short waits so a trial's faults are retried within it; the rules are the production ones.
  backoff: { baseMs: 40, maxMs: 800 },
  log: (message) => process.stderr.write(`[engine] ${message}\n`),
});
engine.subscribe((frame) => send({ kind: 'frame', frame }));

let closing = false;
process.on('message', (message: ToChild) => {
  if (message.kind === 'call' && !closing) void engine.dispatch(message.frame).then((frame) => send({ kind: 'frame', frame }));
});
// A clean stop, as a host's: the outbox and sync loops finish, the database is closed.
process.once('SIGTERM', () => {
  closing = true;
  void engine.close().then(() => process.exit(0));
});
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

engine.start();
send({ kind: 'ready' });
