/** One reply as read from an import file, before validation: where it starts, and what it holds. */
export interface ImportRecord {
  /** 1-based, as an editor shows it; a record spanning lines is named by its first. */
  line: number;
  value: unknown;
}

/** Why a file was refused, at the line the user should look at. */
export class CannedImportError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`Line ${line}: ${reason}`);
    this.name = 'CannedImportError';
  }
}

/** The columns of the CSV format and the keys of the JSON one, in this order. */
export const FIELDS = ['title', 'body', 'lang', 'tags', 'shortcut'] as const;
