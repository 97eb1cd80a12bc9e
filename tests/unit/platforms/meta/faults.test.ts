import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../../main/engine/platforms/meta/fake';
import type { PlatformErrorKind, ReplyRequest } from '../../../../main/engine/platforms/types';
import { ANNA, HOUR, INSTAGRAM, PAGE, commentThreads, drain, failure, setup, signal, type Setup } from './harness';


/** A conversation where the customer wrote an hour ago, and a DM reply to it. */
function dmThread({ graph, clock }: Setup): ReplyRequest {
  const { conversationId } = graph.store.customerWrites('messenger', ANNA, 'Is my parcel lost?', clock.at - HOUR);
  return { threadPlatformId: `messenger:${conversationId}`, text: 'We are checking with the courier.', visibility: 'private', idempotencyKey: 'o1' };
}

// Latency faults wait this long; the connector gives up far sooner, so no test waits for them. The
// timeout is short for a test yet long enough that a loopback call on a busy machine never reaches it.
const SLOW_MS = 60_000;
const TIMEOUT_MS = 1_500;

describe('fault matrix: reads', () => {
  const cases: [string, Fault | 'latency', PlatformErrorKind][] = [
    ['latency past the timeout', 'latency', 'network'],
    ['5xx', { kind: 'status', status: 503 }, 'server'],
    ['code 4 (app throttled)', { kind: 'graph_error', status: 400, code: 4 }, 'rate_limited'],
    ['code 17 (user throttled)', { kind: 'graph_error', status: 400, code: 17 }, 'rate_limited'],
    ['code 32 (Page throttled)', { kind: 'graph_error', status: 400, code: 32 }, 'rate_limited'],
    ['code 613 (custom rate limit)', { kind: 'graph_error', status: 400, code: 613 }, 'rate_limited'],
    ['HTTP 429 with a Graph body', { kind: 'graph_error', status: 429, code: 4 }, 'rate_limited'],
    ['connection reset', { kind: 'drop' }, 'network'],
    ['invalid token (190)', { kind: 'graph_error', status: 401, code: 190, subcode: 463 }, 'unauthorized'],
    ['malformed JSON', { kind: 'malformed' }, 'server'],
    ['a bad request (100)', { kind: 'graph_error', status: 400, code: 100 }, 'refused'],
  ];

  it.each(cases)('%s fails the poll as %s, nothing is lost, and the next poll delivers', async (_name, fault, kind) => {
    const context = await setup({}, fault === 'latency' ? { timeoutMs: TIMEOUT_MS } : {});
    const { graph, meta, clock } = context;
    graph.store.customerWrites('messenger', ANNA, 'first', clock.at - HOUR);
    if (fault === 'latency') graph.faults.setLatency(SLOW_MS, 'read');
    else graph.faults.add(fault, { route: 'read' });

    const failed = await failure(meta.fetchUpdates('messenger', null, signal));
    expect(failed.kind).toBe(kind);
    if (kind === 'rate_limited') expect(failed.retryAfterMs).toBeGreaterThan(0);

    graph.faults.clear();
    clock.advance(HOUR); // past any throttling wait the connector recorded
    const { pages } = await drain(meta, 'messenger');
    expect(pages.flatMap((page) => page.items.map((item) => item.body))).toEqual(['first']);
  });
});

