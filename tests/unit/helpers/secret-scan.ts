import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where a secret was seen: a file (relative to the scanned folder) or a path into a value. */
export interface SecretSighting {
  secret: string;
  where: string;
  encoding: 'utf8' | 'utf16le';
}

// SQLite stores text as UTF-8 or UTF-16LE depending on the database's
// encoding, and Windows tools write logs in UTF-16LE: a leak can take either form.
const ENCODINGS = ['utf8', 'utf16le'] as const;

function patterns(secrets: readonly string[]): { secret: string; encoding: SecretSighting['encoding']; bytes: Buffer }[] {
  return secrets.flatMap((secret) => {
    // An empty needle is found everywhere: a scan for it would be a test that cannot pass.
    if (secret.length === 0) throw new Error('secret scan: an empty string is not a secret');
    return ENCODINGS.map((encoding) => ({ secret, encoding, bytes: Buffer.from(secret, encoding) }));
  });
}

/**
 * Every occurrence of any of `secrets` in any file under `dir`, read as bytes:
 * the SQLite file with its -wal and -shm, logs, caches, whatever is there.
 * Symbolic links are not followed, so the scan stays inside the folder.
 */
export function findSecretsInDir(dir: string, secrets: readonly string[]): SecretSighting[] {
  const needles = patterns(secrets);
  const sightings: SecretSighting[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (stat.isFile()) {
      const bytes = readFileSync(path);
      for (const { secret, encoding, bytes: needle } of needles) {
        if (bytes.includes(needle)) sightings.push({ secret, where: relative(dir, path), encoding });
      }
    }
  };
  visit(dir);
  return sightings;
}

/**
 * Every occurrence of any of `secrets` in values bound for the renderer
 * (events, call results): every string and every key, however deeply nested,
 * and the bytes of any binary value.
 */
export function findSecretsInValues(values: readonly unknown[], secrets: readonly string[]): SecretSighting[] {
  const needles = patterns(secrets);
  const sightings: SecretSighting[] = [];
  const seen = new Set<unknown>();
  const check = (text: string, where: string) => {
    for (const secret of secrets) if (text.includes(secret)) sightings.push({ secret, where, encoding: 'utf8' });
  };
  const visit = (value: unknown, where: string) => {
    if (typeof value === 'string') return check(value, where);
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Uint8Array) {
      const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      for (const { secret, encoding, bytes: needle } of needles) if (bytes.includes(needle)) sightings.push({ secret, where, encoding });
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      check(key, `${where}.${key}`);
      visit(inner, `${where}.${key}`);
    }
  };
  values.forEach((value, index) => visit(value, `[${index}]`));
  return sightings;
}
