import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogFile, readLogTail, redactSecrets, rotatedName } from '../../../main/engine/support/log-file';
import { tempDir } from '../helpers/temp-dir';

const FIXED_NOW = () => Date.UTC(2026, 10, 29, 12, 0, 0);
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer EAAGm0PX4ZCpsBAKZCz7ZBZA', 'Authorization: [redacted]'],
    ['GET /v19.0/me?fields=id&access_token=EAAGm0PX4ZC&limit=5', 'GET /v19.0/me?fields=id&access_token=[redacted]&limit=5'],
    ['{"client_secret":"s3cr3t-value","id":1}', '{"client_secret":"[redacted]","id":1}'],
    ['POST https://api.telegram.org/bot123456789:AAEhBP0av28fPQwXG1vHxT_kH1xUk1oAbCd/sendMessage', 'POST https://api.telegram.org/bot[redacted]/sendMessage'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here', 'jwt [redacted] here'],
    ['key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 end', 'key [redacted] end'],
    ['password=hunter2', 'password=[redacted]'],
  ])('takes the secret out of %j', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary diagnostics alone', () => {
    const text = 'sync of account 01JDEMOACCOUNT000000000000 failed: HTTP 503 after 3 attempts at /work/main/engine/sync/scheduler.ts:120';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('LogFile', () => {
  it('writes one line per entry with time and level, and escapes line breaks so an entry cannot forge another', () => {
    const log = new LogFile({ dir: tempDir(), name: 'main', now: FIXED_NOW });
    log.write('warn', 'first\n2026-11-29T12:00:00.000Z ERROR forged');
    log.write('error', 'second');
    expect(lines(log.file)).toEqual(['2026-11-29T12:00:00.000Z WARN first\\n2026-11-29T12:00:00.000Z ERROR forged', '2026-11-29T12:00:00.000Z ERROR second']);
  });

  it('never writes message bodies unless debug logging is on, and never writes tokens even then', () => {
    const dir = tempDir();
    const fields = { conversationId: 'c1', body: 'My card is 4111 1111 1111 1111', token: 'EAAGm0PX4ZC' };
    new LogFile({ dir, name: 'quiet' }).write('error', 'publish failed', fields);
    new LogFile({ dir, name: 'debug', debug: true }).write('error', 'publish failed', fields);
    const quiet = readFileSync(join(dir, 'quiet.log'), 'utf8');
    const debug = readFileSync(join(dir, 'debug.log'), 'utf8');
    expect(quiet).toContain('"body":"[30 chars]"');
    expect(quiet).not.toContain('4111');
    expect(debug).toContain('My card is 4111 1111 1111 1111');
    for (const text of [quiet, debug]) {
      expect(text).toContain('"conversationId":"c1"');
      expect(text).not.toContain('EAAGm0PX4ZC');
    }
  });

  it('follows debug logging switched while it runs (from the desktop settings)', () => {
    const log = new LogFile({ dir: tempDir(), name: 'main' });
    const fields = { body: 'Where is my order?' };
    log.write('error', 'before', fields);
    log.debug = true;
    log.write('error', 'during', fields);
    log.write('debug', 'noise');
    log.debug = false;
    log.write('error', 'after', fields);
    expect(lines(log.file).map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'ERROR before {"body":"[18 chars]"}',
      'ERROR during {"body":"Where is my order?"}',
      'DEBUG noise',
      'ERROR after {"body":"[18 chars]"}',
    ]);
  });

  it('drops debug lines unless debug logging is on', () => {
    const dir = tempDir();
    new LogFile({ dir, name: 'quiet' }).write('debug', 'noise');
    new LogFile({ dir, name: 'debug', debug: true }).write('debug', 'noise');
    expect(existsSync(join(dir, 'quiet.log'))).toBe(false);
    expect(lines(join(dir, 'debug.log'))).toHaveLength(1);
  });

  it('rotates before a file passes its size and keeps only the newest files', () => {
    const dir = tempDir();
    const log = new LogFile({ dir, name: 'engine', maxBytes: 200, keep: 2, now: FIXED_NOW });
    for (let entry = 0; entry < 20; entry++) log.write('info', `entry ${String(entry).padStart(2, '0')} ${'x'.repeat(40)}`);
    const current = lines(log.file);
    const previous = lines(rotatedName(log.file, 1));
    expect(readFileSync(log.file).length).toBeLessThanOrEqual(200);
    expect(current.at(-1)).toContain('entry 19');
    const entryOf = (line: string) => Number(/entry (\d+)/.exec(line)![1]);
    expect(entryOf(previous.at(-1)!) + 1).toBe(entryOf(current[0]!)); // nothing lost at the seam
    expect(existsSync(rotatedName(log.file, 2))).toBe(true);
    expect(existsSync(rotatedName(log.file, 3))).toBe(false);
  });

  it('continues the size count of a file left by an earlier run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.log'), `${'old line\n'.repeat(20)}`);
    const log = new LogFile({ dir, name: 'main', maxBytes: 200, keep: 1 });
    log.write('error', 'new');
    expect(lines(log.file)).toHaveLength(1);
    expect(lines(rotatedName(log.file, 1))).toHaveLength(20);
  });

  it('cuts a runaway line instead of filling the disk with it', () => {
    const log = new LogFile({ dir: tempDir(), name: 'main' });
    log.write('error', 'hostile '.repeat(10_000));
    const [line] = lines(log.file);
    expect(line!.length).toBeLessThan(8_100);
    expect(line).toMatch(/… \[\d+ more chars\]$/);
  });

  it('records an error with its stack', () => {
    const log = new LogFile({ dir: tempDir(), name: 'main' });
    log.error('engine crashed', new TypeError('boom'));
    expect(readFileSync(log.file, 'utf8')).toMatch(/ERROR engine crashed: TypeError: boom\\n\s+at /);
  });
});

describe('readLogTail', () => {
  it('reads across the rotation boundary and starts at a whole line', () => {
    const log = new LogFile({ dir: tempDir(), name: 'main', maxBytes: 120, keep: 1, now: FIXED_NOW });
    for (let entry = 0; entry < 6; entry++) log.write('info', `entry ${entry} ${'y'.repeat(20)}`);
    const tail = readLogTail(log.file, 150);
    expect(tail.length).toBeLessThanOrEqual(150);
    expect(tail.startsWith('2026-11-29T12:00:00.000Z INFO entry ')).toBe(true);
    expect(tail.trimEnd().endsWith(`entry 5 ${'y'.repeat(20)}`)).toBe(true);
    expect(readLogTail(join(tempDir(), 'none.log'), 100)).toBe('');
  });
});
