import type { CallName, EventName, EventPayload } from '../../shared/contract';
import type { Connectivity, Conversation, ConversationKind, ConversationSummary, Language, Message, Platform } from '../../shared/domain';
import { createClient, handle, RpcError, type Client, type EngineEndpoint, type EventFrame } from '../../shared/rpc';
import { memoryTransport } from '../../shared/rpc/transports/memory';

export const MINUTE = 60_000;
export const XSS_BODY = '<img src=x onerror=alert(1)>';
export const RLO_BODY = 'invoice \u202Efdp.exe and the rest of the line';

const KINDS: readonly ConversationKind[] = ['dm', 'comment', 'mention', 'review'];
const PLATFORMS: readonly Platform[] = ['facebook', 'instagram', 'x', 'telegram', 'vk'];

/** The named conversations at the top of the queue; the rest are generated. */
const NAMED: ReadonlyArray<Partial<Conversation> & { firstMessage: string }> = [
  {
    contactName: 'Anna Kowalska',
    kind: 'review',
    platform: 'reviews',
    rating: 2,
    title: 'Café Mokotów, Warsaw',
    preview: 'The coffee was cold and nobody came.',
    firstMessage: 'The coffee was cold and nobody came.',
  },
  { contactName: 'Dmitri Ivanov', kind: 'dm', platform: 'telegram', preview: XSS_BODY, firstMessage: XSS_BODY },
  { contactName: 'Sam Lee', kind: 'comment', platform: 'facebook', title: 'Spring sale post', preview: RLO_BODY, firstMessage: RLO_BODY },
];

function makeConversation(index: number, now: number): Conversation {
  const named = NAMED[index];
  const id = `c${index}`;
  const kind = named?.kind ?? KINDS[index % KINDS.length]!;
  const lastMessageAt = now - (index + 5) * MINUTE;
  const firstMessage = named?.firstMessage ?? `Question number ${index}`;
  const contactName = named?.contactName ?? `Customer ${index}`;
  const messages: Message[] = [
    { id: `${id}-m1`, conversationId: id, direction: 'in', visibility: 'public', authorName: contactName, body: firstMessage, createdAt: lastMessageAt, state: null, error: null, clientId: null },
  ];
  return {
    id,
    accountId: 'acc1',
    platform: named?.platform ?? PLATFORMS[index % PLATFORMS.length]!,
    kind,
    status: 'open',
    contactName,
    contactHandle: `@customer${index}`,
    title: named?.title ?? '',
    preview: named?.preview ?? firstMessage,
    lastMessageAt,
    rating: named?.rating ?? (kind === 'review' ? (index % 5) + 1 : null),
    lang: null,
    hasDraft: false,
    messages,
  };
}

const summaryOf = ({ messages: _messages, ...summary }: Conversation): ConversationSummary => summary;

export interface FakeEngine {
  endpoint: EngineEndpoint;
  conversations: Conversation[];
  /** Every call that reached the engine, in order. */
  calls: Array<{ name: string; input: unknown }>;
  callsTo(name: CallName): unknown[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** The next calls of this name fail with the error until `fail(name, null)`. */
  fail(name: CallName, error: RpcError | null): void;
  /** Calls of this name wait until the returned release() is called. */
  hold(name: CallName): () => void;
  connectivity: Connectivity;
  language: Language | null;
  client(): Client;
}

export function createFakeEngine({ conversations: count = 5_000 }: { conversations?: number } = {}): FakeEngine {
  const now = Date.now();
  const listeners = new Set<(frame: EventFrame) => void>();
  const failures = new Map<CallName, RpcError>();
  const gates = new Map<CallName, Promise<void>>();

  const find = (id: string) => {
    const conversation = engine.conversations.find((c) => c.id === id);
    if (!conversation) throw new RpcError('not_found', `No conversation ${id}`);
    return conversation;
  };

  const guarded =
    <I, O>(name: CallName, run: (input: I) => O) =>
    async (input: I): Promise<O> => {
      await gates.get(name);
      const failure = failures.get(name);
      if (failure) throw failure;
      return run(input);
    };

  const dispatch = handle<undefined>({
    'app.status': guarded('app.status', () => ({
      connectivity: engine.connectivity,
      accounts: [{ id: 'acc1', platform: 'sandbox' as const, name: 'Test brand', handle: '@brand', status: 'active' as const }],
      workspace: 'test',
    })),
    'inbox.list': guarded('inbox.list', ({ offset, limit }: { offset: number; limit: number }) => ({
      total: engine.conversations.length,
      items: engine.conversations.slice(offset, offset + limit).map(summaryOf),
    })),
    'conversation.get': guarded('conversation.get', ({ id }: { id: string }) => find(id)),
    'reply.send': guarded('reply.send', ({ conversationId, clientId, body }: { conversationId: string; clientId: string; body: string }) => {
      const conversation = find(conversationId);
      const message: Message = {
        id: `out-${clientId}`,
        conversationId,
        clientId,
        direction: 'out',
        visibility: 'public',
        authorName: 'Test brand',
        body,
        createdAt: Date.now(),
        state: 'queued',
        error: null,
      };
      conversation.messages.push(message);
      // Like the real engine, the change event can reach the client before the call's result.
      engine.emit('conversation.changed', { conversationId });
      return message;
    }),
    'search.messages': guarded('search.messages', () => ({ hits: [] })),
    'settings.get': guarded('settings.get', () => ({ language: engine.language })),
    'settings.update': guarded('settings.update', ({ language }: { language?: Language | null }) => {
      if (language !== undefined) engine.language = language;
      return { language: engine.language };
    }),
  });

  const engine: FakeEngine = {
    conversations: Array.from({ length: count }, (_, index) => makeConversation(index, now)),
    calls: [],
    connectivity: 'online',
    language: null,
    endpoint: {
      dispatch(frame) {
        const { name, input } = frame as { name: string; input: unknown };
        engine.calls.push({ name, input });
        return dispatch(frame, undefined);
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    callsTo: (name) => engine.calls.filter((call) => call.name === name).map((call) => call.input),
    emit(name, payload) {
      for (const listener of listeners) listener({ t: 'event', name, payload });
    },
    fail(name, error) {
      if (error) failures.set(name, error);
      else failures.delete(name);
    },
    hold(name) {
      let release!: () => void;
      gates.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        gates.delete(name);
        release();
      };
    },
    client: () => createClient(memoryTransport(engine.endpoint)),
  };
  return engine;
}
