/**
 * `check [--lang auto|en|ru|pl] [--public] [--format json|text] FILE...`: the
 * pre-publish pipeline over files or stdin ("-"), so a shop can lint its
 * canned-reply library before pasting it anywhere. A file is checked as one
 * reply on the engine's own length ceiling (the "sandbox" platform), since
 * a file names no platform.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runChecks } from '../engine/checks';
import { formatJson, formatText, type FileFindings } from './format';
import { UsageError } from './usage';

export interface CliIO {
  readStdin(): Promise<string>;
  stdout(text: string): void;
}

const LANGS = ['auto', 'en', 'ru', 'pl'] as const;
const FORMATS = ['json', 'text'] as const;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function parseCheckArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { lang: { type: 'string', default: 'auto' }, public: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('check needs at least one FILE ("-" for stdin)');
  return { lang: oneOf('lang', values.lang, LANGS), visibility: values.public ? ('public' as const) : ('private' as const), format: oneOf('format', values.format, FORMATS), files: positionals };
}

/** Returns the exit code: 1 when any finding blocks, else 0. Throws UsageError on bad usage. */
export async function check(args: string[], io: CliIO): Promise<number> {
  const options = parseCheckArgs(args);
  // Stdin can be read once; "-" named twice checks the same text twice.
  let stdin: Promise<string> | undefined;
  const results: FileFindings[] = [];
  for (const file of options.files) {
    const text = file === '-' ? await (stdin ??= io.readStdin()) : await readFile(file, 'utf8');
    const { findings } = await runChecks({ text, visibility: options.visibility, platform: 'sandbox', lang: options.lang });
    results.push({ file, text, findings });
  }
  io.stdout(options.format === 'json' ? formatJson(results) : formatText(results));
  return results.some((r) => r.findings.some((f) => f.severity === 'block')) ? 1 : 0;
}
