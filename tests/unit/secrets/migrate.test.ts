import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../../main/electron/safe-storage-store';
import { MemorySecretStore } from '../../../main/engine/secrets/memory-store';
import { migrateSecrets } from '../../../main/engine/secrets/migrate';
import type { SecretStore } from '../../../main/engine/secrets/secret-store';
import { tempDir } from '../helpers/temp-dir';
import { fakeCipher } from './fake-cipher';
import { crashOn, truncating } from './faulty-store';
import { refusal } from './store-behaviour';

const TOKENS: Record<string, string> = { 'acc-1': 'token-one', 'acc-2': 'token-two', 'acc-3': 'токен-три' };

async function filled(store: SecretStore): Promise<SecretStore> {
  for (const [key, secret] of Object.entries(TOKENS)) await store.set(key, secret);
  return store;
}

async function contents(store: SecretStore): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const key of await store.list()) found[key] = (await store.get(key))!;
  return found;
}

const safeStorage = () => new SafeStorageSecretStore(fakeCipher(), join(tempDir(), 'secrets.bin'));

describe('migrateSecrets', () => {
  it('moves every secret from the safeStorage file into another store, and back', async () => {
    const file = await filled(safeStorage());
    const memory = new MemorySecretStore();
    expect((await migrateSecrets(file, memory)).sort()).toEqual(['acc-1', 'acc-2', 'acc-3']);
    expect(await contents(memory)).toEqual(TOKENS);
    expect(await file.list()).toEqual([]);

    expect((await migrateSecrets(memory, file)).sort()).toEqual(['acc-1', 'acc-2', 'acc-3']);
    expect(await contents(file)).toEqual(TOKENS);
    expect(await memory.list()).toEqual([]);
  });

  it('does nothing the second time', async () => {
    const from = await filled(new MemorySecretStore());
    const to = new MemorySecretStore();
    await migrateSecrets(from, to);
    expect(await migrateSecrets(from, to)).toEqual([]);
    expect(await contents(to)).toEqual(TOKENS);
  });

  for (const nth of [1, 2, 3]) {
    it(`loses nothing when it dies between copying and deleting secret #${nth}, and a re-run finishes`, async () => {
      const from = await filled(safeStorage());
      const to = new MemorySecretStore();
      await expect(migrateSecrets(crashOn(from, 'delete', nth), to)).rejects.toThrow(/simulated crash/);
      // Every secret is in one store or the other, and the one in flight is in both.
      const survivors = { ...(await contents(from)), ...(await contents(to)) };
      expect(survivors).toEqual(TOKENS);
      expect((await to.list()).length).toBe(nth);

      await migrateSecrets(from, to);
      expect(await contents(to)).toEqual(TOKENS);
      expect(await from.list()).toEqual([]);
    });
  }

  it('keeps the secret in the old store when the new one does not give it back intact', async () => {
    const from = await filled(new MemorySecretStore());
    const error = await refusal(migrateSecrets(from, truncating(new MemorySecretStore())));
    expect(error.code).toBe('failed');
    expect(error.message).toMatch(/did not read back intact/);
    expect(error.message).not.toMatch(/token-/);
    expect(await contents(from)).toEqual(TOKENS);
  });

  it('lets the source win a conflict: it holds the token set most recently', async () => {
    const from = await filled(new MemorySecretStore());
    const to = new MemorySecretStore();
    await to.set('acc-1', 'stale-token');
    await to.set('acc-9', 'only-in-target');
    await migrateSecrets(from, to);
    expect(await contents(to)).toEqual({ ...TOKENS, 'acc-9': 'only-in-target' });
  });
});
