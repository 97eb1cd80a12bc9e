// Builds everything a host runs: the renderer (Vite) and the Node/Electron
// entry points (esbuild, CommonJS — Electron's sandboxed preload cannot load
// ESM, and one format for all keeps paths simple). npm packages stay external
// so native modules (better-sqlite3) load from node_modules. The spell worker
// sits beside the engine bundle, which starts it from there; its WASM is inlined
// in hunspell-asm and its dictionaries are read from node_modules at run time.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet') || process.env.CI === 'true';

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  esbuild({ ...node, entryPoints: { web: 'main/web/index.ts', 'engine-worker': 'main/engine/worker.ts', 'spell-worker': 'main/engine/spell/worker.ts', electron: 'main/electron/main.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } }),
  esbuild({ ...node, entryPoints: { preload: 'preload/index.ts' }, outdir: 'dist/preload', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' }),
]);
