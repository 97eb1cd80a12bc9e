import type { SecretStore } from '../../../main/engine/secrets/secret-store';

/**
 * Wraps a real store so that the n-th call of one operation fails as if the
 * process died right there, before the call reached the store. Every other
 * call goes through untouched.
 */
export function crashOn(inner: SecretStore, operation: keyof SecretStore, nth = 1): SecretStore {
  let calls = 0;
  const guarded =
    <A extends unknown[], R>(name: keyof SecretStore, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (name === operation && ++calls === nth) throw new Error(`simulated crash in ${operation} #${nth}`);
      return call(...args);
    };
  return {
    get: guarded('get', (key: string) => inner.get(key)),
    set: guarded('set', (key: string, secret: string) => inner.set(key, secret)),
    delete: guarded('delete', (key: string) => inner.delete(key)),
    list: guarded('list', () => inner.list()),
  };
}

/** A store that accepts every write but keeps it one character short, like a keychain that truncates. */
export function truncating(inner: SecretStore): SecretStore {
  return {
    get: (key) => inner.get(key),
    set: (key, secret) => inner.set(key, secret.slice(0, -1)),
    delete: (key) => inner.delete(key),
    list: () => inner.list(),
  };
}
