import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What the browser host runs; the oldest of them dates the build. */
const OUTPUTS = ['dist/main/web.cjs', 'dist/main/engine-worker.cjs', 'dist/renderer/index.html'];
/** What goes into that build. */
const INPUTS = ['main', 'renderer', 'shared', 'preload', 'scripts/build.mjs', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function oldestOutput(): number {
  return Math.min(...OUTPUTS.map((path) => statSync(join(ROOT, path), { throwIfNoEntry: false })?.mtimeMs ?? 0));
}

/**
 * Builds the hosts and the renderer when dist/ is missing or older than its
 * sources, so the renderer figures are always of the code in the tree. The
 * build's own output goes to stderr: stdout carries only the figures.
 */
export function ensureBuilt(progress: (message: string) => void): void {
  if (Math.max(...INPUTS.map((path) => newestChange(join(ROOT, path)))) <= oldestOutput()) return;
  progress('renderer: dist/ is missing or stale, building (node scripts/build.mjs)');
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
}
