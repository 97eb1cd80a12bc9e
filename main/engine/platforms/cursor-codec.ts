import type { z } from 'zod';
import { PlatformError } from './types';

export interface CursorCodec<T> {
  encode(cursor: T): string;
  /** The cursor, or cursor_invalid: the scheduler then reads again from the start (ingest is idempotent). */
  decode(text: string): T;
}

/**
 * A structured sync cursor stored as opaque text: base64url of its JSON,
 * checked against `schema` on the way back. The sync_state row is ours but may
 * be old or damaged, so only a cursor this connector could have written
 * decodes; anything else is cursor_invalid, never a half-read position.
 */
export function cursorCodec<T>(schema: z.ZodType<T>, platform: string): CursorCodec<T> {
  return {
    encode: (cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url'),
    decode: (text) => {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      } catch {
        value = undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new PlatformError('cursor_invalid', `The ${platform} sync cursor is not one this connector wrote`);
      return parsed.data;
    },
  };
}
