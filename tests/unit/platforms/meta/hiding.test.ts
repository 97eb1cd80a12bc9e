import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../../main/engine/platforms/meta/fake';
import type { HideRequest, PlatformErrorKind } from '../../../../main/engine/platforms/types';
import { commentThreads, drain, failure, setup, signal, type Setup } from './harness';

// The hanging fault never answers; the connector gives up after this, short for a test yet long
// enough that a loopback call on a busy machine never reaches it.
const TIMEOUT_MS = 1_500;

/** A customer's comment under a Page post and one under an Instagram media, as the engine would ask to hide them. */
function hideRequests(context: Setup): { page: HideRequest; instagram: HideRequest } {
  const { comment, igComment } = commentThreads(context, { page: 'Cheap watches at spam.example', instagram: 'Follow me for free likes' });
  return {
    page: { threadPlatformId: `page_comment:${comment}`, messagePlatformId: comment, hidden: true },
    instagram: { threadPlatformId: `ig_comment:${igComment}`, messagePlatformId: igComment, hidden: true },
  };
}

const hidden = ({ graph }: Setup, request: HideRequest) => graph.store.comments.get(request.messagePlatformId)!.hidden;
const writesTo = ({ graph }: Setup, request: HideRequest) => graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/${request.messagePlatformId}`)).length;

describe('hiding a comment on Meta', () => {
  it('hides the comments the streams delivered, by the ids the engine stores, keeps one state when hidden twice, and shows them again', async () => {
    const context = await setup();
    const { meta } = context;
    const expected = hideRequests(context);
    for (const [stream, request] of [['page_comments', expected.page], ['instagram_comments', expected.instagram]] as const) {
      const [item] = (await drain(meta, stream)).pages.flatMap((page) => page.items);
      expect({ threadPlatformId: item!.thread.platformId, messagePlatformId: item!.platformId, hidden: true }).toEqual(request);
      await meta.setHidden(request, signal);
      await meta.setHidden(request, signal);
      expect(hidden(context, request)).toBe(true);
      await meta.setHidden({ ...request, hidden: false }, signal);
      expect(hidden(context, request)).toBe(false);
      expect(writesTo(context, request)).toBe(3);
    }
  });

  it('is refused in Graph\'s words for a comment deleted meanwhile and for the Page\'s own reply', async () => {
    const context = await setup();
    const { graph, meta } = context;
    const { page } = hideRequests(context);
    const own = graph.store.replyToComment(page.messagePlatformId, 'Please do not post links.');
    const ownRefused = await failure(meta.setHidden({ ...page, messagePlatformId: own }, signal));
    expect([ownRefused.kind, ownRefused.ambiguous, ownRefused.message]).toEqual(['refused', false, expect.stringContaining("The owner's own comments cannot be hidden")]);
    graph.store.comments.delete(page.messagePlatformId);
    const gone = await failure(meta.setHidden(page, signal));
    expect([gone.kind, gone.message]).toEqual(['refused', expect.stringContaining('does not exist')]);
  });

  it('refuses an id that is not a comment id without asking Graph', async () => {
    const context = await setup();
    const { graph, meta } = context;
    const { page } = hideRequests(context);
    const before = graph.requests.length;
    for (const id of ['', '..', 'a/b', '1?fields=x', 'x'.repeat(129)]) {
      const refused = await failure(meta.setHidden({ ...page, messagePlatformId: id }, signal));
      expect([refused.kind, refused.message]).toEqual(['refused', expect.stringContaining('is not a Meta comment id')]);
    }
    expect(graph.requests.length).toBe(before);
  });

  it('takes a revoked token as unauthorized, not as a refusal of this comment', async () => {
    const context = await setup();
    const { page } = hideRequests(context);
    context.graph.revokeToken();
    const failed = await failure(context.meta.setHidden(page, signal));
    expect([failed.kind, failed.ambiguous]).toEqual(['unauthorized', false]);
    expect(hidden(context, page)).toBe(false);
  });

  it.each([
    ['code 32 (Page throttled)', { kind: 'graph_error', status: 400, code: 32 } as Fault],
    ['HTTP 429 with a Graph body', { kind: 'graph_error', status: 429, code: 4 } as Fault],
  ])('takes %s as rate_limited with a wait, the comment untouched', async (_name, fault) => {
    const context = await setup();
    const { page } = hideRequests(context);
    context.graph.faults.add(fault, { route: 'write' });
    const limited = await failure(context.meta.setHidden(page, signal));
    expect([limited.kind, limited.ambiguous]).toEqual(['rate_limited', false]);
    expect(limited.retryAfterMs).toBeGreaterThan(0);
    expect(hidden(context, page)).toBe(false);
  });

  const ambiguous: [string, PlatformErrorKind, Fault, boolean][] = [
    ['a 5xx before the work', 'server', { kind: 'status', status: 503 }, false],
    ['a connection reset before the work', 'network', { kind: 'drop' }, false],
    ['a 502 after the state was set', 'server', { kind: 'commit_then_fail', then: 'status' }, true],
    ['a reset after the state was set', 'network', { kind: 'commit_then_fail', then: 'drop' }, true],
    ['no answer after the state was set', 'network', { kind: 'commit_then_fail', then: 'hang' }, true],
  ];

  it.each(ambiguous)('takes %s as an unknown outcome (%s), and setting the state again leaves both comments hidden', async (_name, kind, fault, applied) => {
    const context = await setup({}, { timeoutMs: TIMEOUT_MS });
    for (const request of Object.values(hideRequests(context))) {
      context.graph.faults.add(fault, { route: 'write' });
      const failed = await failure(context.meta.setHidden(request, signal));
      expect([failed.kind, failed.ambiguous]).toEqual([kind, true]);
      expect(hidden(context, request)).toBe(applied);
      await context.meta.setHidden(request, signal);
      expect(hidden(context, request)).toBe(true);
    }
    expect(context.graph.faults.pending()).toBe(0);
  });
});
