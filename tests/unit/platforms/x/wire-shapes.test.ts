import { describe, expect, it } from 'vitest';
import * as api from '../../../fixtures/x/api';
import { ANNA, TOKEN, setup } from './harness';

/**
 * Contract: the fake X answers in the shapes of the reference examples
 * (tests/fixtures/x/api.ts), so what the connector is tested against is what
 * X sends. Keys are compared, values differ.
 */
const keys = (value: unknown) => Object.keys(value as object).sort();

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers } });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('fake X wire shapes', () => {
  it('answers /2/users/me, mentions, DM events and both sends like the references, with rate-limit headers', async () => {
    const { fake } = await setup();
    const mention = fake.store.mention(ANNA, 'my order https://example.com/orders/4471 &');
    fake.store.mention(ANNA, 'second');
    fake.store.customerDm(ANNA, 'Hi!');
    const base = `${fake.url}/2`;

    const me = await call(`${base}/users/me`);
    expect(keys((me.body as typeof api.usersMe).data)).toEqual(keys(api.usersMe.data));
    expect(keys(Object.fromEntries(me.headers))).toEqual(expect.arrayContaining(keys(api.rateLimitHeaders)));

    const fields = 'tweet.fields=created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,entities&expansions=author_id&user.fields=name,username';
    const listed = (await call(`${base}/users/${api.BRAND.id}/mentions?max_results=5&${fields}`)).body as typeof api.mentions;
    expect(keys(listed)).toEqual(keys(api.mentions));
    expect(keys(listed.data[1])).toEqual(keys(api.mentions.data[0]));
    expect(keys(listed.data[0])).toEqual(keys(api.mentions.data[0]).filter((key) => key !== 'entities'));
    expect(keys(listed.data[1]!.entities!.urls![0])).toEqual(expect.arrayContaining(keys(api.mentions.data[0]!.entities!.urls[0])));
    expect(keys(listed.includes.users[0])).toEqual(keys(api.mentions.includes.users[0]));
    expect(keys(listed.meta)).toEqual(keys(api.mentions.meta).filter((key) => key !== 'next_token'));

    const paged = (await call(`${base}/users/${api.BRAND.id}/mentions?max_results=5`)).body as { data: object[] };
    expect(keys(paged.data[0])).toEqual(['edit_history_tweet_ids', 'id', 'text']);

    const dmFields = 'dm_event.fields=id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids&expansions=sender_id&user.fields=name,username';
    const events = (await call(`${base}/dm_events?${dmFields}`)).body as typeof api.dmEvents;
    expect(keys(events.data[0])).toEqual(keys(api.dmEvents.data[0]));
    expect(keys(events.includes.users[0])).toEqual(keys(api.dmEvents.includes.users[0]));

    const created = await call(`${base}/tweets`, { method: 'POST', body: JSON.stringify({ ...api.createTweetRequest, reply: { in_reply_to_tweet_id: mention.id } }) });
    expect(created.status).toBe(201);
    expect(keys((created.body as typeof api.createdTweet).data)).toEqual(keys(api.createdTweet.data));
    const sent = await call(`${base}/dm_conversations/with/${ANNA.id}/messages`, { method: 'POST', body: JSON.stringify(api.dmSendRequest) });
    expect(sent.status).toBe(201);
    expect(keys((sent.body as typeof api.dmSent).data)).toEqual(keys(api.dmSent.data));
  });

  it('hides a reply like the reference, and refuses a post it may not hide with X\'s 403 problem', async () => {
    const { fake } = await setup();
    const post = fake.store.post('Our winter blend is here.');
    const reply = fake.store.mention(ANNA, 'spam', { replyTo: post.id });
    const hide = (id: string) => call(`${fake.url}/2/tweets/${id}/hidden`, { method: 'PUT', body: JSON.stringify(api.hideReplyRequest) });
    const hidden = await hide(reply.id);
    expect([hidden.status, hidden.body]).toEqual([200, api.hiddenReply]);
    expect(keys(Object.fromEntries(hidden.headers))).toEqual(expect.arrayContaining(keys(api.rateLimitHeaders)));
    const forbidden = await hide(post.id);
    expect([forbidden.status, forbidden.body]).toEqual([403, api.hideForbidden]);
    const invalid = await hide('not-a-post');
    expect([invalid.status, keys(invalid.body)]).toEqual([400, expect.arrayContaining(keys(api.invalidRequest))]);
    expect(fake.store.moderation()).toEqual([expect.objectContaining({ id: reply.id, hidden: true, requests: 1 })]);
  });

  it('answers errors as X\'s problem objects: 401, 403 duplicate, 400 invalid request, 429', async () => {
    const { fake } = await setup({ limits: { 'GET /2/users/me': 1 } });
    const mention = fake.store.mention(ANNA, 'hi');
    const base = `${fake.url}/2`;
    const denied = await call(`${base}/users/me`, { headers: { authorization: 'Bearer wrong' } });
    expect([denied.status, keys(denied.body)]).toEqual([401, keys(api.unauthorized)]);

    const reply = { method: 'POST', body: JSON.stringify({ text: 'Thanks!', reply: { in_reply_to_tweet_id: mention.id } }) };
    await call(`${base}/tweets`, reply);
    const twice = await call(`${base}/tweets`, reply);
    expect([twice.status, keys(twice.body)]).toEqual([403, keys(api.duplicate)]);

    const invalid = await call(`${base}/users/${api.BRAND.id}/mentions?max_results=1000`);
    expect(invalid.status).toBe(400);
    expect(keys(invalid.body)).toEqual(expect.arrayContaining(keys(api.invalidRequest)));

    const refusals: [string, string][] = [
      ['{"text": "cut sh', 'not valid JSON'],
      [JSON.stringify({ text: 'hi', reply: { in_reply_to_tweet_id: '999' } }), 'does not exist'],
      [JSON.stringify({ text: '字'.repeat(141), reply: { in_reply_to_tweet_id: mention.id } }), 'too long'],
      [JSON.stringify({ text: 'hi', reply: { in_reply_to_tweet_id: mention.id }, extra: 1 }), 'Unrecognized key'],
    ];
    for (const [body, reason] of refusals) {
      const refused = await call(`${base}/tweets`, { method: 'POST', body });
      expect([refused.status, (refused.body as typeof api.invalidRequest).errors[0]!.message]).toEqual([400, expect.stringContaining(reason)]);
    }
    expect(fake.store.published).toHaveLength(1);

    await call(`${base}/users/me`);
    const limited = await call(`${base}/users/me`);
    expect([limited.status, keys(limited.body), limited.headers.get('x-rate-limit-remaining')]).toEqual([429, keys(api.tooManyRequests), '0']);
  });
});
