import type { CallName, CallParsedInput, EventName, EventPayload } from '../../shared/contract';
import {
  CannedReplyFields,
  defaultVisibility,
  ME,
  VIEWS,
  type AccountDetails,
  type AccountStatus,
  type Agent,
  type CannedReply,
  type QuarantinedItem,
  type StreamHealth,
  type Connectivity,
  type Conversation,
  type ConversationAction,
  type ConversationKind,
  type ConversationSummary,
  type Finding,
  type InboxFilter,
  type InboxSort,
  type Language,
  type Message,
  type Platform,
  type SearchHit,
  type SentimentClass,
  type Tag,
  type View,
} from '../../shared/domain';
import { fillInFields } from '../../shared/canned/placeholders';
import { DESKTOP_ONLY, patchDesktopSettings, type DesktopPreferences } from '../../shared/desktop-settings';
import { PriorityWeights } from '../../shared/triage';
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
  // The first one is angry and overdue; the next is due soon; the rest have time left, later and later, so every sort agrees with the fixture order.
  const sentiment: SentimentClass = index === 0 ? 'negative' : index % 7 === 3 ? 'positive' : 'neutral';
  const firstMessage = named?.firstMessage ?? `Question number ${index}`;
  const contactName = named?.contactName ?? `Customer ${index}`;
  const messages: Message[] = [
    { id: `${id}-m1`, conversationId: id, direction: 'in', visibility: 'public', authorName: contactName, body: firstMessage, createdAt: lastMessageAt, state: null, error: null, clientId: null, sendAt: null, hidden: false, hideState: null, hideError: null },
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
    sentiment,
    sentimentScore: sentiment === 'negative' ? -0.8 : sentiment === 'positive' ? 0.6 : 0,
    slaDueAt: index === 0 ? now - 5 * MINUTE : now + (index === 1 ? 5 : 60 + index) * MINUTE,
    snoozedUntil: null,
    assigneeId: null,
    tagIds: [],
    messages,
    priority:
      index === 0
        ? { score: 10_000_060, parts: [{ factor: 'sentiment.negative', points: 10_000_000 }, { factor: 'sla.overdue', points: 60 }] }
        : { score: 5_000_000 - 60 - index, parts: [{ factor: `sentiment.${sentiment}`, points: 5_000_000 }, { factor: 'sla.time_left', points: -60 - index }] },
    sentimentEvidence: index === 0 ? [{ messageId: `${id}-m1`, kind: 'word', text: 'cold', weight: -0.5 }] : [],
  };
}

const summaryOf = ({ messages: _messages, priority: _priority, sentimentEvidence: _evidence, ...summary }: Conversation): ConversationSummary => summary;

/** Which conversations a view holds (see View in shared/domain.ts). */
export function inView(view: View, c: ConversationSummary): boolean {
  if (view === 'all') return true;
  if (view === 'needs_reply') return c.status === 'open';
  if (view === 'mine') return c.assigneeId === ME && c.status !== 'closed';
  return c.status === view;
}

const matches = (filter: InboxFilter, c: ConversationSummary): boolean =>
  (filter.accountId === undefined || c.accountId === filter.accountId) &&
  (filter.platform === undefined || c.platform === filter.platform) &&
  (filter.kind === undefined || c.kind === filter.kind) &&
  (filter.tagId === undefined || c.tagIds.includes(filter.tagId)) &&
  (filter.lang === undefined || c.lang === filter.lang) &&
  (filter.sentiment === undefined || c.sentiment === filter.sentiment);

/** Priority and SLA keep the fixture order (built to agree with them); the time sorts use the last message. */
function sorted(list: Conversation[], sort: InboxSort): Conversation[] {
  if (sort === 'newest') return [...list].sort((a, b) => b.lastMessageAt - a.lastMessageAt);
  if (sort === 'oldest') return [...list].sort((a, b) => a.lastMessageAt - b.lastMessageAt);
  return list;
}

