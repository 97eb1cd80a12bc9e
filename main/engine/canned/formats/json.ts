import type { CannedReplyFields } from '../../../../shared/domain';
import { CannedImportError, FIELDS, type ImportRecord } from './records';

/**
 * The JSON format: an array of objects with the keys title, body, lang, tags
 * and shortcut (lang, tags and shortcut may be left out). JSON.parse says
 * neither where a file is broken nor where an element starts, so a small
 * scanner walks the syntax first: it names the line of a syntax error and
 * the line each reply starts on.
 */

export function toJson(replies: readonly CannedReplyFields[]): string {
  return `${JSON.stringify(
    replies.map((r) => Object.fromEntries(FIELDS.map((key) => [key, r[key]]))),
    null,
    2,
  )}\n`;
}

export function parseJson(file: string): ImportRecord[] {
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  const starts = new Scanner(text).topLevelElements();
  const lines = linesAt(text, starts);
  return (JSON.parse(text) as unknown[]).map((value, index) => ({ line: lines[index]!, value }));
}

/** Replies hold no deep structure; the limit keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 16;

// A raw control character may not appear in a JSON string (RFC 8259, 7).
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const WHITESPACE = /[ \t\r\n]*/y;

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  /** Checks the whole text is one JSON array and returns where each of its elements starts. */
  topLevelElements(): number[] {
    this.skip(WHITESPACE);
    if (this.text[this.at] !== '[') this.fail('the file must be a JSON array of replies ([ { "title": …, "body": … }, … ])');
    const starts: number[] = [];
    this.sequence(']', () => {
      starts.push(this.at);
      this.value(1);
    });
    this.skip(WHITESPACE);
    if (this.at < this.text.length) this.fail('text after the end of the array');
    return starts;
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    switch (this.text[this.at]) {
      case '[':
        return this.sequence(']', () => this.value(depth + 1));
      case '{':
        return this.sequence('}', () => {
          if (!this.skip(STRING)) this.fail('expected a key in double quotes');
          this.skip(WHITESPACE);
          if (this.text[this.at] !== ':') this.fail('expected ":" after a key');
          this.at++;
          this.skip(WHITESPACE);
          this.value(depth + 1);
        });
      case '"':
        if (!this.skip(STRING)) this.fail('a string is not closed on its line, or holds a bad escape or a raw control character');
        return;
      default:
        if (!this.skip(NUMBER) && !this.skip(LITERAL)) this.fail(this.at < this.text.length ? 'expected a value' : 'the file ends in the middle of the array');
    }
  }

  /** `[ item, item ]` or `{ item, item }`: the opening bracket is at `this.at`. */
  private sequence(close: string, item: () => void): void {
    this.at++;
    this.skip(WHITESPACE);
    if (this.text[this.at] === close) {
      this.at++;
      return;
    }
    for (;;) {
      this.skip(WHITESPACE);
      item();
      this.skip(WHITESPACE);
      const next = this.text[this.at];
      this.at++;
      if (next === close) return;
      if (next !== ',') this.fail(next === undefined ? 'the file ends before the closing bracket' : `expected "," or "${close}"`, this.at - 1);
    }
  }

  private skip(pattern: RegExp): boolean {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) return false;
    this.at += match[0].length;
    return true;
  }

  private fail(reason: string, at = this.at): never {
    throw new CannedImportError(linesAt(this.text, [at])[0]!, reason);
  }
}

/** The 1-based line of each offset, in one pass over the text; `offsets` ascend. */
function linesAt(text: string, offsets: readonly number[]): number[] {
  const lines: number[] = [];
  let line = 1;
  let newline = text.indexOf('\n');
  for (const offset of offsets) {
    for (; newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) line++;
    lines.push(line);
  }
  return lines;
}
