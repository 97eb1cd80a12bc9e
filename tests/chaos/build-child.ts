import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist', 'chaos');

/**
 * Bundles engine-child.ts (and the spell worker, which the engine starts from
 * beside its own bundle) the way scripts/build.mjs bundles the hosts: a child
 * is started hundreds of times in a run, and a bundle starts in a fraction of
 * the time tsx needs to compile the engine from source.
 */
export async function buildEngineChild(): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { 'engine-child': 'tests/chaos/engine-child.ts', 'spell-worker': 'main/engine/spell/worker.ts' },
    outdir: OUT_DIR,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return join(OUT_DIR, 'engine-child.cjs');
}
