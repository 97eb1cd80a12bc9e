import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../../main/engine/platforms/vk/fake';
import type { PlatformErrorKind, ReplyRequest } from '../../../../main/engine/platforms/types';
import { ANNA, GROUP, HOUR, PIOTR, failure, setup, signal, type Setup } from './harness';

// Latency faults wait this long; the connector gives up far sooner, so no test waits for them. The
// timeout is short for a test yet long enough that a loopback call on a busy machine never reaches it.
const SLOW_MS = 60_000;
const TIMEOUT_MS = 1_500;

type Case = [name: string, fault: Fault | 'latency', kind: PlatformErrorKind, retryAfterMs?: number];

/** What a proxy or the network does to any request. */
const transport: Case[] = [
  ['latency past the timeout', 'latency', 'network'],
  ['5xx', { kind: 'status', status: 503 }, 'server'],
  ['HTTP 429 with Retry-After', { kind: 'status', status: 429, retryAfterS: 7 }, 'rate_limited', 7_000],
  ['connection reset', { kind: 'drop' }, 'network'],
  ['malformed JSON', { kind: 'malformed' }, 'server'],
];

/** What VK itself answers to a method call (reference/errors). */
const api: Case[] = [
  ['error 5 (invalid token)', { kind: 'api_error', code: 5, message: 'User authorization failed: invalid access_token (4).' }, 'unauthorized'],
  ['error 6 (too many requests per second)', { kind: 'api_error', code: 6 }, 'rate_limited', 1_000],
  ['error 9 (flood control)', { kind: 'api_error', code: 9 }, 'rate_limited', 60_000],
  ['error 29 (rate limit reached)', { kind: 'api_error', code: 29 }, 'rate_limited', 60 * 60_000],
  ['error 10 (internal server error)', { kind: 'api_error', code: 10 }, 'server'],
  ['error 15 (access denied)', { kind: 'api_error', code: 15 }, 'refused'],
];

function inject({ vk }: Setup, fault: Fault | 'latency', route: 'read' | 'poll' | 'write'): void {
  if (fault === 'latency') vk.faults.setLatency(SLOW_MS, route);
  else vk.faults.add(fault, { route });
}

function expectFailure(failed: { kind: PlatformErrorKind; retryAfterMs: number | null }, kind: PlatformErrorKind, retryAfterMs?: number): void {
  expect(failed.kind).toBe(kind);
  if (retryAfterMs !== undefined) expect(failed.retryAfterMs).toBe(retryAfterMs);
}

describe('fault matrix: the long poll', () => {
  it.each(transport)('%s on a_check fails the poll as %s; the same cursor then delivers everything', async (_name, fault, kind, retryAfterMs) => {
    const context = await setup({}, { requestTimeoutMs: TIMEOUT_MS });
    const { vk, connector } = context;
    const { cursor } = await connector.fetchUpdates('messages', null, signal);
    vk.community.receive(ANNA, 'first');
    inject(context, fault, 'poll');
    expectFailure(await failure(connector.fetchUpdates('messages', cursor, signal)), kind, retryAfterMs);
    vk.faults.clear();
    vk.community.receive(ANNA, 'second');
    const page = await connector.fetchUpdates('messages', cursor, signal);
    expect(page.items.map((item) => item.body)).toEqual(['first', 'second']);
  });

  it.each([...transport, ...api])('%s on groups.getLongPollServer fails the poll as %s, and the next poll connects', async (_name, fault, kind, retryAfterMs) => {
    const context = await setup({}, { requestTimeoutMs: TIMEOUT_MS });
    const { vk, connector } = context;
    inject(context, fault, 'read');
    expectFailure(await failure(connector.fetchUpdates('messages', null, signal)), kind, retryAfterMs);
    vk.faults.clear();
    const { cursor } = await connector.fetchUpdates('messages', null, signal);
    vk.community.receive(ANNA, 'hello');
    expect((await connector.fetchUpdates('messages', cursor, signal)).items.map((item) => item.body)).toEqual(['hello']);
  });
});

