import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Removes the directory once `pid` is gone. The bench spends minutes in
 * synchronous SQLite calls, during which a signal handler never gets to run,
 * so an interrupted or killed run is cleaned up by this separate process.
 */
const WATCHDOG = `
const [dir, pid] = process.argv.slice(1);
const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
const timer = setInterval(() => {
  if (alive()) return;
  clearInterval(timer);
  require('node:fs').rmSync(dir, { recursive: true, force: true });
}, 500);
`;

export interface TempDir {
  path: string;
  remove(): void;
}

/** A scratch directory under the OS temp folder, removed by `remove()` or, failing that, when this process ends. */
export function createTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  spawn(process.execPath, ['-e', WATCHDOG, path, String(process.pid)], { detached: true, stdio: 'ignore' }).unref();
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
