import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { describeIssues } from '../quarantine';

/** Request bodies are small JSON documents; anything bigger is refused before it is buffered. */
const MAX_BODY_BYTES = 64 * 1024;

/** An error answered as a WireError: `{ error: { code, message } }` with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
  headers?: Readonly<Record<string, string>>;
}

function tooLarge(): HttpError {
  // Closing the connection stops a client that keeps sending.
  return new HttpError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES} bytes.`, { connection: 'close' });
}

export function readBody(request: IncomingMessage): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.off('data', onData);
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The body parsed as JSON and checked against `schema`; 400 with a readable message otherwise. */
export async function readJson<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const text = await readBody(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, 'invalid_body', describeIssues(parsed.error));
  return parsed.data;
}

export function sendJson(response: ServerResponse, { status, body, headers = {} }: JsonResponse): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(payload);
}

/**
 * A 200 whose JSON body stops halfway: what a proxy or a dying connection
 * leaves a client with. The `malformed` faults of the fakes answer this.
 */
export function sendCutShortJson(response: ServerResponse, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  response.end(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
}

export function errorResponse(error: HttpError): JsonResponse {
  return { status: error.status, body: { error: { code: error.code, message: error.message } }, headers: error.headers };
}
