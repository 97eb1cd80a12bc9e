import { describe, expect, it, vi } from 'vitest';
import { calls, type CallName } from '../../../shared/contract';
import type { ConversationSummary } from '../../../shared/domain';
import { PriorityWeights } from '../../../shared/triage';
import { createClient, handle, RpcError, type EngineEndpoint, type EventFrame, type Handlers } from '../../../shared/rpc';
import { memoryTransport } from '../../../shared/rpc/transports/memory';

const summary: ConversationSummary = {
  id: 'c1',
  accountId: 'a1',
  platform: 'sandbox',
  kind: 'review',
  status: 'open',
  contactName: 'Anna',
  contactHandle: '@anna',
  title: 'Store',
  preview: 'hello',
  lastMessageAt: 1,
  rating: 2,
  lang: 'pl',
  hasDraft: false,
  sentiment: 'negative',
  sentimentScore: -0.6,
  slaDueAt: 100,
  snoozedUntil: null,
  assigneeId: null,
  tagIds: [],
};

/** Calls a test does not exercise answer with a typed refusal. */
const refuseTheRest = Object.fromEntries(
  (Object.keys(calls) as CallName[]).map((name) => [
    name,
    () => {
      throw new RpcError('refused', `${name} is not part of this test`);
    },
  ]),
) as unknown as Handlers<null>;

function fakeHandlers(overrides: Partial<Handlers<null>> = {}): Handlers<null> {
  return {
    ...refuseTheRest,
    'app.status': () => ({ connectivity: 'online', accounts: [], workspace: '/tmp/w' }),
    'inbox.list': ({ offset, limit }) => ({ total: 1, items: offset === 0 && limit > 0 ? [summary] : [] }),
    'conversation.get': ({ id }) => {
      if (id !== 'c1') throw new RpcError('not_found', 'No such conversation');
      return { ...summary, messages: [], priority: { score: 0, parts: [] }, sentimentEvidence: [] };
    },
    'reply.send': (input) => ({
      id: 'm1',
      conversationId: input.conversationId,
      direction: 'out',
      visibility: 'public',
      authorName: 'Brand',
      body: input.body,
      createdAt: 5,
      state: 'queued',
      error: null,
      clientId: input.clientId,
      sendAt: null,
      hidden: false,
      hideState: null,
      hideError: null,
    }),
    'search.messages': () => ({ hits: [], ignored: [] }),
    'settings.get': () => ({ language: null, keymap: {}, priorityWeights: PriorityWeights.parse({}), undoWindowMs: 5_000, cannedRepeatLimit: 5 }),
    'settings.update': ({ language }) => ({ language: language ?? null, keymap: {}, priorityWeights: PriorityWeights.parse({}), undoWindowMs: 5_000, cannedRepeatLimit: 5 }),
    ...overrides,
  };
}

