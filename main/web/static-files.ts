import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** index.html must be re-read on every launch; hashed assets may be cached. */
  cacheable: boolean;
}

/**
 * Resolves a request path inside the built renderer. Paths that escape the
 * folder are refused; unknown paths without an extension get index.html (the
 * app has one page).
 */
export async function readStatic(root: string, pathname: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative === '' ? 'index.html' : relative);
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const extension = extname(file);
  try {
    const body = await readFile(file);
    return { body, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', cacheable: extension !== '.html' };
  } catch {
    if (extension !== '') return null;
    return { body: await readFile(join(root, 'index.html')), contentType: CONTENT_TYPES['.html']!, cacheable: false };
  }
}
