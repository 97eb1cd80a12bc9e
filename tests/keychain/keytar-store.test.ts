import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../main/electron/safe-storage-store';
import { chooseSecretStore } from '../../main/engine/secrets/choose-store';
import { KeytarSecretStore, loadKeytar } from '../../main/engine/secrets/keytar-store';
import { workspaceSecretService } from '../../main/engine/secrets/workspace-service';
import { tempDir } from '../unit/helpers/temp-dir';
import { fakeCipher } from '../unit/secrets/fake-cipher';
import { describeSecretStore } from '../unit/secrets/store-behaviour';
import type { KeychainWorkerData } from './fixtures/keychain-worker';
import { describeWithKeychain } from './secret-service';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = join(ROOT, 'tests/keychain/fixtures/secret-child.ts');
const WORKER = join(ROOT, 'tests/keychain/fixtures/keychain-worker.ts');

// A fresh prefix per run, so entries left by a run that was killed never meet this one.
const RUN = randomUUID().slice(0, 8);
const touched = new Set<string>();
/** A keychain store on `service`, remembered so afterAll can check it was left empty. */
async function keychain(service: string): Promise<KeytarSecretStore> {
  touched.add(service);
  return new KeytarSecretStore(await loadKeytar(), service);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args`, feeding `stdin`, and collects what it printed. */
async function run(command: string, args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

const APP = [process.execPath, '--import', 'tsx', CHILD] as const;

/** One short-lived "app" process (fixtures/secret-child.ts) on the workspace in `dataDir`, in this keyring session. */
async function app(args: string[], stdin = ''): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await run(APP[0], [...APP.slice(1), ...args], { stdin });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as Record<string, unknown>;
}

/**
 * Which store start-up picks on a machine whose session is described by
 * `env`, through `prefix` (e.g. a D-Bus session of its own). The display is
 * removed, so a keyring prompt can never pop up on a developer's screen.
 */
async function chosenWith(env: NodeJS.ProcessEnv, prefix: string[] = []): Promise<Record<string, unknown>> {
  const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = env;
  const [command = APP[0], ...args] = [...prefix, ...APP, 'choose', tempDir()];
  const { code, stdout, stderr } = await run(command, args, { env: rest });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>;
}

describeWithKeychain('the OS keychain through a real Secret Service', () => {
  afterAll(async () => {
    for (const service of touched) {
      const store = await keychain(service);
      for (const key of await store.list()) await store.delete(key);
      expect(await store.list()).toEqual([]);
    }
  });

  describeSecretStore('the keytar store', (workspace) => keychain(`Switchboard-test/${RUN}/${workspace}`));

  it('keeps an account across an app restart, for that workspace only', async () => {
    const workspace = tempDir();
    const other = tempDir();
    touched.add(workspaceSecretService(workspace)).add(workspaceSecretService(other));

    expect(await app(['set', workspace, 'acc-restart'], 'EAAB-token-across-restart')).toEqual({ backend: 'keychain' });
    expect(await app(['get', workspace, 'acc-restart'])).toEqual({ backend: 'keychain', secret: 'EAAB-token-across-restart' });
    expect(await app(['list', workspace])).toEqual({ backend: 'keychain', keys: ['acc-restart'] });

    expect(await app(['get', other, 'acc-restart'])).toEqual({ backend: 'keychain', secret: null });
    expect(await app(['list', other])).toEqual({ backend: 'keychain', keys: [] });

    expect(await app(['delete', workspace, 'acc-restart'])).toEqual({ backend: 'keychain', deleted: true });
    expect(await app(['get', workspace, 'acc-restart'])).toEqual({ backend: 'keychain', secret: null });
  });

  it('works from a worker thread, where the engine runs', async () => {
    const data: KeychainWorkerData = { service: `Switchboard-test/${RUN}/worker`, key: 'acc-worker', secret: 'token-from-the-engine-thread' };
    touched.add(data.service);
    // Node 20 does not pass `--import tsx` on to workers: the TypeScript file starts behind tsx's require hook.
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)});`, { eval: true, workerData: data });
    const [message] = (await once(worker, 'message')) as [{ report?: unknown; error?: string }];
    await worker.terminate();
    expect(message).toEqual({ report: { isMainThread: false, backend: 'keychain', readBack: data.secret, keys: [data.key] } });
    // It really went into the Secret Service: this thread reads it from there.
    expect(await (await keychain(data.service)).get(data.key)).toBe(data.secret);
  });

  it('is passed over for the fallback, with the reason, where there is no D-Bus session', async () => {
    // GDBus also looks for $XDG_RUNTIME_DIR/bus: that points at an empty folder too.
    const { DBUS_SESSION_BUS_ADDRESS: _bus, ...env } = process.env;
    expect(await chosenWith({ ...env, XDG_RUNTIME_DIR: tempDir() })).toEqual({ backend: 'fallback', problem: { code: 'unavailable', message: expect.stringMatching(/D-Bus/) } });
  });

  it('is passed over for the fallback where the Secret Service has no keyring to write into', async () => {
    // A D-Bus session of its own, where gnome-keyring starts on demand (D-Bus
    // activation) but no login keyring was ever created or unlocked: searches
    // answer, writes are refused. That is a headless Linux box as shipped.
    const home = tempDir();
    mkdirSync(join(home, 'data'), { mode: 0o700 });
    mkdirSync(join(home, 'run'), { mode: 0o700 });
    const env = { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: join(home, 'run') };
    const chosen = await chosenWith(env, ['dbus-run-session', '--']);
    expect(chosen).toEqual({ backend: 'fallback', problem: { code: 'unavailable', message: expect.stringMatching(/^The OS keychain is not available: Could not save/) } });
  });

  it('moves the safeStorage fallback into the keychain when the keychain answers', async () => {
    const service = `Switchboard-test/${RUN}/migrate`;
    touched.add(service);
    const fallback = new SafeStorageSecretStore(fakeCipher(), join(tempDir(), 'secrets.bin'));
    await fallback.set('acc-1', 'token-kept-while-the-keychain-was-away');
    await fallback.set('acc-2', 'second-fallback-token');

    const choice = await chooseSecretStore({ service, fallback });
    expect(choice.backend).toBe('keychain');
    expect(choice.problem).toBeUndefined();
    expect(choice.migrated.sort()).toEqual(['acc-1', 'acc-2']);
    expect(await fallback.list()).toEqual([]);
    const reopened = await keychain(service);
    expect(await reopened.get('acc-1')).toBe('token-kept-while-the-keychain-was-away');
    expect(await reopened.get('acc-2')).toBe('second-fallback-token');
  });
});
