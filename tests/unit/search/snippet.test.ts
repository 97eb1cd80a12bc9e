import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../../shared/domain';
import { foldWord, makeSnippet, SNIPPET_TOKENS } from '../../../main/engine/search/snippet';

const word = (w: string, prefix = false) => ({ words: [w], prefix });

describe('snippet', () => {
  it('folds words exactly as the index tokenizer does', () => {
    // Compared with what FTS5 itself stores, so a highlight never disagrees with a match.
    const words = ['Zamówienie', 'złoty', 'Łódź', 'straße', 'øre', 'ёлка', 'ЙОГУРТ', 'İstanbul', 'CAFÉ', 'cafe\u0301', 'Ⅻ', 'naïve', 'ÀÉÎÕÜ', 'Ǆ', 'Ḿ', 'Şşđ'];
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');");
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (const w of words) insert.run(w);
    const stored = db.prepare<[], string>('SELECT term FROM v').pluck().all();
    expect(new Set(words.map(foldWord))).toEqual(new Set(stored));
  });

  it('marks whole words and prefixes, folded, and only those', () => {
    expect(makeSnippet('Zamówienie przyszło, zamowienia brak', [word('zamowienie'), word('przy', true)])).toBe(
      `${S}Zamówienie${E} ${S}przyszło${E}, zamowienia brak`,
    );
  });

  it('marks each word of a phrase', () => {
    expect(makeSnippet('the wrong size again', [{ words: ['wrong', 'size'], prefix: false }])).toBe(`the ${S}wrong${E} ${S}size${E} again`);
  });

  it('shows a window of words starting shortly before the first match, on one line', () => {
    const body = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' \n ');
    const snippet = makeSnippet(body, [word('w20')]);
    expect(snippet).toBe(`…w17 w18 w19 ${S}w20${E} ${Array.from({ length: SNIPPET_TOKENS - 4 }, (_, i) => `w${21 + i}`).join(' ')}…`);
  });

  it('starts at the beginning when nothing in the body matches (a match on the author)', () => {
    expect(makeSnippet('  Where is\nmy parcel?  ', [word('kowalski')])).toBe('Where is my parcel?');
  });

  it('drops highlight markers a customer typed, so a highlight cannot be faked', () => {
    expect(makeSnippet(`${S}fake${E} refund`, [word('refund')])).toBe(`fake ${S}refund${E}`);
  });

  it('keeps a body with no words as it is', () => {
    expect(makeSnippet('😀 👍', [word('x')])).toBe('😀 👍');
  });
});
