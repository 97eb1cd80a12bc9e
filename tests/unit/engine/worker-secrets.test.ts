import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../shared/rpc';
import { memoryTransport } from '../../../shared/rpc/transports/memory';
import { SafeStorageSecretStore } from '../../../main/electron/safe-storage-store';
import { startEngineThread, type EngineHostServices } from '../../../main/engine/worker-proxy';
import { telegramConfig } from '../accounts/harness';
import { findSecretsInDir } from '../helpers/secret-scan';
import { tempDir } from '../helpers/temp-dir';
import { fakeTelegram } from '../platforms/telegram/harness';
import { fakeCipher } from '../secrets/fake-cipher';

/**
 * The real engine worker, bundled as scripts/build.mjs bundles it, on a
 * machine whose OS keychain cannot be reached: what the desktop app's
 * safeStorage fallback is for. The bundle goes under dist/ (ignored by git) so
 * its npm packages resolve from the project's node_modules, as in the app.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let outDir: string;
let workerFile: string;
let emptyRuntimeDir: string;

beforeAll(async () => {
  // No session bus (GDBus also looks in $XDG_RUNTIME_DIR) and no display to autolaunch one: libsecret,
  // which keytar calls in the engine thread of this process, finds no Secret Service and says so.
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY']) vi.stubEnv(name, undefined);
  emptyRuntimeDir = mkdtempSync(join(tmpdir(), 'switchboard-no-bus-'));
  vi.stubEnv('XDG_RUNTIME_DIR', emptyRuntimeDir);
  mkdirSync(join(ROOT, 'dist'), { recursive: true }); // unit tests run before any build
  outDir = mkdtempSync(join(ROOT, 'dist', 'test-worker-secrets-'));
  workerFile = join(outDir, 'engine-worker.cjs');
  await build({ entryPoints: [join(ROOT, 'main/engine/worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: workerFile, logLevel: 'warning' });
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  rmSync(emptyRuntimeDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

async function engineOn(services: EngineHostServices, dataDir = tempDir(), logDir = tempDir()) {
  const engine = await startEngineThread(workerFile, { dataDir, logDir }, services);
  return { dataDir, logDir, engine, client: createClient(memoryTransport(engine)) };
}

// Only Linux reaches its keychain through D-Bus; elsewhere this would be the user's real keychain.
describe.skipIf(process.platform !== 'linux')('the engine worker without an OS keychain', () => {
  it("keeps a new account's token in the host's safeStorage file, and nowhere in the workspace", async () => {
    const fake = await fakeTelegram();
    const hostDir = tempDir();
    const fallback = new SafeStorageSecretStore(fakeCipher(), join(hostDir, 'secrets.bin'));
    const { dataDir, logDir, engine, client } = await engineOn({ secretFallback: fallback });
    try {
      expect((await client.call('accounts.list', {})).keychain).toEqual({ available: true, problem: null });
      const account = await client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
      expect(await fallback.list()).toEqual([account.id]);
      expect(await fallback.get(account.id)).toBe(fake.token);
      expect(await client.call('accounts.test', { id: account.id })).toMatchObject({ ok: true, problem: null });
    } finally {
      await engine.close();
    }
    expect(readFileSync(join(logDir, 'engine.log'), 'utf8')).toMatch(/WARN secrets: the OS keychain is not used, tokens go to the app's fallback store: The OS keychain is not available: .*D-Bus/);
    expect(findSecretsInDir(dataDir, [fake.token])).toEqual([]);
    expect(findSecretsInDir(hostDir, [fake.token])).toEqual([]); // encrypted on disk
  });

  it('gives a restarted engine thread, in the same process, the token it kept before', async () => {
    // A restart after a crash loads keytar again in a new thread; with nothing holding keytar in the
    // host, libsecret was unloaded with the old thread and the new one hung in its first keychain call.
    const fake = await fakeTelegram();
    const fallback = new SafeStorageSecretStore(fakeCipher(), join(tempDir(), 'secrets.bin'));
    const first = await engineOn({ secretFallback: fallback });
    const account = await first.client.call('accounts.add', { platform: 'telegram', token: fake.token, config: telegramConfig(fake) });
    await first.engine.close();

    const restarted = await engineOn({ secretFallback: fallback }, first.dataDir, first.logDir);
    try {
      // A token the restarted engine could not read would answer 'No token is stored for this account'.
      expect(await restarted.client.call('accounts.test', { id: account.id })).toMatchObject({ ok: true, problem: null });
    } finally {
      await restarted.engine.close();
    }
  });

  it('refuses to add accounts, and says why, when the host offers no fallback (the browser host)', async () => {
    const { engine, client } = await engineOn({});
    try {
      const { keychain } = await client.call('accounts.list', {});
      expect(keychain).toMatchObject({ available: false, problem: expect.stringMatching(/^The OS keychain is not available: .*D-Bus/) });
    } finally {
      await engine.close();
    }
  });
});
