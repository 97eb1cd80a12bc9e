import type { CannedFileFormat } from './cannedLibraryStore';

export const EXPORT_FILE_NAMES: Readonly<Record<CannedFileFormat, string>> = {
  json: 'switchboard-canned-replies.json',
  csv: 'switchboard-canned-replies.csv',
};

const MEDIA_TYPES: Readonly<Record<CannedFileFormat, string>> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

/** Some browsers read the blob after click() returns; a minute is long past that and frees the memory of a big library. */
const REVOKE_AFTER_MS = 60_000;

/** Saves the text as a file the way a download link does, so it works in the desktop window and the browser host alike. */
export function downloadFile(format: CannedFileFormat, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: MEDIA_TYPES[format] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = EXPORT_FILE_NAMES[format];
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** The format a chosen file is in, by its extension; null for anything else. */
export function formatOfFile(name: string): CannedFileFormat | null {
  const extension = /\.(json|csv)$/iu.exec(name)?.[1]?.toLowerCase();
  return extension === 'json' || extension === 'csv' ? extension : null;
}

/**
 * UTF-8 can spend at most 3 bytes on one UTF-16 unit (4 on a pair of them), so
 * a file over three bytes a character of the limit cannot fit: refused before
 * it is read into memory at all. Anything smaller the engine measures itself.
 */
export const tooBigToRead = (file: File, maxChars: number): boolean => file.size > maxChars * 3;

/** The file's text, decoded as UTF-8 (a byte-order mark is dropped, as spreadsheet programs write one). */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file, 'utf-8');
  });
}
