import { SecretStoreError, type SecretStore } from './secret-store';

/**
 * Moves every secret from `from` to `to` and returns the keys it moved.
 *
 * Each secret is written to the target and read back before it is deleted
 * from the source, so a crash at any point leaves every secret in at least one
 * store, and running it again finishes the job. The source wins a conflict:
 * it is the store the app was writing to most recently (the fallback, while
 * the keychain was away), so its token is the newer one.
 */
export async function migrateSecrets(from: SecretStore, to: SecretStore): Promise<string[]> {
  const moved: string[] = [];
  for (const key of await from.list()) {
    const secret = await from.get(key);
    if (secret === null) continue; // removed since it was listed: nothing to move
    if ((await to.get(key)) !== secret) await to.set(key, secret);
    if ((await to.get(key)) !== secret) {
      throw new SecretStoreError('failed', `The secret for ${key} did not read back intact from the new store; it was kept in the old one`, key);
    }
    await from.delete(key);
    moved.push(key);
  }
  return moved;
}
