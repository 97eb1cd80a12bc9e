import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../../main/electron/safe-storage-store';
import { chooseSecretStore } from '../../../main/engine/secrets/choose-store';
import { KeytarSecretStore } from '../../../main/engine/secrets/keytar-store';
import { SecretStoreError } from '../../../main/engine/secrets/secret-store';
import { tempDir } from '../helpers/temp-dir';
import { fakeCipher } from './fake-cipher';
import { fakeKeytar, neverAnswers } from './fake-keytar';
import { refusal } from './store-behaviour';

const SERVICE = 'Switchboard/0123456789abcdef';
const fallbackStore = () => new SafeStorageSecretStore(fakeCipher(), join(tempDir(), 'secrets.bin'));

describe('chooseSecretStore', () => {
  it('takes the keychain when it answers', async () => {
    const keytar = fakeKeytar();
    const choice = await chooseSecretStore({ service: SERVICE, fallback: fallbackStore(), loadKeytar: async () => keytar });
    expect(choice).toMatchObject({ backend: 'keychain', migrated: [] });
    expect(choice.problem).toBeUndefined();
    expect(choice.store).toBeInstanceOf(KeytarSecretStore);
    await choice.store.set('acc-1', 'token');
    expect(await keytar.getPassword(SERVICE, 'acc-1')).toBe('token');
    // The probe cleaned up after itself, and under a service of its own.
    expect(await keytar.findCredentials(`${SERVICE}/probe`)).toEqual([]);
    expect(await choice.store.list()).toEqual(['acc-1']);
  });

  it('falls back when the keychain answers searches but refuses writes, as Linux does without a login keyring', async () => {
    const readOnly = fakeKeytar({
      setPassword: async () => {
        throw new Error('Object does not exist at path “/org/freedesktop/secrets/collection/login”');
      },
    });
    const choice = await chooseSecretStore({ service: SERVICE, fallback: fallbackStore(), loadKeytar: async () => readOnly });
    expect(choice.backend).toBe('fallback');
    expect(choice.problem?.message).toMatch(/collection\/login/);
  });

  it('falls back when the keychain gives back something else than it was given', async () => {
    const truncating = fakeKeytar();
    const keep = truncating.setPassword;
    truncating.setPassword = (service, account, password) => keep(service, account, password.slice(0, 8));
    const choice = await chooseSecretStore({ service: SERVICE, fallback: fallbackStore(), loadKeytar: async () => truncating });
    expect(choice.backend).toBe('fallback');
    expect(choice.problem?.message).toBe('The OS keychain did not give back what was just stored in it');
  });

  it('falls back when the keychain never answers, and says why', async () => {
    const fallback = fallbackStore();
    const keytar = fakeKeytar({ findCredentials: neverAnswers });
    const choice = await chooseSecretStore({ service: SERVICE, fallback, probeTimeoutMs: 50, loadKeytar: async () => keytar });
    expect(choice.backend).toBe('fallback');
    expect(choice.store).toBe(fallback);
    expect(choice.problem).toMatchObject({ code: 'unavailable', message: 'The OS keychain did not answer within 50 ms' });
  });

  it('falls back when the keychain refuses or keytar does not load', async () => {
    const refusing = fakeKeytar({
      findCredentials: async () => {
        throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
      },
    });
    const refused = await chooseSecretStore({ service: SERVICE, fallback: fallbackStore(), loadKeytar: async () => refusing });
    expect(refused.backend).toBe('fallback');
    expect(refused.problem?.code).toBe('unavailable');
    expect(refused.problem?.message).toMatch(/^The OS keychain is not available: .*ServiceUnknown/);

    const missing = async () => {
      throw new SecretStoreError('unavailable', 'The OS keychain module could not be loaded: libsecret-1.so.0: cannot open shared object file');
    };
    const unloaded = await chooseSecretStore({ service: SERVICE, fallback: fallbackStore(), loadKeytar: missing });
    expect(unloaded.backend).toBe('fallback');
    expect(unloaded.problem?.message).toMatch(/libsecret-1\.so\.0/);
  });

  it('refuses to choose when there is neither a keychain nor a fallback', async () => {
    const keytar = fakeKeytar({ findCredentials: neverAnswers });
    const error = await refusal(chooseSecretStore({ service: SERVICE, probeTimeoutMs: 50, loadKeytar: async () => keytar }));
    expect(error.code).toBe('unavailable');
  });

  it('moves what the fallback took while the keychain was away into the keychain once it is back', async () => {
    const fallback = fallbackStore();
    const away = await chooseSecretStore({ service: SERVICE, fallback, probeTimeoutMs: 50, loadKeytar: async () => fakeKeytar({ findCredentials: neverAnswers }) });
    await away.store.set('acc-1', 'token-set-while-away');
    await away.store.set('acc-2', 'another-token');

    const keytar = fakeKeytar();
    const back = await chooseSecretStore({ service: SERVICE, fallback, loadKeytar: async () => keytar });
    expect(back.backend).toBe('keychain');
    expect(back.migrated.sort()).toEqual(['acc-1', 'acc-2']);
    expect(await back.store.get('acc-1')).toBe('token-set-while-away');
    expect(await keytar.getPassword(SERVICE, 'acc-2')).toBe('another-token');
    expect(await fallback.list()).toEqual([]);
  });

  it('still uses the keychain when the fallback cannot be read, reports it and leaves the file alone', async () => {
    const fallback = fallbackStore();
    writeFileSync(fallback.file, 'damaged');
    const choice = await chooseSecretStore({ service: SERVICE, fallback, loadKeytar: async () => fakeKeytar() });
    expect(choice.backend).toBe('keychain');
    expect(choice.problem?.code).toBe('corrupt');
    expect(readFileSync(fallback.file, 'utf8')).toBe('damaged');
  });
});
