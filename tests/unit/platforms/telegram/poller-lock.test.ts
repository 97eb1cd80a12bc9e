import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PollerLock, type LockState } from '../../../../main/engine/platforms/telegram/poller-lock';
import { tempDir } from '../../helpers/temp-dir';

const TOKEN = '7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const HOLDER = fileURLToPath(new URL('./lock-holder.ts', import.meta.url));

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => (child.exitCode === null && child.signalCode === null ? stop(child) : undefined)));
});

/** Another app instance: a separate Node process holding (or failing to take) the lock. */
function otherInstance(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, TOKEN, dir], { stdio: 'pipe' });
  children.push(child);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const line = await lines.next();
    if (line.done) throw new Error('the other instance exited');
    return JSON.parse(line.value) as unknown;
  };
  return {
    pid: child.pid!,
    next,
    async send(command: 'acquire' | 'release') {
      child.stdin.write(`${command}\n`);
      return next();
    },
    kill: () => stop(child),
  };
}

function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('PollerLock across processes', () => {
  it('lets one instance poll a bot; another waits, and takes over when the first dies', async () => {
    const dir = tempDir('switchboard-tg-lock-');
    const other = otherInstance(dir);
    expect(await other.next()).toEqual({ held: true });

    const ours = new PollerLock(TOKEN, dir);
    expect(ours.acquire()).toEqual({ held: false, pid: other.pid } satisfies LockState);
    expect(await other.send('acquire')).toEqual({ held: true }); // still theirs

    await other.kill(); // a crash: no release
    expect(ours.acquire()).toEqual({ held: true });
    expect(ours.acquire()).toEqual({ held: true });
  });

  it('keeps a second instance out while this one holds the bot, and lets it in after release', async () => {
    const dir = tempDir('switchboard-tg-lock-');
    const ours = new PollerLock(TOKEN, dir);
    expect(ours.acquire()).toEqual({ held: true });
    const other = otherInstance(dir);
    expect(await other.next()).toEqual({ held: false, pid: process.pid });
    ours.release();
    expect(await other.send('acquire')).toEqual({ held: true });
    expect(ours.acquire()).toEqual({ held: false, pid: other.pid });
    expect(await other.send('release')).toBe('released');
    expect(ours.acquire()).toEqual({ held: true });
  });

  it('is per token: another bot polls freely', async () => {
    const dir = tempDir('switchboard-tg-lock-');
    const other = otherInstance(dir);
    expect(await other.next()).toEqual({ held: true });
    expect(new PollerLock('7000000002:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', dir).acquire()).toEqual({ held: true });
  });
});

describe('PollerLock file', () => {
  it('is named by a hash of the token, never the token, and readable only by its owner', () => {
    const dir = tempDir('switchboard-tg-lock-');
    const lock = new PollerLock(TOKEN, dir);
    lock.acquire();
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^switchboard-telegram-[0-9a-f]{32}\.lock$/)]);
    expect(lock.path).not.toContain(TOKEN.split(':')[1]);
    expect(statSync(lock.path).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['unreadable', 'garbage{'],
    ['from a process that is gone', JSON.stringify({ pid: 2 ** 22 + 17, nonce: 'old' })],
  ])('takes over a lock that is %s', (_label, content) => {
    const dir = tempDir('switchboard-tg-lock-');
    const lock = new PollerLock(TOKEN, dir);
    writeFileSync(lock.path, content);
    expect(lock.acquire()).toEqual({ held: true });
  });

  it('notices when another instance took the lock from under it', () => {
    const dir = tempDir('switchboard-tg-lock-');
    const lock = new PollerLock(TOKEN, dir);
    expect(lock.acquire()).toEqual({ held: true });
    writeFileSync(lock.path, JSON.stringify({ pid: process.ppid, nonce: 'someone-else' }));
    expect(lock.acquire()).toEqual({ held: false, pid: process.ppid });
    lock.release(); // not ours: left alone
    expect(lock.acquire()).toEqual({ held: false, pid: process.ppid });
  });
});
