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
    keychain = new KeytarSecretStore(await (options.loadKeytar ?? loadKeytar)(), options.service);
    await probe(keychain, options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
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
 * Lists the workspace's keys, the same call the store depends on later. Where
 * no Secret Service runs, libsecret may wait on D-Bus activation for a long
 * time, so the answer is raced against a timer; the stuck call is abandoned.
 */
async function probe(keychain: KeytarSecretStore, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SecretStoreError('unavailable', `The OS keychain did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([keychain.list(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
