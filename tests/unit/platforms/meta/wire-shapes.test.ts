import { describe, expect, it } from 'vitest';
import * as reference from '../../../fixtures/meta/graph';
import { HOUR, DAY, PAGE, setup, type Setup } from './harness';
import { shape } from '../kit';

/** The fake's answer to one raw Graph call, as a client sees it. */
async function raw({ graph }: Setup, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${graph.url}${path}`, { ...init, headers: { authorization: 'Bearer token-1', 'content-type': 'application/json', ...init.headers } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const first = (body: Record<string, unknown>) => (body.data as unknown[])[0];

describe('the fake Graph answers in the shapes of the reference examples', () => {
  it('lists conversations and their messages like the Conversations API', async () => {
    const context = await setup();
    const { graph, clock } = context;
    graph.store.customerWrites('messenger', { id: '1', name: 'A' }, 'hi', clock.at - 2 * HOUR);
    const { conversationId } = graph.store.customerWrites('messenger', { id: '2', name: 'B' }, 'hello', clock.at - HOUR);
    graph.store.sendToPerson('2', 'RESPONSE', null, 'Hi B');
    const list = await raw(context, `/${PAGE.id}/conversations?platform=messenger&fields=id,updated_time&limit=1`);
    expect(shape(list.body)).toEqual(shape(reference.conversationsList));
    const messages = await raw(context, `/${conversationId}/messages?fields=id,created_time,from,to,message`);
    expect(shape(first(messages.body))).toEqual(shape(reference.messengerMessages.data[0]));
  });

  it('answers the Send API, comment replies and hiding like the references', async () => {
    const context = await setup();
    const { graph, clock } = context;
    graph.store.customerWrites('messenger', { id: '2580001234567890', name: 'A' }, 'hi', clock.at - HOUR);
    const sent = await raw(context, `/${PAGE.id}/messages`, { method: 'POST', body: JSON.stringify({ recipient: { id: '2580001234567890' }, messaging_type: 'RESPONSE', message: { text: 'hello' } }) });
    expect(shape(sent.body)).toEqual(shape(reference.sendApiResponse));

    const post = graph.store.addPost('post', clock.at - DAY);
    const comment = graph.store.addComment(post, { id: '7', name: 'P' }, 'question', { at: clock.at - HOUR });
    const reply = await raw(context, `/${comment}/comments`, { method: 'POST', body: JSON.stringify({ message: 'answer' }) });
    expect(shape(reply.body)).toEqual(shape(reference.createdComment));
    const comments = await raw(context, `/${post}/comments?filter=stream&order=reverse_chronological`);
    expect(shape(first(comments.body))).toEqual(shape(reference.pageComments.data[1]));
    expect(shape((await raw(context, `/${comment}`, { method: 'POST', body: JSON.stringify({ is_hidden: true }) })).body)).toEqual(shape(reference.success));
  });

  it('serves Instagram comments with their replies edge like the IG references', async () => {
    const context = await setup();
    const { graph, clock } = context;
    const media = graph.store.addMedia('caption', clock.at - DAY);
    const comment = graph.store.addComment(media, { id: '6', name: '', username: 'jan.nowak' }, 'This is awesome!', { at: clock.at - HOUR });
    const reply = await raw(context, `/${comment}/replies`, { method: 'POST', body: JSON.stringify({ message: '*sniff*' }) });
    expect(shape(reply.body)).toEqual(shape(reference.instagramReplyCreated));
    const comments = await raw(context, `/${media}/comments?fields=id,text,timestamp,from,username,hidden,replies{id,text,timestamp,from,username,hidden}`);
    expect(shape(first(comments.body))).toEqual(shape(reference.instagramComments.data[0]));
    expect(shape((await raw(context, `/${comment}`, { method: 'POST', body: JSON.stringify({ hide: true }) })).body)).toEqual(shape(reference.success));
  });

  it('fails with the Graph error object and reports usage in X-Business-Use-Case-Usage', async () => {
    const context = await setup();
    const ok = await raw(context, '/me');
    const usage = JSON.parse(ok.headers.get('x-business-use-case-usage')!) as Record<string, unknown>;
    expect(shape(usage)).toEqual(shape(JSON.parse(reference.businessUsageHeader)));
    context.graph.revokeToken();
    const refused = await raw(context, '/me');
    expect(refused.status).toBe(400);
    const { error_user_title: _title, error_user_msg: _msg, ...required } = reference.tokenError.error;
    expect(shape(refused.body)).toEqual(shape({ error: required }));
  });
});
