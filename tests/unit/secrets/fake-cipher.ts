import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageCipher } from '../../../main/electron/safe-storage-store';

export interface FakeCipher extends SafeStorageCipher {
  /** What isEncryptionAvailable answers; tests switch it off to see the store refuse. */
  available: boolean;
  /** What getSelectedStorageBackend answers, like Electron on Linux. */
  backend: string;
  /** Makes the next encryptString throw, like safeStorage when the keyring goes away mid-session. */
  failNextEncrypt: boolean;
}

/**
 * Stands in for Electron's safeStorage, which needs a running Electron app.
 * It really encrypts (AES-256-GCM under a key that lives as long as the
 * cipher), so a test can check the file on disk holds no plain token, and a
 * second cipher, like another user's, cannot read the first one's file.
 */
export function fakeCipher(): FakeCipher {
  const key = randomBytes(32);
  return {
    available: true,
    backend: 'gnome_libsecret',
    failNextEncrypt: false,
    isEncryptionAvailable() {
      return this.available;
    },
    getSelectedStorageBackend() {
      return this.backend;
    },
    encryptString(plainText: string): Buffer {
      if (this.failNextEncrypt) {
        this.failNextEncrypt = false;
        throw new Error(`Error while encrypting the text provided to safeStorage.encryptString: ${plainText}`);
      }
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted: Buffer): string {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
