/**
 * `npm run -s cli -- …`: a thin host over the engine's checks, like main/web
 * over the engine. A file that cannot be read is reported on stderr with exit code 2.
 */
import { text } from 'node:stream/consumers';
import { runCli } from './run';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    readStdin: () => text(process.stdin),
    stdout: (chunk) => process.stdout.write(chunk),
    stderr: (chunk) => process.stderr.write(chunk),
  });
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
