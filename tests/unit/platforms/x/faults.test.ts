import { describe, expect, it } from 'vitest';
import type { FakeXFaults } from '../../../../main/engine/platforms/x/fake';
import { XConnector } from '../../../../main/engine/platforms/x/client';
import type { PlatformErrorKind, ReplyRequest } from '../../../../main/engine/platforms/types';
import { ANNA, BRAND, HOUR, MINUTE, bodies, drain, failure, setup, signal, type Setup } from './harness';

// Latency faults wait this long; the connector gives up far sooner, so no test waits for them. The
// timeout is short for a test yet long enough that a loopback call on a busy machine never reaches it.
const SLOW_MS = 60_000;
const TIMEOUT_MS = 1_500;

type Case = FakeXFaults | 'latency' | 'invalid token';

describe('fault matrix: reads', () => {
  const cases: [string, Case, PlatformErrorKind][] = [
    ['latency past the timeout', 'latency', 'network'],
    ['5xx', { fail: { status: 503, count: 1 } }, 'server'],
    ['429', { rate_limit: { retry_after_s: 60, count: 1 } }, 'rate_limited'],
    ['connection reset', { drop: { count: 1 } }, 'network'],
    ['invalid token', 'invalid token', 'unauthorized'],
    ['malformed JSON', { malformed_json: { count: 1 } }, 'server'],
  ];

  it.each(cases)('%s fails the poll as %s, nothing is lost, and the next poll delivers', async (_name, fault, kind) => {
    const { fake, x, clock } = await setup({}, fault === 'latency' ? { timeoutMs: TIMEOUT_MS } : {});
    fake.store.mention(ANNA, 'first');
    fake.store.customerDm(ANNA, 'second');
    const failing = fault === 'invalid token' ? new XConnector({ baseUrl: fake.url, accessToken: 'revoked', userId: BRAND.id }, clock.now) : x;
    for (const stream of ['mentions', 'dms']) {
      if (fault === 'latency') fake.faults({ route: 'updates', latency_ms: SLOW_MS });
      else if (fault !== 'invalid token') fake.faults({ route: 'updates', ...fault });
      const failed = await failure(failing.fetchUpdates(stream, null, signal));
      expect(failed.kind).toBe(kind);
      if (kind === 'rate_limited') expect(failed.retryAfterMs).toBe(60_000);
      fake.clearFaults();
    }

    clock.advance(HOUR); // past any reset the connector recorded
    expect(bodies((await drain(x, 'mentions')).pages)).toEqual(['@northwindcoffee first']);
    expect(bodies((await drain(x, 'dms')).pages)).toEqual(['second']);
  });
});

/** A mention an hour old and the public reply to it; the customer's DM conversation and a DM reply. */
function threads({ fake, clock }: Setup): { tweet: ReplyRequest; dm: ReplyRequest } {
  const mention = fake.store.mention(ANNA, 'Is my parcel lost?', { at: clock.at - HOUR });
  fake.store.customerDm(ANNA, 'Hello?', clock.at - HOUR);
  return {
    tweet: { threadPlatformId: `mention:${mention.id}/${ANNA.id}`, text: 'We are checking with the courier & will write back: https://example.com/track', visibility: 'public', idempotencyKey: 'o1' },
    dm: { threadPlatformId: `dm:${ANNA.id}-${BRAND.id}`, text: 'Your parcel is on its way.', visibility: 'private', idempotencyKey: 'o2' },
  };
}

describe('fault matrix: sends', () => {
  it.each([
    ['5xx before the work', { fail: { status: 500, count: 1 } } as FakeXFaults, 'server'],
    ['connection reset before the work', { drop: { count: 1 } } as FakeXFaults, 'network'],
  ])('%s is ambiguous; reconciliation finds nothing, and one resend publishes exactly once', async (_name, fault, kind) => {
    const context = await setup();
    const { fake, x, clock } = context;
    for (const request of Object.values(threads(context))) {
      const sentAfter = clock.at;
      fake.faults({ route: 'replies', ...fault });
      const failed = await failure(x.sendReply(request, signal));
      expect([failed.kind, failed.ambiguous]).toEqual([kind, true]);
      expect(await x.findPublished(request, sentAfter, signal)).toBeNull();
      await x.sendReply(request, signal);
      clock.advance(MINUTE);
    }
    expect(fake.store.published.map((entry) => entry.text)).toEqual([expect.stringContaining('courier'), 'Your parcel is on its way.']);
  });

  it.each(['hang', 'drop', '503'] as const)('a failure after the send committed (%s) is ambiguous, and reconciliation finds the published tweet and DM', async (then) => {
    const context = await setup({}, then === 'hang' ? { timeoutMs: TIMEOUT_MS } : {});
    const { fake, x, clock } = context;
    const requests = threads(context);
    const sentAfter = clock.at;
    for (const request of Object.values(requests)) {
      fake.faults({ route: 'replies', after_commit: then, commit_then_fail: { count: 1 } });
      const failed = await failure(x.sendReply(request, signal));
      expect(failed.ambiguous).toBe(true);
    }
    expect(fake.store.published).toHaveLength(2);
    clock.advance(MINUTE);
    // X gave the tweet's link back as t.co, escaped the & and put @anna_k in front: it is still recognised.
    expect(await x.findPublished(requests.tweet, sentAfter, signal)).toEqual({ platformId: fake.store.published[0]!.id, createdAt: sentAfter });
    expect(await x.findPublished(requests.dm, sentAfter, signal)).toEqual({ platformId: fake.store.published[1]!.id, createdAt: sentAfter });
  });

  it('does not mistake an earlier identical reply, another text, or a reply to another tweet for this one', async () => {
    const context = await setup();
    const { fake, x, clock } = context;
    const { tweet, dm } = threads(context);
    await x.sendReply(tweet, signal);
    await x.sendReply(dm, signal);
    clock.advance(HOUR);
    expect(await x.findPublished(tweet, clock.at, signal)).toBeNull();
    expect(await x.findPublished(dm, clock.at, signal)).toBeNull();
    const earlier = clock.at - 2 * HOUR;
    expect(await x.findPublished({ ...tweet, text: 'Something else' }, earlier, signal)).toBeNull();
    expect(await x.findPublished({ ...dm, text: 'Something else' }, earlier, signal)).toBeNull();
    const other = fake.store.mention(ANNA, 'another question', { at: clock.at - 3 * HOUR });
    expect(await x.findPublished({ ...tweet, threadPlatformId: `mention:${other.id}/${ANNA.id}` }, earlier, signal)).toBeNull();
    expect(await x.findPublished(tweet, earlier, signal)).not.toBeNull();
  });

  it.each([
    ['invalid token', 'unauthorized'],
    ['429', 'rate_limited'],
  ] as const)('a send refused with %s is definite (%s), not ambiguous, and nothing is published', async (name, kind) => {
    const { fake, x, clock } = await setup();
    const { tweet } = threads({ fake, x, clock });
    if (name === 'invalid token') fake.revokeToken();
    else fake.faults({ route: 'replies', rate_limit: { retry_after_s: 30, count: 1 } });
    const failed = await failure(x.sendReply(tweet, signal));
    expect([failed.kind, failed.ambiguous]).toEqual([kind, false]);
    expect(fake.store.published).toEqual([]);
  });
});
