import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WireMe, WireUpdatesPage } from '../../../main/engine/platforms/sandbox/wire';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = 'main/engine/platforms/sandbox/fake/cli.ts';
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    void exited.then(() => reject(new Error(`exited before printing: ${stderr}`)));
  });
  // Awaited only by the tests that expect the server to start.
  firstLine.catch(() => undefined);
  return { child, exited, firstLine, output: () => ({ stdout, stderr }) };
}

describe('sandbox CLI', () => {
  it('prints one line with the URL, serves the feed, and exits cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const cli = run(['--seed', '42', '--port', '0', '--backfill', '12', '--epoch', String(Date.UTC(2025, 0, 1))]);
      const line = await cli.firstLine;
      const match = /^Sandbox platform running at (http:\/\/127\.0\.0\.1:\d+) \(seed 42\)$/.exec(line);
      expect(match, line).not.toBeNull();
      const url = match![1]!;
      expect(WireMe.parse(await (await fetch(`${url}/v1/me`)).json()).handle).toBe('@northwind');
      expect(WireUpdatesPage.parse(await (await fetch(`${url}/v1/updates`)).json()).total).toBe(12);

      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toEqual({ stdout: `${line}\n`, stderr: '' });
    }
  });

  it('exits with code 2 and a one-line error on bad arguments', async () => {
    const badArguments = [[], ['--seed', 'abc'], ['--seed', '1', '--colour', 'red'], ['--seed', '1', '--port', '70000'], ['--seed', '1', 'extra']];
    for (const args of badArguments) {
      const cli = run(args);
      expect(await cli.exited, args.join(' ')).toBe(2);
      const { stdout, stderr } = cli.output();
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^sandbox: [^\n]+\n$/);
    }
  });
});