describe('fault matrix: sends', () => {
  it.each([
    ['5xx before the work', { kind: 'status', status: 500 } as Fault, 'server'],
    ['connection reset before the work', { kind: 'drop' } as Fault, 'network'],
  ])('%s is ambiguous; reconciliation finds nothing, and one resend publishes exactly once', async (_name, fault, kind) => {
    const context = await setup();
    const { graph, meta, clock } = context;
    const request = dmThread(context);
    const sentAfter = clock.at;
    graph.faults.add(fault, { route: 'write' });
    const failed = await failure(meta.sendReply(request, signal));
    expect(failed.kind).toBe(kind);
    expect(failed.ambiguous).toBe(true);
    expect(graph.store.sent).toEqual([]);

    expect(await meta.findPublished(request, sentAfter, signal)).toBeNull();
    await meta.sendReply(request, signal);
    expect(graph.store.sent.map((sent) => sent.text)).toEqual([request.text]);
  });

  it.each(['status', 'drop', 'hang'] as const)('a failure after the send committed (%s) is ambiguous, and reconciliation finds the published message', async (then) => {
    const context = await setup({}, then === 'hang' ? { timeoutMs: TIMEOUT_MS } : {});
    const { graph, meta, clock } = context;
    const request = dmThread(context);
    const sentAfter = clock.at;
    graph.faults.add({ kind: 'commit_then_fail', then }, { route: 'write' });
    const failed = await failure(meta.sendReply(request, signal));
    expect(failed.ambiguous).toBe(true);
    expect(graph.store.sent).toHaveLength(1);

    const found = await meta.findPublished(request, sentAfter, signal);
    expect(found?.platformId).toBe(graph.store.sent[0]!.messageId);
    expect(graph.faults.pending()).toBe(0);
  });

  it('reconciles ambiguous comment replies (Page and Instagram) and private replies', async () => {
    const context = await setup();
    const { graph, meta, clock } = context;
    const { comment, igComment } = commentThreads(context, { page: 'Where do you ship?', instagram: 'Price?' });
    const requests: ReplyRequest[] = [
      { threadPlatformId: `page_comment:${comment}`, text: 'Everywhere in the EU.', visibility: 'public', idempotencyKey: 'a' },
      { threadPlatformId: `ig_comment:${igComment}`, text: '12 EUR.', visibility: 'public', idempotencyKey: 'b' },
      { threadPlatformId: `page_comment:${comment}`, text: 'Details in your inbox.', visibility: 'private', idempotencyKey: 'c' },
    ];
    const sentAfter = clock.at;
    for (const request of requests) {
      expect(await meta.findPublished(request, sentAfter, signal)).toBeNull();
      graph.faults.add({ kind: 'commit_then_fail', then: 'status' }, { route: 'write' });
      expect((await failure(meta.sendReply(request, signal))).kind).toBe('server');
    }
    const [fb, ig, privately] = await Promise.all(requests.map((request) => meta.findPublished(request, sentAfter, signal)));
    expect(graph.store.comments.get(fb!.platformId)).toMatchObject({ replyTo: comment, from: PAGE });
    expect(graph.store.comments.get(ig!.platformId)).toMatchObject({ replyTo: igComment, from: INSTAGRAM });
    expect(privately).toEqual({ platformId: `private_reply:${comment}`, createdAt: sentAfter });
  });

  it('does not mistake an earlier identical reply, or another text, for this one', async () => {
    const context = await setup();
    const { graph, meta, clock } = context;
    const request = dmThread(context);
    await meta.sendReply(request, signal);
    clock.advance(HOUR);
    expect(await meta.findPublished(request, clock.at, signal)).toBeNull();
    expect(await meta.findPublished({ ...request, text: 'Something else' }, clock.at - 2 * HOUR, signal)).toBeNull();
    expect(graph.store.sent).toHaveLength(1);
  });

  it.each([
    ['invalid token (190)', { kind: 'graph_error', status: 400, code: 190 } as Fault, 'unauthorized'],
    ['code 613', { kind: 'graph_error', status: 400, code: 613 } as Fault, 'rate_limited'],
    ['permission (200)', { kind: 'graph_error', status: 403, code: 200 } as Fault, 'refused'],
  ])('a send refused with %s is definite (%s), not ambiguous, and nothing is published', async (_name, fault, kind) => {
    const context = await setup();
    const request = dmThread(context);
    context.graph.faults.add(fault, { route: 'write' });
    const failed = await failure(context.meta.sendReply(request, signal));
    expect(failed.kind).toBe(kind);
    expect(failed.ambiguous).toBe(false);
    expect(context.graph.store.sent).toEqual([]);
  });
});