function endpointFor(handlers: Handlers<null>, onInternalError = vi.fn()) {
  const dispatch = handle(handlers, { onInternalError });
  const listeners = new Set<(frame: EventFrame) => void>();
  const endpoint: EngineEndpoint = {
    dispatch: (frame) => dispatch(frame, null),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { dispatch, endpoint, emit: (frame: EventFrame) => listeners.forEach((l) => l(frame)), onInternalError };
}

describe('handle()', () => {
  it('answers a valid call with its output', async () => {
    const { dispatch } = endpointFor(fakeHandlers());
    const result = await dispatch({ t: 'call', id: 7, name: 'inbox.list', input: { view: 'needs_reply', offset: 0, limit: 50 } }, null);
    expect(result).toEqual({ t: 'result', id: 7, ok: true, output: { total: 1, items: [summary] } });
  });

  it.each([
    ['wrong type', { view: 'needs_reply', offset: '0', limit: 50 }, 'offset'],
    ['unknown view', { view: 'everything', offset: 0, limit: 50 }, 'view'],
    ['limit too large', { view: 'all', offset: 0, limit: 100_000 }, 'limit'],
    ['negative offset', { view: 'all', offset: -1, limit: 10 }, 'offset'],
    ['extra key', { view: 'all', offset: 0, limit: 10, sql: 'DROP TABLE messages' }, ''],
  ])('refuses invalid input (%s) with a typed error naming the field', async (_label, input, path) => {
    const { dispatch } = endpointFor(fakeHandlers());
    const result = await dispatch({ t: 'call', id: 3, name: 'inbox.list', input }, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.id).toBe(3);
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path)).toContain(path);
  });

  it('refuses an empty or oversized reply body before the handler runs', async () => {
    const send = vi.fn();
    const { dispatch } = endpointFor(fakeHandlers({ 'reply.send': send }));
    for (const body of ['   ', 'x'.repeat(10_001)]) {
      const result = await dispatch({ t: 'call', id: 1, name: 'reply.send', input: { conversationId: 'c1', clientId: 'k', body } }, null);
      expect(result.ok).toBe(false);
    }
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses unknown calls and inherited property names', async () => {
    const { dispatch } = endpointFor(fakeHandlers());
    for (const name of ['db.exec', '__proto__', 'constructor', 'toString']) {
      const result = await dispatch({ t: 'call', id: 1, name, input: {} }, null);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it.each([null, 42, 'call', [], { t: 'call' }, { t: 'call', id: -1, name: 'app.status', input: {} }, { t: 'event', name: 'x' }])(
    'answers a malformed frame %j with invalid_frame instead of throwing',
    async (frame) => {
      const { dispatch } = endpointFor(fakeHandlers());
      await expect(dispatch(frame, null)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_frame' } });
    },
  );

  it('turns a handler crash into an internal error and reports it, without leaking the message', async () => {
    const { dispatch, onInternalError } = endpointFor(
      fakeHandlers({
        'app.status': () => {
          throw new Error('SQLITE_BUSY secret details');
        },
      }),
    );
    const result = await dispatch({ t: 'call', id: 9, name: 'app.status', input: {} }, null);
    expect(result).toMatchObject({ ok: false, id: 9, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(onInternalError).toHaveBeenCalledOnce();
    // and the dispatcher keeps working
    await expect(dispatch({ t: 'call', id: 10, name: 'settings.get', input: {} }, null)).resolves.toMatchObject({ ok: true });
  });

  it('passes typed RpcErrors through', async () => {
    const { dispatch } = endpointFor(fakeHandlers());
    const result = await dispatch({ t: 'call', id: 2, name: 'conversation.get', input: { id: 'nope' } }, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No such conversation' } });
  });
});

describe('typed client over the in-memory transport', () => {
  it('round-trips calls and delivers validated events', async () => {
    const { endpoint, emit } = endpointFor(fakeHandlers());
    const client = createClient(memoryTransport(endpoint));
    await expect(client.call('inbox.list', { view: 'all', offset: 0, limit: 10 })).resolves.toEqual({ total: 1, items: [summary] });
    const seen: unknown[] = [];
    client.on('connectivity.changed', (payload) => seen.push(payload));
    emit({ t: 'event', name: 'connectivity.changed', payload: { connectivity: 'offline' } });
    emit({ t: 'event', name: 'connectivity.changed', payload: { connectivity: 'sideways' } }); // invalid: dropped
    emit({ t: 'event', name: 'no.such.event', payload: {} });
    expect(seen).toEqual([{ connectivity: 'offline' }]);
    client.close();
  });

  it('rejects with a typed error for invalid input without sending it', async () => {
    const { endpoint } = endpointFor(fakeHandlers());
    const transport = memoryTransport(endpoint);
    const send = vi.spyOn(transport, 'send');
    const client = createClient(transport);
    // @ts-expect-error the contract forbids this input at compile time too
    const error = await client.call('inbox.list', { view: 'all', offset: 'zero', limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('invalid_input');
    expect(send).not.toHaveBeenCalled();
  });

  it('rejects an engine answer that does not match the contract', async () => {
    // @ts-expect-error deliberately wrong output shape
    const { endpoint } = endpointFor(fakeHandlers({ 'settings.get': () => ({ language: 'klingon' }) }));
    const client = createClient(memoryTransport(endpoint));
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'invalid_output' });
  });

  it('fails pending calls when the transport disconnects', async () => {
    let disconnect = () => {};
    const client = createClient({
      send: () => {},
      onFrame: () => () => {},
      onDisconnect: (listener) => {
        disconnect = listener;
        return () => {};
      },
    });
    const pending = client.call('app.status', {});
    disconnect();
    await expect(pending).rejects.toMatchObject({ code: 'unavailable' });
  });
});
