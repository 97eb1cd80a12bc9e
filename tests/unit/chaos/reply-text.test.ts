import { describe, expect, it } from 'vitest';
import { DISTINCT_REPLY_TEXTS, replyText } from '../../../tests/chaos/reply-text';

// The chaos verdict finds a reply on the platform by its text: two indexes sharing one would hide a duplicate.
describe('chaos reply texts', () => {
  it('gives every index its own text', () => {
    const texts = new Set(Array.from({ length: DISTINCT_REPLY_TEXTS }, (_, index) => replyText(index)));
    expect(texts.size).toBe(DISTINCT_REPLY_TEXTS);
  });

  it('refuses an index it has no text for', () => {
    expect(() => replyText(DISTINCT_REPLY_TEXTS)).toThrow(RangeError);
    expect(() => replyText(-1)).toThrow(RangeError);
    expect(() => replyText(1.5)).toThrow(RangeError);
  });
});
