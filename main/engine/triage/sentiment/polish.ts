/** Polish diacritics: a strong language signal, and folded away for matching because many customers type without them. */

export const POLISH_LETTER_RE = /[ąćęłńóśźż]/;

const POLISH_LETTERS_RE = /[ąćęłńóśźż]/g;
const FOLDED: Readonly<Record<string, string>> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

/** "nigdy więcej" and "nigdy wiecej" are the same complaint. */
export function foldPolish(word: string): string {
  return word.replace(POLISH_LETTERS_RE, (ch) => FOLDED[ch]!);
}
