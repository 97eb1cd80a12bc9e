import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { checkKey, checkSecret, SecretStoreError, type SecretStore } from '../engine/secrets/secret-store';

/**
 * The part of Electron's `safeStorage` this store needs. Electron's object is
 * passed in by the shell; tests pass a cipher of their own, so this file needs
 * no Electron at run time.
 */
export interface SafeStorageCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

// Entries rather than an object, so a key named "__proto__" is just a key.
const SecretFile = z.object({ version: z.literal(1), entries: z.array(z.tuple([z.string(), z.string()])) });

/** Far above any real workspace (a few hundred tokens); a bigger file is not ours. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The fallback SecretStore for machines where keytar cannot reach a keychain:
 * every secret of the workspace in one file, encrypted as a whole with
 * Electron's safeStorage (DPAPI on Windows, a Keychain-held key on macOS, a
 * keyring-held key on Linux).
 *
 * Writes replace the file atomically (temp file, fsync, rename), readable by
 * the user only. A file that cannot be decrypted or parsed is reported and
 * left exactly as it is, never reset: the tokens in it may still be recovered.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(
    private readonly cipher: SafeStorageCipher,
    readonly file: string,
  ) {}

  async get(key: string): Promise<string | null> {
    checkKey(key);
    return this.read().get(key) ?? null;
  }

  async set(key: string, secret: string): Promise<void> {
    checkSecret(checkKey(key), secret);
    const secrets = this.read();
    secrets.set(key, secret);
    this.write(secrets);
  }

  async delete(key: string): Promise<boolean> {
    checkKey(key);
    const secrets = this.read();
    if (!secrets.delete(key)) return false;
    this.write(secrets);
    return true;
  }

  async list(): Promise<string[]> {
    return [...this.read().keys()];
  }

  /**
   * Without a file there is nothing to decrypt, so reading needs no
   * encryption; that lets the keychain chooser look for secrets to migrate on
   * machines where safeStorage was never usable.
   */
  private read(): Map<string, string> {
    let encrypted: Buffer;
    try {
      if (statSync(this.file).size > MAX_FILE_BYTES) throw this.corrupt(`it is larger than ${MAX_FILE_BYTES} bytes`);
      encrypted = readFileSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      if (error instanceof SecretStoreError) throw error;
      throw new SecretStoreError('failed', `The secret file ${this.file} could not be read: ${(error as Error).message}`);
    }
    this.requireEncryption();
    let text: string;
    try {
      text = this.cipher.decryptString(encrypted);
    } catch {
      throw this.corrupt('it does not decrypt with this user’s key');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // JSON.parse quotes the text it choked on, and that text is secrets: only the fact is reported.
      throw this.corrupt('its decrypted contents are not JSON');
    }
    const checked = SecretFile.safeParse(parsed);
    if (!checked.success) throw this.corrupt('its decrypted contents are not a secret list');
    return new Map(checked.data.entries);
  }

  private write(secrets: Map<string, string>): void {
    this.requireEncryption();
    let encrypted: Buffer;
    try {
      const contents: z.infer<typeof SecretFile> = { version: 1, entries: [...secrets] };
      encrypted = this.cipher.encryptString(JSON.stringify(contents));
    } catch {
      // The cipher's message could quote what it was given, which is every secret: only the fact is reported.
      throw new SecretStoreError('failed', 'The system’s safe storage failed to encrypt the secrets; nothing was changed');
    }
    const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        // The creation mode is filtered by the umask; this makes it exactly 0600 whatever the umask.
        fchmodSync(fd, 0o600);
        writeSync(fd, encrypted);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.file);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // never created, or already renamed
      }
      throw new SecretStoreError('failed', `The secret file ${this.file} could not be written: ${(error as Error).message}`);
    }
    syncFolder(dirname(this.file));
  }

  private requireEncryption(): void {
    if (!this.cipher.isEncryptionAvailable()) {
      throw new SecretStoreError('unavailable', 'Encrypted storage is not available on this system, so account tokens cannot be stored safely');
    }
    // Without a keyring on Linux, Electron encrypts with a hard-coded password:
    // that would be plain text with extra steps, so it is refused.
    if (this.cipher.getSelectedStorageBackend?.() === 'basic_text') {
      throw new SecretStoreError('unavailable', 'No keyring is running, so Electron would encrypt account tokens with a fixed, public key; they are not stored');
    }
  }

  private corrupt(why: string): SecretStoreError {
    return new SecretStoreError('corrupt', `The secret file ${this.file} cannot be read: ${why}. It was left as it is; reconnect the accounts or restore the file`);
  }
}

/** Makes the rename itself durable. Folders cannot be opened for syncing on Windows, where rename is durable enough. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
