import { describe, expect, it } from 'vitest';
import type { FakeXFaults } from '../../../../main/engine/platforms/x/fake';
import type { HideRequest } from '../../../../main/engine/platforms/types';
import { ANNA, BRAND, MINUTE, PIOTR, drain, failure, setup, signal, type Setup } from './harness';

// The hanging fault never answers; the connector gives up after this, short for a test yet long
// enough that a loopback call on a busy machine never reaches it.
const TIMEOUT_MS = 1_500;

/** Anna's reply under the brand's own post: the one kind of post X lets the brand hide. */
function replyToOurPost({ fake, clock }: Setup): HideRequest {
  const post = fake.store.post('Our winter blend is here.', clock.at - 2 * MINUTE);
  const reply = fake.store.mention(ANNA, 'buy followers at spam.example', { replyTo: post.id, at: clock.at - MINUTE });
  return { threadPlatformId: `mention:${reply.id}/${ANNA.id}`, messagePlatformId: reply.id, hidden: true };
}

const puts = ({ fake }: Setup) => fake.requests.filter((request) => request.endpoint === 'PUT /2/tweets/:id/hidden').length;

describe('hiding a reply on X', () => {
  it('hides and unhides the reply the mentions stream delivered, by the ids the engine stores, and one state is kept per post', async () => {
    const context = await setup();
    const { fake, x } = context;
    const expected = replyToOurPost(context);
    const [item] = (await drain(x, 'mentions')).pages.flatMap((page) => page.items);
    // The engine hides a message by its platform id, in its conversation's thread: what sync stored.
    const request: HideRequest = { threadPlatformId: item!.thread.platformId, messagePlatformId: item!.platformId, hidden: true };
    expect(request).toEqual(expected);

    await x.setHidden(request, signal);
    expect(fake.store.moderation()).toEqual([{ id: request.messagePlatformId, hidden: true, requests: 1, changed_at: expect.any(String) }]);
    // Again (a resend after an unknown outcome): X answers as for the first, and the state stays one.
    await x.setHidden(request, signal);
    expect(fake.store.moderation()).toEqual([expect.objectContaining({ id: request.messagePlatformId, hidden: true, requests: 2 })]);
    await x.setHidden({ ...request, hidden: false }, signal);
    expect(fake.store.moderation()).toEqual([expect.objectContaining({ id: request.messagePlatformId, hidden: false, requests: 3 })]);
    expect(puts(context)).toBe(3);
  });

  it('hides a reply further down the brand\'s conversation: an answer to the brand\'s own reply', async () => {
    const context = await setup();
    const { fake, x } = context;
    const first = replyToOurPost(context);
    await x.sendReply({ threadPlatformId: first.threadPlatformId, text: 'Please keep it on topic.', visibility: 'public', idempotencyKey: 'k' }, signal);
    const answer = fake.store.mention(PIOTR, 'more spam', { replyTo: fake.store.published[0]!.id });
    await x.setHidden({ threadPlatformId: `mention:${answer.id}/${PIOTR.id}`, messagePlatformId: answer.id, hidden: true }, signal);
    expect(fake.store.moderation()).toEqual([expect.objectContaining({ id: answer.id, hidden: true })]);
  });

  it('is refused in X\'s words for a post X does not let the brand hide: a plain mention, a reply in someone else\'s conversation, its own reply, an unknown post', async () => {
    const context = await setup();
    const { fake, x } = context;
    const mention = fake.store.mention(ANNA, 'where is my order?');
    await x.sendReply({ threadPlatformId: `mention:${mention.id}/${ANNA.id}`, text: 'Checking now!', visibility: 'public', idempotencyKey: 'k' }, signal);
    const ours = fake.store.published[0]!.id;
    // Anna answers our reply: a reply to us, but in the conversation Anna started.
    const answer = fake.store.mention(ANNA, 'thanks', { replyTo: ours });
    const targets: [string, string][] = [
      [mention.id, ANNA.id],
      [answer.id, ANNA.id],
      [ours, BRAND.id],
      ['2123779188061110273', PIOTR.id],
    ];
    for (const [tweetId, authorId] of targets) {
      const refused = await failure(x.setHidden({ threadPlatformId: `mention:${tweetId}/${authorId}`, messagePlatformId: tweetId, hidden: true }, signal));
      expect([refused.kind, refused.ambiguous, refused.message]).toEqual(['refused', false, 'X refused PUT tweets/:id/hidden: Forbidden (X hides only replies in conversations the account started, and only with a token allowed tweet.moderate.write)']);
    }
    expect(puts(context)).toBe(4);
    expect(fake.store.moderation()).toEqual([]);
  });

  it('refuses an id that is not an X post id, and a DM, without asking X', async () => {
    const context = await setup();
    const { x } = context;
    const { threadPlatformId } = replyToOurPost(context);
    for (const id of ['', 'abc', '0123', '../../2/users/me', '1'.repeat(20), '12 ']) {
      const refused = await failure(x.setHidden({ threadPlatformId, messagePlatformId: id, hidden: true }, signal));
      expect([refused.kind, refused.message]).toEqual(['refused', expect.stringContaining('is not an X post id')]);
    }
    const dm = await failure(x.setHidden({ threadPlatformId: `dm:${ANNA.id}-${BRAND.id}`, messagePlatformId: '2123783420113846276', hidden: true }, signal));
    expect([dm.kind, dm.message]).toEqual(['refused', 'X hides replies to posts, not direct messages']);
    expect((await failure(x.setHidden({ threadPlatformId: 'page_comment:1_2', messagePlatformId: '2', hidden: true }, signal))).kind).toBe('refused');
    expect(puts(context)).toBe(0);
  });

  it('takes a 401 as unauthorized, not as a refusal of this reply', async () => {
    const context = await setup();
    const request = replyToOurPost(context);
    context.fake.revokeToken();
    const failed = await failure(context.x.setHidden(request, signal));
    expect([failed.kind, failed.ambiguous]).toEqual(['unauthorized', false]);
    expect(context.fake.store.moderation()).toEqual([]);
  });

  it('takes a 429 as rate_limited until x-rate-limit-reset, and asks again only after it', async () => {
    const context = await setup();
    const { fake, x, clock } = context;
    const request = replyToOurPost(context);
    fake.faults({ route: 'moderation', rate_limit: { retry_after_s: 90, count: 1 } });
    const limited = await failure(x.setHidden(request, signal));
    expect([limited.kind, limited.retryAfterMs, limited.ambiguous]).toEqual(['rate_limited', 90_000, false]);
    clock.advance(MINUTE);
    expect((await failure(x.setHidden(request, signal))).retryAfterMs).toBe(30_000);
    expect(puts(context)).toBe(1);
    clock.advance(MINUTE);
    await x.setHidden(request, signal);
    expect(fake.store.moderation()).toEqual([expect.objectContaining({ hidden: true, requests: 1 })]);
  });

  const ambiguous: [string, 'server' | 'network', FakeXFaults, boolean][] = [
    ['a 5xx before the work', 'server', { fail: { status: 503, count: 1 } }, false],
    ['a connection reset before the work', 'network', { drop: { count: 1 } }, false],
    ['a 503 after the state was set', 'server', { commit_then_fail: { count: 1 }, after_commit: '503' }, true],
    ['a reset after the state was set', 'network', { commit_then_fail: { count: 1 }, after_commit: 'drop' }, true],
    ['no answer after the state was set', 'network', { commit_then_fail: { count: 1 }, after_commit: 'hang' }, true],
    ['a cut-short answer after the state was set', 'server', { malformed_json: { count: 1 } }, true],
  ];

  it.each(ambiguous)('takes %s as an unknown outcome (%s), and setting the state again leaves one hidden reply', async (_name, kind, fault, applied) => {
    const context = await setup({}, { timeoutMs: TIMEOUT_MS });
    const { fake, x } = context;
    const request = replyToOurPost(context);
    fake.faults({ route: 'moderation', ...fault });
    const failed = await failure(x.setHidden(request, signal));
    expect([failed.kind, failed.ambiguous]).toEqual([kind, true]);
    expect(fake.store.moderation().map((record) => record.hidden)).toEqual(applied ? [true] : []);
    await x.setHidden(request, signal);
    expect(fake.store.moderation()).toEqual([expect.objectContaining({ id: request.messagePlatformId, hidden: true, requests: applied ? 2 : 1 })]);
  });
});
