import type { CannedReplyFields } from '../../../../shared/domain';
import { CannedImportError, FIELDS, type ImportRecord } from './records';

/**
 * The CSV format (RFC 4180): a header `title,body,lang,tags,shortcut`, one
 * reply a record, tags joined with ";", an empty lang or shortcut for none.
 * Written with a BOM and CRLF so spreadsheet programs read Cyrillic and Polish
 * letters as UTF-8; read with or without either.
 */

const TAG_SEPARATOR = ';';
const BOM = '\uFEFF';
const UNQUOTED_CELL = /[^,\r\n]*/y;

export function toCsv(replies: readonly CannedReplyFields[]): string {
  const rows = replies.map((r) => [r.title, r.body, r.lang ?? '', r.tags.join(TAG_SEPARATOR), r.shortcut ?? '']);
  return BOM + [[...FIELDS], ...rows].map((cells) => `${cells.map(quoted).join(',')}\r\n`).join('');
}

function quoted(cell: string): string {
  return /[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Records of a CSV file; refuses the file at the first line that is not well-formed CSV of this shape. Blank lines are skipped. */
export function parseCsv(text: string): ImportRecord[] {
  const rows = readRows(text).filter((row) => row.cells.length > 1 || row.cells[0] !== '');
  const [header, ...records] = rows;
  if (!header || header.cells.map((c) => c.trim().toLowerCase()).join(',') !== FIELDS.join(',')) {
    throw new CannedImportError(header?.line ?? 1, `the first line must be the header "${FIELDS.join(',')}"`);
  }
  return records.map(({ line, cells }) => {
    if (cells.length !== FIELDS.length) throw new CannedImportError(line, `expected ${FIELDS.length} fields (${FIELDS.join(', ')}), found ${cells.length}`);
    const [title, body, lang, tags, shortcut] = cells as [string, string, string, string, string];
    return {
      line,
      value: {
        title,
        body,
        lang: lang.trim() || null,
        tags: tags.split(TAG_SEPARATOR).filter((tag) => tag.trim() !== ''),
        shortcut: shortcut.trim() || null,
      },
    };
  });
}

/** The rows of the file with the line each starts on; quoted fields may hold commas, doubled quotes and line breaks. */
function readRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let i = text.startsWith(BOM) ? BOM.length : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text[i] === '"') {
        const openedOn = line;
        cell = '';
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) throw new CannedImportError(openedOn, 'a quoted field is never closed');
          const chunk = text.slice(i, close);
          cell += chunk;
          line += countLineBreaks(chunk);
          i = close + 1;
          if (text[i] !== '"') break;
          cell += '"';
          i++;
        }
        if (i < text.length && !',\r\n'.includes(text[i]!)) {
          throw new CannedImportError(line, 'text after the closing quote of a field (a quote inside a quoted field is written twice: "")');
        }
      } else {
        UNQUOTED_CELL.lastIndex = i;
        cell = UNQUOTED_CELL.exec(text)![0];
        i += cell.length;
        if (cell.includes('"')) throw new CannedImportError(line, 'a quote inside a field that does not start with one (quote the field and write the quote twice: "")');
      }
      cells.push(cell);
      if (text[i] !== ',') break;
      i++;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    rows.push({ line: startLine, cells });
    line++;
  }
  return rows;
}

/** CRLF, LF and a lone CR each end one line, as editors count them. */
function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/gu)?.length ?? 0;
}
