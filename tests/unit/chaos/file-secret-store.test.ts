import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../../main/engine/secrets/secret-store';
import { FileSecretStore } from '../../../tests/chaos/file-secret-store';
import { tempDir } from '../helpers/temp-dir';
import { describeSecretStore } from '../secrets/store-behaviour';

// One folder for the whole behavioural suite: a workspace's file must outlive each test's own store objects.
const suiteDir = mkdtempSync(join(tmpdir(), 'switchboard-file-secrets-'));
afterAll(() => rmSync(suiteDir, { recursive: true, force: true }));
describeSecretStore('the chaos file store', (workspace) => new FileSecretStore(join(suiteDir, `${workspace}.json`)));

describe('the chaos file store', () => {
  it('gives the next process what the last one wrote, and leaves no temporary file behind', async () => {
    const dir = tempDir('switchboard-file-secrets-');
    const file = join(dir, 'secrets.json');
    const first = new FileSecretStore(file);
    await first.set('acc-1', 'token-1');
    await first.set('acc-2', 'token-2');
    await first.delete('acc-1');
    const next = new FileSecretStore(file);
    expect(await next.list()).toEqual(['acc-2']);
    expect(await next.get('acc-2')).toBe('token-2');
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it.each([['{"acc-1": 42}'], ['{"acc-1": "tok']])('refuses a file that is not a map of strings (%s) rather than starting empty', (text) => {
    const file = join(tempDir('switchboard-file-secrets-'), 'secrets.json');
    writeFileSync(file, text);
    expect(() => new FileSecretStore(file)).toThrow(SecretStoreError);
  });
});
