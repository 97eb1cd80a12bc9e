/**
 * Runs the sandbox platform from a terminal (`npm run sandbox -- --seed 42`):
 *   tsx main/engine/platforms/sandbox/fake/cli.ts --seed 42 [--port 0] [--backfill N] [--live-interval-ms N] [--epoch MS]
 * Prints one line with the URL; stops on SIGINT or SIGTERM. Bad arguments: a one-line error and exit code 2.
 */
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxOptions } from './server';

const USAGE = 'usage: sandbox --seed N [--port N] [--backfill N] [--live-interval-ms N] [--epoch MS]';

class UsageError extends Error {}

function integer(flag: string, value: string): number {
  if (!/^\d{1,16}$/.test(value)) throw new UsageError(`--${flag} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function optionsFrom(args: string[]): SandboxOptions {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' },
      port: { type: 'string', default: '0' },
      backfill: { type: 'string' },
      'live-interval-ms': { type: 'string' },
      epoch: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.seed === undefined) throw new UsageError('--seed is required');
  const options: SandboxOptions = { seed: integer('seed', values.seed), port: integer('port', values.port) };
  if (values.backfill !== undefined) options.backfill = integer('backfill', values.backfill);
  if (values['live-interval-ms'] !== undefined) options.liveIntervalMs = integer('live-interval-ms', values['live-interval-ms']);
  if (values.epoch !== undefined) options.epoch = integer('epoch', values.epoch);
  return options;
}

function fail(message: string, exitCode: number): void {
  console.error(`sandbox: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exitCode = exitCode;
}

async function main(): Promise<void> {
  let options: SandboxOptions;
  try {
    options = optionsFrom(process.argv.slice(2));
  } catch (error) {
    // parseArgs throws TypeErrors for unknown or malformed flags.
    return fail(`${(error as Error).message} (${USAGE})`, 2);
  }
  try {
    const sandbox = await startSandbox(options);
    console.log(`Sandbox platform running at ${sandbox.url} (seed ${options.seed})`);
    const stop = () => void sandbox.close();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    // Out-of-range values are bad arguments too; anything else (a port in use) is a runtime failure.
    fail((error as Error).message, error instanceof RangeError ? 2 : 1);
  }
}

await main();
