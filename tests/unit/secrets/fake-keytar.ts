import type { KeytarApi } from '../../../main/engine/secrets/keytar-store';

/**
 * keytar's API over a map of services, for unit tests of what sits on top of
 * it (error wrapping, the chooser). The real keychain is tested in tests/keychain.
 * `overrides` replace single calls with failing or hanging ones.
 */
export function fakeKeytar(overrides: Partial<KeytarApi> = {}): KeytarApi {
  const services = new Map<string, Map<string, string>>();
  const service = (name: string) => services.get(name) ?? services.set(name, new Map()).get(name)!;
  return {
    getPassword: async (name, account) => service(name).get(account) ?? null,
    setPassword: async (name, account, password) => void service(name).set(account, password),
    deletePassword: async (name, account) => service(name).delete(account),
    findCredentials: async (name) => [...service(name)].map(([account, password]) => ({ account, password })),
    ...overrides,
  };
}

/** A call that never answers, as libsecret can when no Secret Service is running. */
export const neverAnswers = () => new Promise<never>(() => {});
