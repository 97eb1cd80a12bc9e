import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDemoSandbox } from '../engine/demo';
import { startEngineThread, EngineStartError } from '../engine/worker-proxy';
import { startWebHost } from './server';

/**
 * `switchboard-web`: the browser host. Prints exactly one line on stdout with
 * the address to open; diagnostics go to stderr.
 */
const USAGE = 'usage: web [--port N] [--data-dir DIR] [--demo] [--seed N] [--poll-interval-ms N]';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        demo: { type: 'boolean', default: false },
        seed: { type: 'string' },
        'poll-interval-ms': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw new Error(`--seed must be an integer from 0 to 4294967295, got ${values.seed}`);
    const poll = values['poll-interval-ms'] === undefined ? undefined : Number(values['poll-interval-ms']);
    if (poll !== undefined && !(Number.isInteger(poll) && poll >= 100)) throw new Error('--poll-interval-ms must be an integer ≥ 100');
    const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
    const dataDir = values['data-dir'] ?? join(base, 'switchboard', values.demo ? 'demo' : 'default');
    return { port, dataDir, demo: values.demo, seed, pollIntervalMs: poll };
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const sandbox = options.demo ? await startDemoSandbox(options.dataDir, options.seed, log) : undefined;
  if (sandbox) log(`Sandbox platform (demo) at ${sandbox.url}`);

  let engine;
  try {
    engine = await startEngineThread(join(__dirname, 'engine-worker.cjs'), {
      dataDir: options.dataDir,
      demoSandboxUrl: sandbox?.url,
      pollIntervalMs: options.pollIntervalMs ?? (options.demo ? 2_000 : undefined),
    });
  } catch (error) {
    await sandbox?.close();
    fail(error instanceof EngineStartError ? `Switchboard cannot open this workspace: ${error.message}` : String(error), 1);
  }
  engine.onExit((code) => fail(`The Switchboard engine stopped unexpectedly (exit code ${code}).`, 1));

  const host = await startWebHost({ engine, staticDir: join(__dirname, '..', 'renderer'), port: options.port });
  process.stdout.write(`Switchboard is running at ${host.url}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await engine.close();
    await sandbox?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
