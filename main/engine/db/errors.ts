/** Why a workspace database could not be opened; hosts show `message` to the user as is. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'too_new' | 'corrupt',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/** SQLite error codes that mean the file itself is damaged or is not a database. */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);

export function isCorruption(error: unknown): boolean {
  return typeof error === 'object' && error !== null && CORRUPTION_CODES.has(String((error as { code?: unknown }).code));
}