/** What an action does to one conversation, as the engine would do it. */
function applied(c: Conversation, action: ConversationAction): Partial<Conversation> {
  switch (action.type) {
    case 'close':
      return { status: 'closed', snoozedUntil: null, slaDueAt: null };
    case 'reopen':
      return { status: 'open', snoozedUntil: null };
    case 'snooze':
      return { status: 'snoozed', snoozedUntil: action.until };
    case 'tag':
      return { tagIds: action.on ? [...new Set([...c.tagIds, action.tagId])] : c.tagIds.filter((id) => id !== action.tagId) };
    case 'assign':
      return { assigneeId: action.agentId };
  }
}

const TAG_COLORS = ['#d9480f', '#2b8a3e', '#1864ab', '#862e9c'];

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
  tags: Tag[];
  agents: Agent[];
  /** What every search finds. */
  searchHits: SearchHit[];
  /** What checks.run finds in any text. */
  findings: Finding[];
  /** The canned library, in the order canned.list answers (the fake does not rank). */
  canned: CannedReply[];
  connectivity: Connectivity;
  language: Language | null;
  /** Drafts by conversation id, as draft.save left them. */
  drafts: Map<string, { body: string; updatedAt: number }>;
  /** Sets the sendAt of the replies reply.send answers with; settings.update changes it. */
  undoWindowMs: number;
  cannedRepeatLimit: number;
  /** What diagnostics.get reports. */
  streams: StreamHealth[];
  quarantined: QuarantinedItem[];
  /** The accounts screen's accounts, as accounts.list answers. */
  accounts: AccountDetails[];
  keychain: { available: boolean; problem: string | null };
  /** Tokens the fake platform accepts in accounts.add and accounts.reconnect; any other is refused as Telegram refuses it. */
  acceptedTokens: Set<string>;
  /** The desktop shell's settings as desktop.settings.* answer them; null refuses them, as the browser host does. */
  desktop: DesktopPreferences | null;
  /** Global shortcuts another application holds: choosing one is refused, as the desktop shell refuses it. */
  takenShortcuts: Set<string>;
  client(): Client;
}

