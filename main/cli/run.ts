/** The command line, apart from the process: arguments in, exit code out. */
import { check, type CliIO } from './check';
import { USAGE, UsageError } from './usage';

export { USAGE };

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === '--help' || command === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command !== 'check') throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
    return await check(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\n${USAGE}\n`);
    return 2;
  }
}
