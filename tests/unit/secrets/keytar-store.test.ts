import { describe, expect, it } from 'vitest';
import { KeytarSecretStore, loadKeytar } from '../../../main/engine/secrets/keytar-store';
import { fakeKeytar } from './fake-keytar';
import { refusal } from './store-behaviour';

// keytar's own errors carry whatever libsecret or the OS said; one that
// quotes its arguments must not carry a token into a log.
const echoing = fakeKeytar({
  setPassword: async (service, account, password) => {
    throw new Error(`org.freedesktop.Secret.Error.IsLocked: cannot store ${password} for ${account} in ${service}`);
  },
  getPassword: async () => {
    throw new Error('org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files');
  },
  deletePassword: async () => {
    throw new Error('x'.repeat(10_000));
  },
  findCredentials: async () => {
    throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  },
});

describe('the keytar store on a failing keychain', () => {
  const store = new KeytarSecretStore(echoing, 'Switchboard/test');

  it('names the key and the reason but never the secret', async () => {
    const error = await refusal(store.set('acc-1', 'EAAB-secret-page-token'));
    expect(error.code).toBe('failed');
    expect(error.key).toBe('acc-1');
    expect(error.message).toMatch(/^Could not save the secret for acc-1 in the OS keychain: org\.freedesktop\.Secret\.Error\.IsLocked/);
    expect(error.message).toContain('[secret]');
    expect(`${error.message} ${error.stack} ${String(error.cause)}`).not.toContain('EAAB-secret-page-token');
  });

  it('passes on why reading and listing failed', async () => {
    expect((await refusal(store.get('acc-1'))).message).toMatch(/read the secret for acc-1 .*ServiceUnknown/);
    expect((await refusal(store.list())).message).toMatch(/list the secrets of Switchboard\/test .*autolaunch D-Bus/);
  });

  it('bounds a runaway reason', async () => {
    expect((await refusal(store.delete('acc-1'))).message.length).toBeLessThan(500);
  });

  it('checks keys and secrets before the keychain sees them', async () => {
    const calls: string[] = [];
    const watched = new KeytarSecretStore(fakeKeytar({ setPassword: async (_s, account) => void calls.push(account) }), 'Switchboard/test');
    expect((await refusal(watched.set('acc-1', 'cut\0short'))).code).toBe('invalid');
    expect(calls).toEqual([]);
  });
});

describe('loadKeytar', () => {
  it("loads keytar's native module with the calls the store needs", async () => {
    const keytar = await loadKeytar();
    for (const call of ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'] as const) expect(typeof keytar[call]).toBe('function');
  });
});
