/**
 * Turns what an agent types into an FTS5 query that cannot be a syntax error
 * or an injection: every word becomes a quoted string (FTS5's own escaping
 * doubles quotes), words are ANDed, and the last one matches as a prefix so
 * results come while typing. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const quoted = words.slice(0, 16).map((word) => `"${word.replaceAll('"', '""')}"`);
  const last = quoted.length - 1;
  if (!/\s$/u.test(input)) quoted[last] = `${quoted[last]}*`;
  return quoted.join(' ');
}
