import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface LogFileOptions {
  /** The folder the files live in (the user-data folder's `logs/`). */
  dir: string;
  /** `main` or `engine`: each thread has its own file, so two writers never race over a rotation. */
  name: string;
  /** A file is rotated before it grows past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one (`name.1.log` is the newest). */
  keep?: number;
  /** Debug logging: keeps `debug` lines and message bodies. Off for users unless they turn it on. */
  debug?: boolean;
  now?: () => number;
}

export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024;
export const DEFAULT_LOG_KEEP = 3;
/** One entry stays one readable line, whatever a hostile payload or a runaway stack holds. */
export const MAX_LINE_CHARS = 8_000;

/**
 * Fields that carry what customers and agents wrote. A support log is sent
 * around by e-mail; those texts are only written when debug logging is on,
 * otherwise their length stands in for them.
 */
const BODY_FIELDS = new Set(['body', 'text', 'draft', 'content', 'preview', 'snippet']);

const REDACTED = '[redacted]';
const TOKEN_PATTERNS: readonly RegExp[] = [
  // Authorization headers and their values, whatever the scheme.
  /\b(authorization\s*[:=]\s*)(?:"[^"]*"|'[^']*'|(?:bearer|basic|bot|oauth)\s+[^\s,;"']+|[^\s,;"']+)/gi,
  /\b(bearer\s+)[^\s,;"']+/gi,
  // key=value, key: value and "key": "value" for the names platforms and we give secrets.
  /\b((?:access_token|refresh_token|id_token|token|api_key|apikey|client_secret|secret|password|passwd|oauth_signature|oauth_token)["']?\s*[:=]\s*["']?)[^\s&,;"'}]+/gi,
  // Telegram bot tokens, also inside API paths (/bot123456:AAE…/getUpdates).
  /\b(bot)?\d{6,12}:[A-Za-z0-9_-]{30,}/g,
  // JSON Web Tokens.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  // Any other long opaque run of letters and digits (Meta's EAA… page tokens, API keys, session ids).
  /\b(?=[A-Za-z0-9_-]{32,})(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}/g,
];

/** Replaces anything that looks like a credential. Used on every line, debug or not: tokens are never logged. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: string) => (typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED));
  }
  return out;
}

/**
 * A small rotating log file. Writes are synchronous on purpose: the line that
 * explains a crash must be on disk before the process goes down, and the shell
 * and the engine log only errors and a few lifecycle facts.
 */
export class LogFile {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => number;
  private size: number;
  private debugLogging: boolean;

  constructor(private readonly options: LogFileOptions) {
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.keep = options.keep ?? DEFAULT_LOG_KEEP;
    this.now = options.now ?? Date.now;
    this.debugLogging = options.debug === true;
    mkdirSync(options.dir, { recursive: true });
    this.file = join(options.dir, `${options.name}.log`);
    this.size = existsSync(this.file) ? statSync(this.file).size : 0;
  }

  get debug(): boolean {
    return this.debugLogging;
  }

  /** Switched from the desktop settings while the app runs; the next line already follows it. */
  set debug(on: boolean) {
    this.debugLogging = on;
  }

  write(level: LogLevel, message: string, fields?: LogFields): void {
    if (level === 'debug' && !this.debug) return;
    const line = `${this.formatLine(level, message, fields)}\n`;
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    try {
      appendFileSync(this.file, line);
      this.size += bytes;
    } catch {
      // A full disk or a removed folder must not take the app down with it; the line goes to stderr instead.
      process.stderr.write(line);
    }
  }

  error(message: string, error?: unknown, fields?: LogFields): void {
    this.write('error', error === undefined ? message : `${message}: ${describeError(error)}`, fields);
  }

  /** The `(message) => void` shape the engine and the demo sandbox take. */
  readonly asSink = (level: LogLevel = 'info') => (message: string) => this.write(level, message);

  private formatLine(level: LogLevel, message: string, fields?: LogFields): string {
    const parts = [new Date(this.now()).toISOString(), level.toUpperCase(), oneLine(message)];
    if (fields && Object.keys(fields).length > 0) parts.push(JSON.stringify(this.visibleFields(fields)));
    const line = redactSecrets(parts.join(' '));
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}… [${line.length - MAX_LINE_CHARS} more chars]` : line;
  }

  private visibleFields(fields: LogFields): Record<string, unknown> {
    if (this.debug) return { ...fields };
    return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, BODY_FIELDS.has(key) && typeof value === 'string' ? `[${value.length} chars]` : value]));
  }

  private rotate(): void {
    try {
      rmSync(rotatedName(this.file, this.keep), { force: true });
      for (let index = this.keep - 1; index >= 1; index--) {
        const from = rotatedName(this.file, index);
        if (existsSync(from)) renameSync(from, rotatedName(this.file, index + 1));
      }
      if (this.keep > 0) renameSync(this.file, rotatedName(this.file, 1));
      else rmSync(this.file, { force: true });
    } catch {
      // Another instance may have rotated meanwhile; appending to whatever is there is still right.
    }
    this.size = existsSync(this.file) ? statSync(this.file).size : 0;
  }
}

/** `main.log` → `main.2.log`. */
export function rotatedName(file: string, index: number): string {
  return file.replace(/\.log$/, `.${index}.log`);
}

/** The last `maxChars` of a log file and its rotated predecessor, for "copy diagnostics"; '' when there is none. */
export function readLogTail(file: string, maxChars: number): string {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  const text = read(rotatedName(file, 1)) + read(file);
  if (text.length <= maxChars) return text;
  const cut = text.slice(text.length - maxChars);
  const firstBreak = cut.indexOf('\n');
  return firstBreak >= 0 ? cut.slice(firstBreak + 1) : cut;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** A message with line breaks would forge entries of its own: they are escaped. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped here
  return text.replace(/\r?\n/g, '\\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
