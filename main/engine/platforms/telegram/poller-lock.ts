import { createHash, randomUUID } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Holder {
  pid: number;
  nonce: string;
}

export type LockState = { held: true } | { held: false; pid: number | null };

/** A few rounds of stale-lock takeover; losing them all to other processes means someone else is taking the lock. */
const TAKEOVER_ROUNDS = 3;

/**
 * One getUpdates poller per bot token on this machine. Telegram lets only one
 * long poll run per bot (a second one gets 409) and an update is acknowledged
 * by whoever asks next with a higher offset, so two app instances polling one
 * bot would each lose the other's updates.
 *
 * The lock is a file in a directory every instance sees (the OS temp folder
 * unless told otherwise), named by a hash of the token — never the token — and
 * holding the owner's pid and a per-lock nonce. It is made complete under a
 * temporary name and linked into place, which fails if the file exists: no
 * reader ever sees a half-written lock. A lock whose pid is no longer running
 * is stale and taken over. Two processes taking over the same stale lock at
 * once could both win; `acquire` is called before every poll and re-reads the
 * file, so the loser finds the other's nonce and stops at its next poll.
 * A pid reused by an unrelated process keeps a dead app's lock alive until that
 * process ends (or the temp folder is cleared at reboot).
 */
export class PollerLock {
  readonly path: string;
  private readonly nonce = randomUUID();
  private held = false;

  constructor(token: string, dir: string = tmpdir()) {
    const name = createHash('sha256').update(token).digest('hex').slice(0, 32);
    this.path = join(dir, `switchboard-telegram-${name}.lock`);
  }

  /** Takes the lock, or confirms this instance still holds it. When another process holds it, says which pid (null when unreadable). */
  acquire(): LockState {
    for (let round = 0; round < TAKEOVER_ROUNDS; round++) {
      if (this.create()) return this.taken();
      const { text, holder } = this.read();
      if (text === null) continue; // released between our two steps: try again
      if (holder?.nonce === this.nonce) return this.taken();
      if (holder && isRunning(holder.pid)) return this.lost(holder.pid);
      // Stale (its process is gone) or not a lock we can read: remove it, unless it changed meanwhile.
      if (this.read().text === text) removeIfPresent(this.path);
    }
    return this.lost(this.read().holder?.pid ?? null);
  }

  /** Lets another instance poll; a no-op unless this instance holds the lock. */
  release(): void {
    if (this.held && this.read().holder?.nonce === this.nonce) removeIfPresent(this.path);
    this.held = false;
  }

  private taken(): LockState {
    this.held = true;
    return { held: true };
  }

  private lost(pid: number | null): LockState {
    this.held = false;
    return { held: false, pid };
  }

  private create(): boolean {
    const draft = `${this.path}.${this.nonce}.tmp`;
    writeFileSync(draft, JSON.stringify({ pid: process.pid, nonce: this.nonce } satisfies Holder), { mode: 0o600 });
    try {
      linkSync(draft, this.path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      removeIfPresent(draft);
    }
  }

  private read(): { text: string | null; holder: Holder | null } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, holder: null };
      throw error;
    }
    return { text, holder: parseHolder(text) };
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder> | null;
    return value && Number.isSafeInteger(value.pid) && value.pid! > 0 && typeof value.nonce === 'string' ? { pid: value.pid!, nonce: value.nonce } : null;
  } catch {
    return null;
  }
}

/** Signal 0 checks that a process exists; EPERM means it exists but belongs to another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
