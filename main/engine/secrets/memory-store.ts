import { checkKey, checkSecret, type SecretStore } from './secret-store';

/** A SecretStore that forgets everything when the process ends: for unit tests and nothing else. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.secrets.get(checkKey(key)) ?? null;
  }

  async set(key: string, secret: string): Promise<void> {
    this.secrets.set(checkKey(key), checkSecret(key, secret));
  }

  async delete(key: string): Promise<boolean> {
    return this.secrets.delete(checkKey(key));
  }

  async list(): Promise<string[]> {
    return [...this.secrets.keys()];
  }
}
