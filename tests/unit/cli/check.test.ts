import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../main/cli/run';
import type { JsonFinding } from '../../../main/cli/format';
import { tempDir } from '../helpers/temp-dir';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the real CLI as `npm run -s cli -- …` does, feeding `stdin`. */
function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('cli check', () => {
  it('checks stdin ("-") as JSON with UTF-16 offsets and exits 1 when something blocks', async () => {
    const text = '😀 Просто позвоните: +7 916 123 45 67';
    const { code, stdout, stderr } = await cli(['check', '--public', '--format', 'json', '-'], text);
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(findings).toEqual([
      { file: '-', kind: 'tone', severity: 'warn', start: 3, end: 9, text: 'Просто', message: '“Просто” can make the customer’s problem sound trivial', suggestions: [] },
      { file: '-', kind: 'personal_data', severity: 'block', start: text.indexOf('+7'), end: text.length, text: '+7 916 123 45 67', message: 'A phone number in a public reply', suggestions: [] },
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('checks files in text format, one line per finding with line and column, and exits 0 on warnings only', async () => {
    const folder = tempDir();
    const polite = join(folder, 'polite.txt');
    const warned = join(folder, 'warned.txt');
    await writeFile(polite, 'Thank you, Anna! Your parcel is on its way.\n');
    await writeFile(warned, 'Hello,\nit is simply a setting.\nThanks for waiting.\n');
    const { code, stdout, stderr } = await cli(['check', '--lang', 'en', polite, warned]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${warned}:2:7: warn tone: “simply” can make the customer’s problem sound trivial\n`);
  });

  it('lets --lang override detection', async () => {
    const { stdout } = await cli(['check', '--lang', 'pl', '-'], 'To Pana wina.');
    expect(stdout).toBe('-:1:1: warn tone: “To Pana wina” puts the blame on the customer\n');
  });

  it('reports personal data only with --public', async () => {
    const text = 'Write to anna@example.com';
    expect(await cli(['check', '-'], text)).toEqual({ code: 0, stdout: '', stderr: '' });
    const { code, stdout } = await cli(['check', '--public', '-'], text);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '-:1:10: block personal_data: An email address in a public reply\n' });
  });

  it('blocks profanity and unfilled fields without --public, and prints an empty JSON array when all is well', async () => {
    const { code, stdout } = await cli(['check', '--format', 'json', '-'], 'Your {{? order number }} is here');
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as JsonFinding[]).map((f) => [f.kind, f.severity, f.message])).toEqual([['placeholder', 'block', 'Fill in “order number” before sending']]);
    expect(await cli(['check', '--format', 'json', '-'], 'All good, thank you!')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('checks spelling with the real spell engine, with suggestions', async () => {
    const { code, stdout } = await cli(['check', '--format', 'json', '-'], 'Thank you, teh parcel is on its way.');
    expect(code).toBe(0);
    const [finding, ...rest] = JSON.parse(stdout) as JsonFinding[];
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'spelling', severity: 'warn', start: 11, end: 14, text: 'teh', message: 'Possible misspelling: “teh”' });
    expect(finding!.suggestions).toContain('the');
  });

  it('holds a file to the engine’s own length ceiling, naming the platform in words', async () => {
    const { code, stdout } = await cli(['check', '-'], `${'a '.repeat(5_000)}a`);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '-:1:10001: block length: Too long for Sandbox: 10,001 of 10,000\n' });
  });

  it('exits 2 with a one-line error and the usage on bad usage', async () => {
    for (const args of [[], ['lint', 'x.txt'], ['check'], ['check', '--lang', 'de', '-'], ['check', '--format', 'xml', '-'], ['check', '--platform', 'x', '-']]) {
      const { code, stdout, stderr } = await cli(args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      const [error, ...usage] = stderr.trimEnd().split('\n');
      expect(error, args.join(' ')).toMatch(/^error: \S/);
      expect(usage.join('\n')).toBe(USAGE);
    }
  });

  it('exits 2 naming a file it cannot read', async () => {
    const missing = join(tempDir(), 'missing.txt');
    const { code, stderr } = await cli(['check', missing]);
    expect(code).toBe(2);
    expect(stderr).toContain(missing);
  });
});
