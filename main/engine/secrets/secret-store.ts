/**
 * Where account tokens live. Tokens never enter SQLite, logs, error messages
 * or the renderer (DESIGN.md, Data): the engine asks a SecretStore for them by
 * account id when it talks to a platform, and nowhere else.
 *
 * One store serves one workspace; two workspaces never see each other's keys.
 */
export interface SecretStore {
  /** The secret stored under `key`, or null when there is none. */
  get(key: string): Promise<string | null>;
  /** Stores `secret` under `key`, replacing what was there. */
  set(key: string, secret: string): Promise<void>;
  /** Removes `key`; true when there was something to remove. */
  delete(key: string): Promise<boolean>;
  /** Every key this workspace has a secret for, in no particular order. */
  list(): Promise<string[]>;
}

export type SecretStoreErrorCode =
  /** The key or the secret is not something a store can keep intact. */
  | 'invalid'
  /** The backing keychain or encryption is missing, locked or not answering. */
  | 'unavailable'
  /** The stored secrets exist but cannot be read back; they were left as they are. */
  | 'corrupt'
  /** The backend refused or failed one operation. */
  | 'failed';

/**
 * Every failure of a store. The message names the key (an account id) and the
 * reason, never the secret: errors end up in logs and on screen.
 */
export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

/** Account ids are short; anything longer is a bug or hostile input, not a key. */
export const MAX_KEY_LENGTH = 256;
/** Generous for OAuth tokens and refresh tokens; keeps a runaway value out of the OS keychain. */
export const MAX_SECRET_LENGTH = 16_384;

// Keychains hand strings to C as NUL-terminated UTF-8: a NUL would silently cut
// the value short and a lone surrogate would come back as U+FFFD. Either would
// lose the token without an error, so both are refused up front.
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw new SecretStoreError('invalid', 'A secret key must be a non-empty string');
  if (key.length > MAX_KEY_LENGTH) throw new SecretStoreError('invalid', `A secret key is at most ${MAX_KEY_LENGTH} characters (got ${key.length})`);
  // The key is echoed in later errors, so it is checked before it is trusted to print.
  if (CONTROL.test(key) || LONE_SURROGATE.test(key)) throw new SecretStoreError('invalid', 'A secret key may not contain control characters or unpaired surrogates');
  return key;
}

export function checkSecret(key: string, secret: unknown): string {
  if (typeof secret !== 'string' || secret.length === 0) throw new SecretStoreError('invalid', `The secret for ${key} must be a non-empty string`, key);
  if (secret.length > MAX_SECRET_LENGTH) {
    throw new SecretStoreError('invalid', `The secret for ${key} is ${secret.length} characters; at most ${MAX_SECRET_LENGTH} are kept`, key);
  }
  if (secret.includes('\0') || LONE_SURROGATE.test(secret)) {
    throw new SecretStoreError('invalid', `The secret for ${key} contains a NUL character or an unpaired surrogate, which a keychain cannot keep intact`, key);
  }
  return secret;
}

const MAX_REASON_LENGTH = 300;

/**
 * A backend's error message made safe to show: the secret (when one was being
 * written) is cut out and the text is bounded. The original error is not kept
 * as `cause`, since logging a cause would print whatever it echoed.
 */
export function safeReason(error: unknown, secret?: string): string {
  let text = error instanceof Error ? error.message : String(error);
  if (secret) text = text.split(secret).join('[secret]');
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH)}…` : text;
}