export function createFakeEngine({ conversations: count = 5_000 }: { conversations?: number } = {}): FakeEngine {
  const now = Date.now();
  const listeners = new Set<(frame: EventFrame) => void>();
  const failures = new Map<CallName, RpcError>();
  const gates = new Map<CallName, Promise<void>>();
  /** undo token → the touched conversations as they were. */
  const undoable = new Map<string, Conversation[]>();
  let nextId = 1;

  const find = (id: string) => {
    const conversation = engine.conversations.find((c) => c.id === id);
    if (!conversation) throw new RpcError('not_found', `No conversation ${id}`);
    return conversation;
  };

  const findTag = (id: string) => {
    const tag = engine.tags.find((t) => t.id === id);
    if (!tag) throw new RpcError('not_found', `No tag ${id}`);
    return tag;
  };

  const changed = (ids: string[]) => {
    // Like the real engine, the change event can reach the client before the call's result.
    engine.emit('inbox.changed', { conversationIds: ids });
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
    'inbox.list': guarded('inbox.list', ({ view, filter, sort, offset, limit }: CallParsedInput<'inbox.list'>) => {
      const list = sorted(
        engine.conversations.filter((c) => inView(view, c) && matches(filter, c)),
        sort,
      );
      return { total: list.length, items: list.slice(offset, offset + limit).map(summaryOf) };
    }),
    'inbox.counts': guarded('inbox.counts', ({ filter }: CallParsedInput<'inbox.counts'>) => {
      const total = Object.fromEntries(VIEWS.map((view) => [view, 0])) as Record<View, number>;
      const overdue = { ...total };
      const at = Date.now();
      for (const c of engine.conversations) {
        if (!matches(filter, c)) continue;
        for (const view of VIEWS) {
          if (!inView(view, c)) continue;
          total[view]++;
          if (c.slaDueAt !== null && c.slaDueAt <= at) overdue[view]++;
        }
      }
      return { total, overdue };
    }),
    'conversations.act': guarded('conversations.act', ({ ids, action }: CallParsedInput<'conversations.act'>) => {
      const touched = ids.map(find);
      if (action.type === 'tag') findTag(action.tagId);
      const undoToken = `undo-${nextId++}`;
      undoable.set(undoToken, touched.map((c) => ({ ...c })));
      for (const c of touched) Object.assign(c, applied(c, action));
      changed(ids);
      return { undoToken, changed: ids };
    }),
    'conversations.undo': guarded('conversations.undo', ({ undoToken }: CallParsedInput<'conversations.undo'>) => {
      const before = undoable.get(undoToken);
      if (!before) throw new RpcError('not_found', `No undo ${undoToken}`);
      undoable.delete(undoToken);
      for (const was of before) Object.assign(find(was.id), was);
      const restored = before.map((c) => c.id);
      changed(restored);
      return { restored };
    }),
    'tags.list': guarded('tags.list', () => ({
      tags: engine.tags.map((tag) => ({ ...tag, count: engine.conversations.filter((c) => c.tagIds.includes(tag.id)).length })),
    })),
    'tags.create': guarded('tags.create', ({ name, color }: CallParsedInput<'tags.create'>) => {
      const tag = { id: `t${nextId++}`, name, color: color ?? TAG_COLORS[engine.tags.length % TAG_COLORS.length]! };
      engine.tags.push(tag);
      engine.emit('directory.changed', {});
      return tag;
    }),
    'tags.update': guarded('tags.update', ({ id, name, color }: CallParsedInput<'tags.update'>) => {
      const tag = findTag(id);
      Object.assign(tag, name === undefined ? {} : { name }, color === undefined ? {} : { color });
      engine.emit('directory.changed', {});
      return tag;
    }),
    'tags.merge': guarded('tags.merge', ({ from, into }: CallParsedInput<'tags.merge'>) => {
      findTag(from);
      const target = findTag(into);
      for (const c of engine.conversations) {
        if (c.tagIds.includes(from)) c.tagIds = [...new Set(c.tagIds.map((id) => (id === from ? into : id)))];
      }
      engine.tags = engine.tags.filter((t) => t.id !== from);
      engine.emit('directory.changed', {});
      changed([]);
      return target;
    }),
    'agents.list': guarded('agents.list', () => ({ agents: engine.agents })),
    'agents.create': guarded('agents.create', ({ name }: CallParsedInput<'agents.create'>) => {
      const agent = { id: `a${nextId++}`, name, isMe: false };
      engine.agents.push(agent);
      engine.emit('directory.changed', {});
      return agent;
    }),
    'conversation.get': guarded('conversation.get', ({ id }: { id: string }) => find(id)),
    'reply.send': guarded('reply.send', ({ conversationId, clientId, body, visibility }: CallParsedInput<'reply.send'>) => {
      const conversation = find(conversationId);
      const message: Message = {
        id: `out-${clientId}`,
        conversationId,
        clientId,
        direction: 'out',
        visibility: visibility ?? defaultVisibility(conversation.kind),
        authorName: 'Test brand',
        body,
        createdAt: Date.now(),
        state: 'queued',
        error: null,
        sendAt: Date.now() + engine.undoWindowMs,
        hidden: false,
        hideState: null,
        hideError: null,
      };
      conversation.messages.push(message);
      engine.emit('conversation.changed', { conversationId });
      return message;
    }),
    'reply.undo': guarded('reply.undo', ({ messageId }: CallParsedInput<'reply.undo'>) => {
      const conversation = engine.conversations.find((c) => c.messages.some((m) => m.id === messageId));
      const message = conversation?.messages.find((m) => m.id === messageId);
      if (!conversation || !message) throw new RpcError('not_found', 'No such reply');
      conversation.messages = conversation.messages.filter((m) => m !== message);
      engine.emit('conversation.changed', { conversationId: conversation.id });
      return { body: message.body, visibility: message.visibility };
    }),
    // Shown pending, as the engine answers before the outbox has reached the platform.
    'message.setHidden': guarded('message.setHidden', ({ messageId, hidden }: CallParsedInput<'message.setHidden'>) => {
      const conversation = engine.conversations.find((c) => c.messages.some((m) => m.id === messageId));
      const index = conversation?.messages.findIndex((m) => m.id === messageId) ?? -1;
      if (!conversation || index < 0) throw new RpcError('not_found', 'No such message');
      const message: Message = { ...conversation.messages[index]!, hidden, hideState: 'pending', hideError: null };
      conversation.messages = conversation.messages.with(index, message);
      engine.emit('conversation.changed', { conversationId: conversation.id });
      return message;
    }),
    'draft.save': guarded('draft.save', ({ conversationId, body }: CallParsedInput<'draft.save'>) => {
      const savedAt = Date.now();
      if (body.trim() === '') engine.drafts.delete(conversationId);
      else engine.drafts.set(conversationId, { body, updatedAt: savedAt });
      return { savedAt };
    }),
    'draft.get': guarded('draft.get', ({ conversationId }: CallParsedInput<'draft.get'>) => engine.drafts.get(conversationId) ?? null),
    'search.messages': guarded('search.messages', () => ({ hits: engine.searchHits, ignored: [] })),
    // The same findings for any text (a test sets them for the text it types); the dictionary only remembers.
    'checks.run': guarded('checks.run', () => ({ lang: 'en' as const, findings: engine.findings })),
    'dictionary.add': guarded('dictionary.add', ({ word }: CallParsedInput<'dictionary.add'>) => {
      if (!customWords.some((known) => known.toLowerCase() === word.toLowerCase())) customWords.push(word);
      return {};
    }),
    'dictionary.list': guarded('dictionary.list', () => ({ words: [...customWords] })),
    'settings.get': guarded('settings.get', () => settings()),
    'settings.update': guarded('settings.update', ({ language, undoWindowMs, cannedRepeatLimit }: CallParsedInput<'settings.update'>) => {
      if (language !== undefined) engine.language = language;
      if (undoWindowMs !== undefined) engine.undoWindowMs = undoWindowMs;
      if (cannedRepeatLimit !== undefined) engine.cannedRepeatLimit = cannedRepeatLimit;
      engine.emit('settings.changed', {});
      return settings();
    }),
    'sla.get': guarded('sla.get', () => {
      throw new RpcError('not_found', 'The fake engine keeps no SLA settings');
    }),
    'sla.update': guarded('sla.update', () => {
      throw new RpcError('not_found', 'The fake engine keeps no SLA settings');
    }),
    // The engine's ranking is tested with the engine; here a reply matches when its title, body or shortcut holds the query.
    'canned.list': guarded('canned.list', ({ query = '', tag, limit }: CallParsedInput<'canned.list'>) => {
      const q = query.toLowerCase();
      const hit = (r: CannedReply) => [r.title, r.body, r.shortcut ?? ''].some((field) => field.toLowerCase().includes(q));
      return { replies: engine.canned.filter((r) => hit(r) && (tag === undefined || r.tags.includes(tag))).slice(0, limit) };
    }),
    'canned.save': guarded('canned.save', ({ id, ...fields }: CallParsedInput<'canned.save'>) => {
      const at = Date.now();
      const known = id === undefined ? -1 : engine.canned.indexOf(findCanned(id));
      const holder = engine.canned.find((r) => fields.shortcut !== null && r.shortcut === fields.shortcut && r.id !== id);
      if (holder) throw new RpcError('refused', `The shortcut "${fields.shortcut}" is already used by "${holder.title}"`);
      const saved = { ...fields, id: id ?? `canned-${nextId++}`, createdAt: known >= 0 ? engine.canned[known]!.createdAt : at, updatedAt: at };
      if (known >= 0) engine.canned[known] = saved;
      else engine.canned.push(saved);
      engine.emit('canned.changed', {});
      return saved;
    }),
    'canned.delete': guarded('canned.delete', ({ id }: CallParsedInput<'canned.delete'>) => {
      findCanned(id);
      engine.canned = engine.canned.filter((r) => r.id !== id);
      engine.emit('canned.changed', {});
      return {};
    }),
    'canned.duplicate': guarded('canned.duplicate', ({ id }: CallParsedInput<'canned.duplicate'>) => {
      const { title, body, lang, tags } = findCanned(id);
      const at = Date.now();
      const copy = { title: `${title.slice(0, 113)} (copy)`, body, lang, tags, shortcut: null, id: `canned-${nextId++}`, createdAt: at, updatedAt: at };
      engine.canned.push(copy);
      engine.emit('canned.changed', {});
      return copy;
    }),
    // Variables filled from the conversation the way the engine does for the common ones; fields stay.
    'canned.render': guarded('canned.render', ({ id, conversationId }: CallParsedInput<'canned.render'>) => {
      const reply = engine.canned.find((r) => r.id === id);
      const conversation = engine.conversations.find((c) => c.id === conversationId);
      if (!reply || !conversation) throw new RpcError('not_found', 'No such canned reply or conversation');
      const text = reply.body.replaceAll('{{contact.first_name}}', conversation.contactName.split(' ')[0]!).replaceAll('{{contact.name}}', conversation.contactName);
      return { text, fields: fillInFields(text).map(({ start, end, name }) => ({ start, end, label: name })) };
    }),
    'canned.import': guarded('canned.import', ({ format, content }: CallParsedInput<'canned.import'>) => {
      const fresh = readCannedFile(format, content, engine.canned);
      const at = Date.now();
      engine.canned.push(...fresh.map((fields) => ({ ...fields, id: `canned-${nextId++}`, createdAt: at, updatedAt: at })));
      if (fresh.length > 0) engine.emit('canned.changed', {});
      return { imported: fresh.length };
    }),
    'canned.export': guarded('canned.export', ({ format }: CallParsedInput<'canned.export'>) => ({ content: writeCannedFile(format, engine.canned) })),
    // Accounts: a keychain that may be missing, and a platform that accepts the tokens in acceptedTokens.
    'diagnostics.get': guarded('diagnostics.get', ({ limit }: CallParsedInput<'diagnostics.get'>) => ({
      streams: engine.streams,
      quarantine: { total: engine.quarantined.length, items: engine.quarantined.slice(0, limit) },
    })),
    'accounts.list': guarded('accounts.list', () => ({ accounts: engine.accounts.map((a) => ({ ...a })), keychain: engine.keychain, platforms: ['telegram' as const] })),
    'accounts.add': guarded('accounts.add', ({ platform, token }: CallParsedInput<'accounts.add'>) => {
      if (!engine.keychain.available) throw new RpcError('refused', `Tokens cannot be stored safely on this computer, so no account can be connected: ${engine.keychain.problem}`);
      checkToken(token);
      const account: AccountDetails = { id: `acc-${nextId++}`, platform, name: `Bot ${engine.accounts.length + 1}`, handle: '', status: 'active', lastSyncAt: null, lastError: null, conversations: 0, queued: 0 };
      engine.accounts.push(account);
      engine.emit('accounts.changed', {});
      return account;
    }),
    'accounts.test': guarded('accounts.test', ({ id }: CallParsedInput<'accounts.test'>) => {
      const account = findAccount(id);
      const problem = account.status === 'needs_reconnect' ? REFUSED_TOKEN : null;
      return { ok: problem === null, problem, account: { ...account } };
    }),
    'accounts.pause': guarded('accounts.pause', ({ id }: CallParsedInput<'accounts.pause'>) => setAccountStatus(id, 'paused')),
    'accounts.resume': guarded('accounts.resume', ({ id }: CallParsedInput<'accounts.resume'>) => {
      if (findAccount(id).status === 'needs_reconnect') throw new RpcError('refused', 'The platform no longer accepts this account’s token: reconnect it with a new one');
      return setAccountStatus(id, 'active');
    }),
    'accounts.reconnect': guarded('accounts.reconnect', ({ id, token }: CallParsedInput<'accounts.reconnect'>) => {
      checkToken(token);
      return setAccountStatus(id, 'active');
    }),
    'accounts.remove': guarded('accounts.remove', ({ id }: CallParsedInput<'accounts.remove'>) => {
      findAccount(id);
      engine.accounts = engine.accounts.filter((a) => a.id !== id);
      engine.emit('accounts.changed', {});
      return {};
    }),
    // The desktop shell's calls (main/electron/desktop-settings-calls.ts), kept to what the Settings screen meets.
    'desktop.settings.get': guarded('desktop.settings.get', () => ({ settings: desktopShell() })),
    'desktop.settings.update': guarded('desktop.settings.update', (patch: CallParsedInput<'desktop.settings.update'>) => {
      const shortcut = patch.globalShortcut;
      if (shortcut && engine.takenShortcuts.has(shortcut)) {
        const reason = `${shortcut} is already used by another application; the shortcut was not changed`;
        throw new RpcError('refused', reason, [{ path: 'globalShortcut', message: reason }]);
      }
      const { window: _window, ...next } = patchDesktopSettings({ ...desktopShell(), window: null }, patch);
      engine.desktop = next;
      engine.emit('desktop.settings.changed', {});
      return { settings: next };
    }),
  });

  const desktopShell = () => {
    if (!engine.desktop) throw new RpcError('refused', DESKTOP_ONLY);
    return engine.desktop;
  };

  const findCanned = (id: string) => {
    const reply = engine.canned.find((r) => r.id === id);
    if (!reply) throw new RpcError('not_found', 'No such canned reply');
    return reply;
  };

  const findAccount = (id: string) => {
    const account = engine.accounts.find((a) => a.id === id);
    if (!account) throw new RpcError('not_found', 'No such account');
    return account;
  };
  const checkToken = (token: string) => {
    if (!engine.acceptedTokens.has(token)) throw new RpcError('refused', REFUSED_TOKEN);
  };
  const setAccountStatus = (id: string, status: AccountStatus) => {
    const account = findAccount(id);
    account.status = status;
    engine.emit('accounts.changed', {});
    return { ...account };
  };

  const customWords: string[] = [];
  const settings = () => ({
    language: engine.language,
    keymap: {},
    priorityWeights: PriorityWeights.parse({}),
    undoWindowMs: engine.undoWindowMs,
    cannedRepeatLimit: engine.cannedRepeatLimit,
  });

  const engine: FakeEngine = {
    conversations: Array.from({ length: count }, (_, index) => makeConversation(index, now)),
    tags: [
      { id: 'tag-billing', name: 'Billing', color: '#c92a2a' },
      { id: 'tag-vip', name: 'VIP', color: '#5f3dc4' },
    ],
    agents: [
      { id: ME, name: 'Me', isMe: true },
      { id: 'agent-olga', name: 'Olga', isMe: false },
    ],
    searchHits: [],
    findings: [],
    canned: [],
    streams: [],
    quarantined: [],
    calls: [],
    connectivity: 'online',
    language: null,
    drafts: new Map(),
    undoWindowMs: 5_000,
    cannedRepeatLimit: 5,
    accounts: [
      { id: 'acc1', platform: 'sandbox', name: 'Test brand', handle: '@brand', status: 'active', lastSyncAt: now - MINUTE, lastError: null, conversations: count, queued: 0 },
      {
        id: 'acc2',
        platform: 'telegram',
        name: 'Northwind Support (@northwind_support_bot)',
        handle: '',
        status: 'needs_reconnect',
        lastSyncAt: now - 60 * MINUTE,
        lastError: REFUSED_TOKEN,
        conversations: 12,
        queued: 2,
      },
    ],
    keychain: { available: true, problem: null },
    acceptedTokens: new Set(),
    desktop: null,
    takenShortcuts: new Set(),
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

/**
 * The library's file formats as the engine reads and writes them
 * (main/engine/canned/formats): a JSON array of objects, or CSV with the
 * header title,body,lang,tags,shortcut and tags joined with ";". The whole
 * file is refused at the first bad record, naming its line, and a record the
 * library already holds is skipped. Simpler than the engine's readers: a CSV
 * field may not hold a line break, and a JSON record's line is where its "{"
 * opens.
 */
const CANNED_FIELDS = ['title', 'body', 'lang', 'tags', 'shortcut'] as const;
const ImportedReply = CannedReplyFields.extend({
  lang: CannedReplyFields.shape.lang.default(null),
  tags: CannedReplyFields.shape.tags.default([]),
  shortcut: CannedReplyFields.shape.shortcut.default(null),
}).strict();

function importRefusal(line: number, reason: string): RpcError {
  return new RpcError('invalid_input', `Line ${line}: ${reason}`, [{ path: `line ${line}`, message: reason }]);
}

function readCannedFile(format: 'json' | 'csv', content: string, library: readonly CannedReply[]): CannedReplyFields[] {
  const records = format === 'json' ? jsonRecords(content) : csvRecords(content);
  const identity = (r: CannedReplyFields) => JSON.stringify(CANNED_FIELDS.map((field) => r[field]));
  const known = new Set(library.map(identity));
  const shortcuts = new Set(library.flatMap((r) => (r.shortcut ? [r.shortcut] : [])));
  const fresh: CannedReplyFields[] = [];
  for (const { line, value } of records) {
    const parsed = ImportedReply.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw importRefusal(line, issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message);
    }
    if (known.has(identity(parsed.data))) continue;
    const { shortcut } = parsed.data;
    if (shortcut !== null && shortcuts.has(shortcut)) throw importRefusal(line, `the shortcut "${shortcut}" is already used`);
    if (shortcut !== null) shortcuts.add(shortcut);
    known.add(identity(parsed.data));
    fresh.push(parsed.data);
  }
  return fresh;
}

