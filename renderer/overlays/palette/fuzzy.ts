/**
 * How well `query` fits `text` as a fuzzy match, or null when it does not:
 * every character of the query must appear in order. Letters that start a word
 * or follow the previous match score higher, and the very start of the name
 * most: `gm` finds "Go to Mine", `close` "Close conversation" before "Go to
 * Closed", and `отл` "Отложить" before "Ответить личным сообщением".
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = query.trim().toLocaleLowerCase();
  const haystack = text.toLocaleLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of needle) {
    if (char === ' ') continue;
    const at = haystack.indexOf(char, from);
    if (at === -1) return null;
    const wordStart = at === 0 || /[\s\-:.]/.test(haystack[at - 1]!);
    score += 1 + (at === 0 ? 4 : wordStart ? 2 : 0) + (at === previous + 1 ? 3 : 0);
    previous = at;
    from = at + 1;
  }
  // Between equal fits, the shorter name is the closer one.
  return score - haystack.length / 1000;
}
