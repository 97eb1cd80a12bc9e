import { afterEach, describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, MAX_SECRET_LENGTH, SecretStoreError, type SecretStore } from '../../../main/engine/secrets/secret-store';

/** Opens the store of one workspace; the same name must give the same workspace, another name another. */
export type OpenStore = (workspace: string) => SecretStore | Promise<SecretStore>;

/** The rejection of `promise`, which must be a SecretStoreError. */
export async function refusal(promise: Promise<unknown>): Promise<SecretStoreError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SecretStoreError);
  return error as SecretStoreError;
}

// Long and mixed, so a store that truncates, re-encodes or trims shows it.
const PATTERN = 'Ab-Ж_ż🔑.';
const LONGEST = PATTERN.repeat(Math.floor(MAX_SECRET_LENGTH / PATTERN.length)) + 'Z'.repeat(MAX_SECRET_LENGTH % PATTERN.length);

/**
 * What every SecretStore must do, whatever keeps the secrets. Run against the
 * memory and safeStorage stores in the unit tests and against the OS keychain
 * in the keychain tests. Every entry a test creates is deleted after it.
 */
export function describeSecretStore(name: string, open: OpenStore): void {
  describe(`${name} as a SecretStore`, () => {
    const opened: SecretStore[] = [];
    const store = async (workspace = 'workspace-a') => {
      const opening = await open(workspace);
      opened.push(opening);
      return opening;
    };
    afterEach(async () => {
      for (const each of opened.splice(0)) for (const key of await each.list()) await each.delete(key);
    });

    it('has nothing for a key it was never given', async () => {
      const secrets = await store();
      expect(await secrets.get('acc-1')).toBeNull();
      expect(await secrets.list()).toEqual([]);
      expect(await secrets.delete('acc-1')).toBe(false);
    });

    it('gives back each secret under its own key and lists every key', async () => {
      const secrets = await store();
      await secrets.set('acc-1', 'EAAB-page-token-1');
      await secrets.set('acc-2', '123456:AAH-telegram-bot');
      await secrets.set('acc-3', 'vk1.a.token');
      expect(await secrets.get('acc-1')).toBe('EAAB-page-token-1');
      expect(await secrets.get('acc-2')).toBe('123456:AAH-telegram-bot');
      expect(await secrets.get('acc-3')).toBe('vk1.a.token');
      expect((await secrets.list()).sort()).toEqual(['acc-1', 'acc-2', 'acc-3']);
    });

    it('replaces the secret when a key is set again', async () => {
      const secrets = await store();
      await secrets.set('acc-1', 'old-token');
      await secrets.set('acc-1', 'new-token');
      expect(await secrets.get('acc-1')).toBe('new-token');
      expect(await secrets.list()).toEqual(['acc-1']);
    });

    it('deletes a key once: true, then false, and the others stay', async () => {
      const secrets = await store();
      await secrets.set('acc-1', 'token-1');
      await secrets.set('acc-2', 'token-2');
      expect(await secrets.delete('acc-1')).toBe(true);
      expect(await secrets.delete('acc-1')).toBe(false);
      expect(await secrets.get('acc-1')).toBeNull();
      expect(await secrets.get('acc-2')).toBe('token-2');
      expect(await secrets.list()).toEqual(['acc-2']);
    });

    it('keeps any script, any key shape and the longest allowed secret intact', async () => {
      const secrets = await store();
      const entries: [string, string][] = [
        ['01JD5Q7Z8X9Y0ABCDEFGHJKMNP', 'токен-żółć-🔑 with spaces '],
        ['vk:group/123@brand.example', ' "quoted\\slashed" '],
        ['__proto__', 'prototype-named key'],
        ['constructor', 'another built-in name'],
        ['k'.repeat(MAX_KEY_LENGTH), LONGEST],
      ];
      for (const [key, secret] of entries) await secrets.set(key, secret);
      for (const [key, secret] of entries) expect(await secrets.get(key)).toBe(secret);
      expect((await secrets.list()).sort()).toEqual(entries.map(([key]) => key).sort());
    });

    it('refuses keys and secrets it could not keep intact, stores nothing, and never repeats the secret', async () => {
      const secrets = await store();
      const mark = 'MARK-of-the-secret';
      const badSecrets = ['', `${mark}\0nul`, `${mark}\uD800lone-surrogate`, mark.repeat(MAX_SECRET_LENGTH)];
      for (const secret of badSecrets) {
        const error = await refusal(secrets.set('acc-1', secret));
        expect(error.code).toBe('invalid');
        expect(error.key).toBe('acc-1');
        expect(`${error.message} ${error.stack}`).not.toContain(mark);
      }
      expect((await refusal(secrets.set('acc-1', 42 as unknown as string))).code).toBe('invalid');
      const badKeys = ['', 'line\nbreak', '\uDC00', 'k'.repeat(MAX_KEY_LENGTH + 1), null as unknown as string];
      for (const key of badKeys) {
        expect((await refusal(secrets.set(key, 'token'))).code).toBe('invalid');
        expect((await refusal(secrets.get(key))).code).toBe('invalid');
        expect((await refusal(secrets.delete(key))).code).toBe('invalid');
      }
      expect(await secrets.list()).toEqual([]);
    });

    it('keeps workspaces apart', async () => {
      const a = await store('workspace-a');
      const b = await store('workspace-b');
      await a.set('acc-1', 'token-of-a');
      expect(await b.get('acc-1')).toBeNull();
      expect(await b.list()).toEqual([]);
      await b.set('acc-1', 'token-of-b');
      expect(await b.delete('acc-1')).toBe(true);
      expect(await a.get('acc-1')).toBe('token-of-a');
    });
  });
}
