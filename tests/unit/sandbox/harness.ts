import { afterEach } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../main/engine/platforms/sandbox/fake';
import { WireItem, WireUpdatesPage } from '../../../main/engine/platforms/sandbox/wire';

/** A fixed, minute-aligned epoch: 2025-03-14 09:00 UTC. */
export const EPOCH = Date.UTC(2025, 2, 14, 9, 0);

const running: Sandbox[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

/** A sandbox closed after the test. Seed 42, a 50-item backfill and EPOCH unless told otherwise. */
export async function openSandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ seed: 42, epoch: EPOCH, backfill: 50, ...options });
  running.push(sandbox);
  return sandbox;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One HTTP request; the body is parsed as JSON when there is one. */
export async function call(sandbox: Sandbox, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${sandbox.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

export function postJson(sandbox: Sandbox, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return call(sandbox, path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export function postReply(sandbox: Sandbox, threadId: string, key: string, text: string, visibility: 'public' | 'private' = 'public'): Promise<Answer> {
  return postJson(sandbox, `/v1/threads/${encodeURIComponent(threadId)}/replies`, { text, visibility }, { 'idempotency-key': key });
}

/** GET /v1/updates, checked: a 200 whose page and items all validate. */
export async function page(sandbox: Sandbox, query = ''): Promise<Omit<WireUpdatesPage, 'updates'> & { updates: WireItem[] }> {
  const answer = await call(sandbox, `/v1/updates${query}`);
  if (answer.status !== 200) throw new Error(`GET /v1/updates${query} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const parsed = WireUpdatesPage.parse(answer.body);
  return { ...parsed, updates: parsed.updates.map((item) => WireItem.parse(item)) };
}
