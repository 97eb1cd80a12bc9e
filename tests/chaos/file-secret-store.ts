import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { checkKey, checkSecret, SecretStoreError, type SecretStore } from '../../main/engine/secrets/secret-store';

const Secrets = z.record(z.string(), z.string());

/**
 * A SecretStore in one JSON file, for the chaos test's engine child only: the
 * child is SIGKILLed at random moments and started again, and the account's
 * token must still be there (a MemorySecretStore dies with it; the OS keychain
 * is not something a test run may touch). Every write replaces the file
 * through a temporary file and a rename, so a kill leaves either the old file
 * or the new one, never half of one. Plain text: never for real tokens.
 */
export class FileSecretStore implements SecretStore {
  private readonly secrets: Map<string, string>;

  constructor(private readonly file: string) {
    this.secrets = new Map(existsSync(file) ? Object.entries(this.read()) : []);
  }

  async get(key: string): Promise<string | null> {
    return this.secrets.get(checkKey(key)) ?? null;
  }

  async set(key: string, secret: string): Promise<void> {
    this.secrets.set(checkKey(key), checkSecret(key, secret));
    this.write();
  }

  async delete(key: string): Promise<boolean> {
    const had = this.secrets.delete(checkKey(key));
    if (had) this.write();
    return had;
  }

  async list(): Promise<string[]> {
    return [...this.secrets.keys()];
  }

  private read(): Record<string, string> {
    let parsed;
    try {
      parsed = Secrets.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) throw new SecretStoreError('corrupt', `${this.file} does not hold a JSON object of strings`);
    return parsed.data;
  }

  private write(): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.secrets)));
    renameSync(temporary, this.file);
  }
}
