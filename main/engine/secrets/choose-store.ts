import { randomBytes } from 'node:crypto';
import { KeytarSecretStore, loadKeytar, type KeytarApi } from './keytar-store';
import { migrateSecrets } from './migrate';
import { safeReason, SecretStoreError, type SecretStore } from './secret-store';

/** How long the keychain gets to answer the first call before it is taken to be missing. */
export const DEFAULT_PROBE_TIMEOUT_MS = 5_000;

export interface ChooseSecretStoreOptions {
  /** The workspace's keychain service (workspaceSecretService). */
  service: string;
  /** Where secrets go when the keychain is unavailable (Electron's safeStorage under the desktop app). */
  fallback?: SecretStore;
  probeTimeoutMs?: number;
  /** Loads keytar; tests pass one that fails or never answers. */
  loadKeytar?: () => Promise<KeytarApi>;
}

export interface SecretStoreChoice {
  store: SecretStore;
  backend: 'keychain' | 'fallback';
  /** Keys moved from the fallback into the keychain on this start. */
  migrated: string[];
  /**
   * Why the keychain was not used, or why secrets left in the fallback could
   * not be moved into it. Worth showing: the user may have accounts whose
   * tokens are out of reach until it is fixed.
   */
  problem?: SecretStoreError;
}

/**
 * Picks the keychain when it answers and the fallback otherwise. Secrets the
 * fallback took while the keychain was away move into the keychain on the
 * first start that finds it back.
 */
export async function chooseSecretStore(options: ChooseSecretStoreOptions): Promise<SecretStoreChoice> {
  const { fallback } = options;
  let keychain: KeytarSecretStore;
  try {
    const keytar = await (options.loadKeytar ?? loadKeytar)();
    keychain = new KeytarSecretStore(keytar, options.service);
    await withTimeout(probe(keytar, options.service), options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
  } catch (error) {
    const problem = error instanceof SecretStoreError && error.code === 'unavailable' ? error : new SecretStoreError('unavailable', `The OS keychain is not available: ${safeReason(error)}`);
    if (!fallback) throw problem;
    return { store: fallback, backend: 'fallback', migrated: [], problem };
  }
  if (!fallback) return { store: keychain, backend: 'keychain', migrated: [] };
  try {
    return { store: keychain, backend: 'keychain', migrated: await migrateSecrets(fallback, keychain) };
  } catch (error) {
    const problem = error instanceof SecretStoreError ? error : new SecretStoreError('failed', safeReason(error));
    return { store: keychain, backend: 'keychain', migrated: [], problem };
  }
}

/**
 * Does once what the store will do all day: write, read back, delete, list.
 * Listing alone is not enough: on a Linux box with no login keyring, the
 * Secret Service answers searches but refuses every write. The test entry
 * goes under a service of its own, so the workspace's list never shows it.
 */
async function probe(keytar: KeytarApi, service: string): Promise<void> {
  const probing = new KeytarSecretStore(keytar, `${service}/probe`);
  const value = `probe-${randomBytes(8).toString('hex')}`;
  await probing.set('probe', value);
  if ((await probing.get('probe')) !== value) throw new SecretStoreError('unavailable', 'The OS keychain did not give back what was just stored in it');
  await probing.delete('probe');
  await new KeytarSecretStore(keytar, service).list();
}

/**
 * Where no Secret Service runs, or one waits for a password prompt nobody
 * sees, keychain calls can wait indefinitely; the stuck call is abandoned.
 */
async function withTimeout(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SecretStoreError('unavailable', `The OS keychain did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
