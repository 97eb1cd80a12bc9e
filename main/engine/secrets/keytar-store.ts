import type * as Keytar from 'keytar';
import { checkKey, checkSecret, safeReason, SecretStoreError, type SecretStore } from './secret-store';

/** The part of keytar this store uses; tests of error handling pass a fake. */
export type KeytarApi = Pick<typeof Keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;

/**
 * Loads keytar's native module. It is loaded on demand, not imported, so a
 * machine whose keytar build is missing or cannot find libsecret still starts
 * and falls back (see chooseSecretStore) instead of crashing on start-up.
 */
export async function loadKeytar(): Promise<KeytarApi> {
  try {
    const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
    // keytar is CommonJS: depending on who loads it, its functions sit on the namespace or on `default`.
    return loaded.default ?? loaded;
  } catch (error) {
    throw new SecretStoreError('unavailable', `The OS keychain module could not be loaded: ${safeReason(error)}`);
  }
}

let kept: Promise<void> | undefined;

/**
 * Loads keytar once in the calling thread and keeps it for the life of the
 * process. Hosts call it before they start an engine thread: each engine
 * thread loads keytar for itself, and when the last thread holding it ends,
 * the native module is unloaded with libsecret, whose GLib types stay
 * registered; the next engine thread (a restart after a crash) then hangs
 * inside its first keychain call. Held here, the library is never unloaded.
 * A keytar that does not load is the engine thread's to report, not this.
 */
export function keepKeytarLoaded(): Promise<void> {
  kept ??= loadKeytar().then(
    () => undefined,
    () => undefined,
  );
  return kept;
}

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, the
 * Secret Service on Linux), one keychain "service" per workspace
 * (workspaceSecretService) with account ids as the keychain's account names.
 */
export class KeytarSecretStore implements SecretStore {
  constructor(
    private readonly keytar: KeytarApi,
    readonly service: string,
  ) {}

  async get(key: string): Promise<string | null> {
    checkKey(key);
    return this.call('read', key, () => this.keytar.getPassword(this.service, key));
  }

  async set(key: string, secret: string): Promise<void> {
    checkSecret(checkKey(key), secret);
    await this.call('save', key, () => this.keytar.setPassword(this.service, key, secret), secret);
  }

  async delete(key: string): Promise<boolean> {
    checkKey(key);
    return this.call('delete', key, () => this.keytar.deletePassword(this.service, key));
  }

  async list(): Promise<string[]> {
    const found = await this.call('list', undefined, () => this.keytar.findCredentials(this.service));
    return found.map((credential) => credential.account);
  }

  private async call<T>(what: string, key: string | undefined, operation: () => Promise<T>, secret?: string): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const subject = key === undefined ? `the secrets of ${this.service}` : `the secret for ${key}`;
      throw new SecretStoreError('failed', `Could not ${what} ${subject} in the OS keychain: ${safeReason(error, secret)}`, key);
    }
  }
}
