import { RpcError } from '../../../shared/rpc';
import { safeReason, type SecretStore } from '../secrets/secret-store';

/** A store, or one still being chosen: hosts start the engine at once and let the keychain probe finish behind it. */
export type SecretsSource = SecretStore | Promise<SecretStore>;

type Settled = { store: SecretStore; problem: null } | { store: null; problem: string };

/**
 * The workspace's SecretStore as the accounts see it: there, or missing with a
 * reason the accounts screen shows (no Secret Service, a locked keychain). A
 * failed choice is settled here at once, so it never surfaces as an unhandled
 * rejection that would end the engine's thread.
 */
export class AccountSecrets {
  private readonly settled: Promise<Settled>;

  constructor(source: SecretsSource | undefined) {
    this.settled =
      source === undefined
        ? Promise.resolve({ store: null, problem: 'No keychain was set up for this workspace' })
        : Promise.resolve(source).then(
            (store): Settled => ({ store, problem: null }),
            (error: unknown): Settled => ({ store: null, problem: safeReason(error) }),
          );
  }

  async availability(): Promise<{ available: boolean; problem: string | null }> {
    const { store, problem } = await this.settled;
    return { available: store !== null, problem };
  }

  /** The store when there is one; null otherwise (the caller decides whether that refuses anything). */
  async storeIfAny(): Promise<SecretStore | null> {
    return (await this.settled).store;
  }

  /** The store, or a refusal that says why tokens cannot be kept ('refused': 'unavailable' would read as the engine being gone). */
  async store(): Promise<SecretStore> {
    const { store, problem } = await this.settled;
    if (store === null) throw new RpcError('refused', `Tokens cannot be stored safely on this computer, so no account can be connected: ${problem}`);
    return store;
  }
}
