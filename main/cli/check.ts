/**
 * `check [--lang auto|en|ru|pl] [--public] [--format json|text] FILE...`: the
 * pre-publish pipeline over files or stdin ("-"), so a shop can lint its
 * canned-reply library before pasting it anywhere. A file is checked as one
 * reply on the engine's own length ceiling (the "sandbox" platform), since
 * a file names no platform. Spelling uses the real spell engine (Hunspell in
 * its worker); where it cannot start, the other checks still run and stderr
 * says spelling was skipped.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runChecks, type SpellChecker } from '../engine/checks';
import { createSpellChecker } from '../engine/spell/client';
import { formatJson, formatText, type FileFindings } from './format';
import { UsageError } from './usage';

export interface CliIO {
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
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

/** A checker that, once the spell engine fails, says so on stderr and answers "no misspellings" from then on. */
function spellingOrNothing(checker: SpellChecker, io: CliIO): SpellChecker {
  let failed = false;
  return {
    async misspellings(text, lang) {
      if (failed) return [];
      try {
        return await checker.misspellings(text, lang);
      } catch (error) {
        failed = true;
        io.stderr(`warning: spelling skipped: ${(error as Error).message}\n`);
        return [];
      }
    },
  };
}

/** Returns the exit code: 1 when any finding blocks, else 0. Throws UsageError on bad usage. */
export async function check(args: string[], io: CliIO): Promise<number> {
  const options = parseCheckArgs(args);
  const speller = createSpellChecker();
  const spelling = spellingOrNothing(speller, io);
  // Stdin can be read once; "-" named twice checks the same text twice.
  let stdin: Promise<string> | undefined;
  const results: FileFindings[] = [];
  try {
    for (const file of options.files) {
      const text = file === '-' ? await (stdin ??= io.readStdin()) : await readFile(file, 'utf8');
      const { findings } = await runChecks({ text, visibility: options.visibility, platform: 'sandbox', lang: options.lang, spelling });
      results.push({ file, text, findings });
    }
  } finally {
    await speller.close();
  }
  io.stdout(options.format === 'json' ? formatJson(results) : formatText(results));
  return results.some((r) => r.findings.some((f) => f.severity === 'block')) ? 1 : 0;
}