function jsonRecords(content: string): { line: number; value: unknown }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.replace(/^\uFEFF/u, ''));
  } catch {
    throw importRefusal(1, 'the file is not JSON');
  }
  if (!Array.isArray(parsed)) throw importRefusal(1, 'the file must be a JSON array of replies');
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  for (let i = 0, inString = false; i < content.length; i++) {
    const c = content[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '\n') line++;
    else if (c === '[' || c === '{') {
      if (depth === 1 && c === '{') lines.push(line);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return parsed.map((value: unknown, index) => ({ line: lines[index] ?? 1, value }));
}

function csvRecords(content: string): { line: number; value: unknown }[] {
  const [header, ...rows] = content.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u);
  if (header?.trim().toLowerCase() !== CANNED_FIELDS.join(',')) throw importRefusal(1, `the first line must be the header "${CANNED_FIELDS.join(',')}"`);
  return rows.flatMap((row, index) => {
    const line = index + 2;
    if (row === '') return [];
    const cells = csvCells(row);
    if (cells.length !== CANNED_FIELDS.length) throw importRefusal(line, `expected ${CANNED_FIELDS.length} fields (${CANNED_FIELDS.join(', ')}), found ${cells.length}`);
    const [title, body, lang, tags, shortcut] = cells as [string, string, string, string, string];
    return [{ line, value: { title, body, lang: lang.trim() || null, tags: tags.split(';').filter((tag) => tag.trim() !== ''), shortcut: shortcut.trim() || null } }];
  });
}

/** The fields of one CSV line: quoted ones may hold commas and doubled quotes. */
function csvCells(row: string): string[] {
  const cell = /"((?:[^"]|"")*)"|([^,]*)/uy;
  const cells: string[] = [];
  for (let at = 0; ; at++) {
    cell.lastIndex = at;
    const match = cell.exec(row)!;
    cells.push(match[1] === undefined ? match[2]! : match[1].replaceAll('""', '"'));
    at = cell.lastIndex;
    if (row[at] !== ',') return cells;
  }
}

function writeCannedFile(format: 'json' | 'csv', library: readonly CannedReply[]): string {
  const records = library.map((r) => Object.fromEntries(CANNED_FIELDS.map((field) => [field, r[field]])) as CannedReplyFields);
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const cell = (text: string) => (/[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const rows = records.map((r) => [r.title, r.body, r.lang ?? '', r.tags.join(';'), r.shortcut ?? ''].map(cell).join(','));
  return `\uFEFF${[CANNED_FIELDS.join(','), ...rows].map((row) => `${row}\r\n`).join('')}`;
}

const REFUSED_TOKEN = 'Telegram does not accept this bot token: Unauthorized';
