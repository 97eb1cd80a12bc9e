import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_FILE } from '../../../main/engine/engine';
import { EngineStartError, startEngineThread } from '../../../main/engine/worker-proxy';
import { tempDir } from '../helpers/temp-dir';

/**
 * The real engine worker, bundled as scripts/build.mjs bundles it, writing its
 * own engine.log. The bundle goes under dist/ (ignored by git) so its npm
 * packages resolve from the project's node_modules, as in the app.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let outDir: string;
let workerFile: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'dist'), { recursive: true }); // unit tests run before any build
  outDir = mkdtempSync(join(ROOT, 'dist', 'test-engine-log-'));
  workerFile = join(outDir, 'engine-worker.cjs');
  await build({ entryPoints: [join(ROOT, 'main/engine/worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: workerFile, logLevel: 'warning' });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the engine worker\'s log', () => {
  it('records why a workspace could not be opened, in engine.log beside the shell\'s', async () => {
    const dataDir = tempDir();
    const logDir = tempDir();
    writeFileSync(join(dataDir, WORKSPACE_FILE), 'this is not a SQLite database, just text that looks like a workspace '.repeat(100));
    const started = startEngineThread(workerFile, { dataDir, logDir });
    await expect(started).rejects.toBeInstanceOf(EngineStartError);
    const log = readFileSync(join(logDir, 'engine.log'), 'utf8');
    expect(log).toMatch(/^\S+ ERROR engine: could not open the workspace: /);
    expect(log.split('\n').filter(Boolean)).toHaveLength(1); // one entry: the stack is on its line
  });

  it('runs and closes a healthy workspace without writing errors', async () => {
    const dataDir = tempDir();
    const logDir = tempDir();
    const engine = await startEngineThread(workerFile, { dataDir, logDir });
    await engine.close();
    expect(() => readFileSync(join(logDir, 'engine.log'), 'utf8')).toThrow(/ENOENT/);
  });
});