describe('fault matrix: the wall scan', () => {
  it.each([...transport, ...api])('%s fails the scan as %s; the next scan from the same watermark delivers', async (_name, fault, kind, retryAfterMs) => {
    const context = await setup({}, { requestTimeoutMs: TIMEOUT_MS });
    const { vk, connector, clock } = context;
    const post = vk.community.addPost('Новинка', Math.floor((clock.at - HOUR) / 1000));
    vk.community.addComment(post, PIOTR, 'Сколько стоит?');
    inject(context, fault, 'read');
    expectFailure(await failure(connector.fetchUpdates('wall_comments', null, signal)), kind, retryAfterMs);
    vk.faults.clear();
    expect((await connector.fetchUpdates('wall_comments', null, signal)).items.map((item) => item.body)).toEqual(['Сколько стоит?']);
  });
});

/** A customer's DM and a comment under a post, and a reply request to each, keyed like outbox rows. */
function threads({ vk, clock }: Setup): ReplyRequest[] {
  vk.community.receive(ANNA, 'Где мой заказ?');
  const post = vk.community.addPost('Новинка', Math.floor((clock.at - HOUR) / 1000));
  const top = vk.community.addComment(post, PIOTR, 'Сколько стоит?');
  return [
    { threadPlatformId: `dm:${ANNA}`, text: 'Уже в пути.', visibility: 'private', idempotencyKey: '01JDXROW0000000000000000DM' },
    { threadPlatformId: `wall:${-GROUP.id}_${post}_${top.id}`, text: '12 злотых.', visibility: 'public', idempotencyKey: '01JDXROW0000000000000000WC' },
  ];
}

/** What the community has published so far: its messages and its own comments. */
function published({ vk }: Setup): string[] {
  return [...vk.community.sent.map((sent) => sent.text), ...vk.community.comments.filter((comment) => comment.raw.from_id === -GROUP.id).map((comment) => String(comment.raw.text))];
}

describe('fault matrix: sends', () => {
  it.each([
    ['5xx before the work', { kind: 'status', status: 500 } as Fault, 'server'],
    ['connection reset before the work', { kind: 'drop' } as Fault, 'network'],
    ['error 10 before the work', { kind: 'api_error', code: 10 } as Fault, 'server'],
  ] as const)('%s is ambiguous, and the resend with the same key publishes exactly once', async (_name, fault, kind) => {
    const context = await setup();
    for (const request of threads(context)) {
      context.vk.faults.add(fault, { route: 'write' });
      const failed = await failure(context.connector.sendReply(request, signal));
      expect([failed.kind, failed.ambiguous]).toEqual([kind, true]);
      await context.connector.sendReply(request, signal);
    }
    expect(published(context)).toEqual(['Уже в пути.', '12 злотых.']);
  });

  it.each([
    ['a 502 after the commit', { kind: 'commit_then_fail', then: 'status' } as Fault],
    ['a reset after the commit', { kind: 'commit_then_fail', then: 'drop' } as Fault],
    ['a timeout after the commit', { kind: 'commit_then_fail', then: 'hang' } as Fault],
    ['a truncated answer after the commit', { kind: 'malformed' } as Fault],
  ])('%s is ambiguous; the resend with the same random_id / guid returns what VK already has', async (_name, fault) => {
    const context = await setup({}, { requestTimeoutMs: TIMEOUT_MS });
    for (const request of threads(context)) {
      context.vk.faults.add(fault, { route: 'write' });
      expect((await failure(context.connector.sendReply(request, signal))).ambiguous).toBe(true);
      const before = published(context);
      const resent = await context.connector.sendReply(request, signal);
      expect(published(context)).toEqual(before);
      expect(resent.platformId).toMatch(request.threadPlatformId.startsWith('dm:') ? /^msg:/ : /^wc:/);
    }
    expect(published(context)).toEqual(['Уже в пути.', '12 злотых.']);
    expect(context.vk.faults.pending()).toBe(0);
  });

  it.each([
    ['error 5', { kind: 'api_error', code: 5 } as Fault, 'unauthorized', null],
    ['error 9', { kind: 'api_error', code: 9 } as Fault, 'rate_limited', 60_000],
    ['error 901', { kind: 'api_error', code: 901, message: "Can't send messages for users without permission" } as Fault, 'refused', null],
  ])('a send refused with %s is definite (%s), not ambiguous, and nothing is published', async (_name, fault, kind, retryAfterMs) => {
    const context = await setup();
    for (const request of threads(context)) {
      context.vk.faults.add(fault, { route: 'write' });
      const failed = await failure(context.connector.sendReply(request, signal));
      expect([failed.kind, failed.ambiguous, failed.retryAfterMs]).toEqual([kind, false, retryAfterMs]);
    }
    expect(published(context)).toEqual([]);
  });
});
