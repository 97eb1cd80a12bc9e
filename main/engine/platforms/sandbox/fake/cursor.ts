/**
 * Cursors are opaque to clients: base64url of "feed:<position>", where
 * position is how many feed items the client has seen. Only the canonical
 * form decodes, so a cursor is either one this server issued or invalid.
 */
const PREFIX = 'feed:';

export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`).toString('base64url');
}

/** The position, or null when `cursor` is not a cursor this format produces. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(cursor)) return null;
  const match = /^feed:(0|[1-9]\d{0,8})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) return null;
  const position = Number(match[1]);
  return encodeCursor(position) === cursor ? position : null;
}
