/**
 * Splits a reply into the words a dictionary should see, with their UTF-16
 * offsets in the original text. Everything a dictionary cannot judge is left
 * out here, so the checker never flags it: links, addresses, handles, tags,
 * numbers and codes, and short acronyms.
 */

export interface Token {
  start: number;
  end: number;
  /** The word as written in the text (offsets point at it). */
  word: string;
}

/**
 * Spans that are not prose: links, emails, @handles and #tags. A bare domain
 * ("northwind.shop/help") needs a known TLD, so that a typo with a missing
 * space ("end.Start") is still checked.
 */
const SKIPPED_SPANS = new RegExp(
  [
    String.raw`\b(?:https?|ftp):\/\/\S+`,
    String.raw`\bwww\.\S+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_]+`,
    String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|io|app|dev|info|biz|shop|store|eu|uk|us|de|ru|pl|by|ua|kz|me|co)(?![\p{L}\p{N}])(?:\/\S*)?`,
  ].join('|'),
  'gu',
);

/** Letters and combining marks joined by apostrophes or hyphens: "don't", "из-за", "l’Oréal". */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const LETTER = /\p{L}/gu;

/** ALL-CAPS words of up to five letters are acronyms (NASA, FAQ, ЖКХ), not shouting. */
function isAcronym(word: string): boolean {
  const letters = word.match(LETTER) ?? [];
  return letters.length <= 5 && word === word.toLocaleUpperCase() && word !== word.toLocaleLowerCase();
}

export function tokenize(text: string): Token[] {
  const skipped: [number, number][] = [];
  for (const match of text.matchAll(SKIPPED_SPANS)) skipped.push([match.index, match.index + match[0].length]);
  const tokens: Token[] = [];
  let next = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < skipped.length && skipped[next]![1] <= start) next++;
    const span = skipped[next];
    if (span && span[0] < end) continue;
    const word = match[0];
    if (DIGIT.test(word) || isAcronym(word)) continue;
    tokens.push({ start, end, word });
  }
  return tokens;
}
