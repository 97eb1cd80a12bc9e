import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../../main/electron/safe-storage-store';
import { findSecretsInDir } from '../helpers/secret-scan';
import { tempDir } from '../helpers/temp-dir';
import { fakeCipher } from './fake-cipher';
import { describeSecretStore, refusal } from './store-behaviour';

describeSecretStore('the safeStorage store', () => new SafeStorageSecretStore(fakeCipher(), join(tempDir(), 'secrets.bin')));

/** A fingerprint of the file, to show it was not touched (comparing megabytes byte by byte in expect is slow). */
function digest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function fileStore(cipher = fakeCipher()) {
  const dir = tempDir();
  const file = join(dir, 'secrets.bin');
  return { dir, file, cipher, store: new SafeStorageSecretStore(cipher, file) };
}

describe('the safeStorage store on disk', () => {
  it('writes one encrypted file, readable by the user only, with no plain token in it or beside it', async () => {
    const { dir, file, store } = fileStore();
    await store.set('acc-1', 'EAAB-plain-page-token');
    await store.set('acc-2', 'second-plain-token');
    await store.delete('acc-2');
    expect(readdirSync(dir)).toEqual(['secrets.bin']); // no temp file left behind
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(findSecretsInDir(dir, ['EAAB-plain-page-token', 'second-plain-token', 'acc-1'])).toEqual([]);
  });

  it('gives the same secrets to the next process that opens the file with the same key', async () => {
    const { file, cipher, store } = fileStore();
    await store.set('acc-1', 'token-before-restart');
    const reopened = new SafeStorageSecretStore(cipher, file);
    expect(await reopened.get('acc-1')).toBe('token-before-restart');
    expect(await reopened.list()).toEqual(['acc-1']);
  });

  it('refuses to store anything while encryption is unavailable, and says so', async () => {
    const { file, cipher, store } = fileStore();
    cipher.available = false;
    const error = await refusal(store.set('acc-1', 'token'));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/Encrypted storage is not available/);
    expect(existsSync(file)).toBe(false);
    // No file means no secrets, which needs no decryption: the keychain chooser relies on this.
    expect(await store.list()).toEqual([]);
  });

  it('refuses to read an existing file while encryption is unavailable, and keeps it', async () => {
    const { file, cipher, store } = fileStore();
    await store.set('acc-1', 'token');
    const before = digest(file);
    cipher.available = false;
    expect((await refusal(store.get('acc-1'))).code).toBe('unavailable');
    expect((await refusal(store.delete('acc-1'))).code).toBe('unavailable');
    cipher.available = true;
    expect(digest(file)).toBe(before);
    expect(await store.get('acc-1')).toBe('token');
  });

  it("refuses Linux's basic_text backend, whose key is public", async () => {
    const { file, cipher, store } = fileStore();
    cipher.backend = 'basic_text';
    const error = await refusal(store.set('acc-1', 'token'));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/fixed, public key/);
    expect(existsSync(file)).toBe(false);
  });

  it('keeps the previous file intact when encryption fails mid-session, without echoing the secrets', async () => {
    const { file, cipher, store } = fileStore();
    await store.set('acc-1', 'first-token');
    const before = digest(file);
    cipher.failNextEncrypt = true;
    const error = await refusal(store.set('acc-2', 'second-token'));
    expect(error.code).toBe('failed');
    expect(`${error.message} ${error.stack}`).not.toMatch(/first-token|second-token/);
    expect(digest(file)).toBe(before);
    expect(await store.list()).toEqual(['acc-1']);
  });

  describe('a corrupt file is reported and left as it is', () => {
    const cases: [string, (file: string, cipher: ReturnType<typeof fakeCipher>) => void, RegExp][] = [
      ['random bytes', (file) => writeFileSync(file, Buffer.from('not encrypted at all')), /does not decrypt/],
      ["another user's key", (file) => writeFileSync(file, fakeCipher().encryptString('{"version":1,"entries":[]}')), /does not decrypt/],
      ['text that is not JSON', (file, cipher) => writeFileSync(file, cipher.encryptString('{"acc-1": "leaked-token-in-broken-json"')), /not JSON/],
      ['JSON of another shape', (file, cipher) => writeFileSync(file, cipher.encryptString('{"version":1,"entries":{"acc-1":"leaked-token"}}')), /not a secret list/],
      ['a file far too big to be ours', (file) => (writeFileSync(file, ''), truncateSync(file, 9 * 1024 * 1024)), /larger than/],
    ];
    for (const [what, damage, reason] of cases) {
      it(`when it holds ${what}`, async () => {
        const { file, cipher, store } = fileStore();
        damage(file, cipher);
        const before = digest(file);
        for (const attempt of [store.get('acc-1'), store.list(), store.set('acc-1', 'new-token'), store.delete('acc-1')]) {
          const error = await refusal(attempt);
          expect(error.code).toBe('corrupt');
          expect(error.message).toMatch(reason);
          expect(error.message).toContain(file);
          expect(error.message).not.toContain('leaked-token');
        }
        expect(digest(file)).toBe(before);
      });
    }
  });
});
