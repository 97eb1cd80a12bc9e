import { describe, expect, it } from 'vitest';
import { Ingestor, type InboundItem } from '../../../main/engine/inbox/ingest';
import { SnoozeWaker } from '../../../main/engine/triage/snooze-waker';
import { createIdGenerator } from '../../../main/engine/support/ids';
import type { ConversationKind, InboxFilter, View } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import { newDataDir, startEngine } from '../helpers/engine';

const MINUTE = 60_000;
// Friday 2026-11-27 16:45 in Warsaw (UTC+1).
const FRIDAY_1645 = Date.UTC(2026, 10, 27, 15, 45);

/** An engine on a real file with one account, a settable clock, and direct ingest (no platform needed). */
function workspace(start = FRIDAY_1645) {
  let clock = start;
  const now = () => clock;
  const running = startEngine(newDataDir(), { now, timeZone: 'Europe/Warsaw' });
  running.engine.repos.accounts.insert({ id: 'acc', platform: 'sandbox', name: 'Northwind', handle: '@nw', status: 'active', config: {} }, 1);
  const newId = createIdGenerator(now);
  let n = 0;
  const ingest = (...items: (Partial<Omit<InboundItem, 'thread'>> & { thread?: string; kind?: ConversationKind })[]) => {
    // A fresh Ingestor reads the policy as it is now, like the engine's after a settings change.
    const ingestor = new Ingestor(running.engine.db, newId, now);
    const full = items.map(({ thread = 't1', kind = 'dm', ...item }): InboundItem => {
      n++;
      return {
        platformId: `m${n}`,
        thread: { platformId: thread, kind, title: '', rating: null },
        author: { platformId: `u-${thread}`, name: `Customer ${thread}`, handle: `@${thread}` },
        lang: 'en',
        body: 'Hello, a question about my order',
        createdAt: clock,
        direction: 'in',
        visibility: 'private',
        ...item,
      };
    });
    return running.engine.db.transaction(() => ingestor.ingest('acc', full))();
  };
  const { client } = running;
  const list = async (view: View, filter: InboxFilter = {}, sort: 'priority' | 'sla' | 'newest' | 'oldest' = 'priority') =>
    (await client.call('inbox.list', { view, filter, sort, offset: 0, limit: 50 })).items;
  const ids = async (view: View, filter: InboxFilter = {}) => (await list(view, filter)).map((c) => c.contactName.replace('Customer ', ''));
  const idOf = async (thread: string) => (await list('all')).find((c) => c.contactName === `Customer ${thread}`)!.id;
  return { ...running, ingest, list, ids, idOf, advance: (ms: number) => (clock += ms), now };
}

describe('negative first', () => {
  it('orders Needs reply by sentiment class, then the SLA clock, then age', async () => {
    const w = workspace();
    w.ingest({ thread: 'happy', body: 'Thank you so much, you are wonderful!' });
    w.advance(MINUTE);
    w.ingest({ thread: 'neutral-old', body: 'When do you open on Monday?' });
    w.advance(MINUTE);
    w.ingest({ thread: 'angry', body: 'This is a scam, I want a refund NOW!!!' });
    w.ingest({ thread: 'neutral-new', body: 'Do you ship to Gdansk?' });
    // A DM's target is 30 min, a comment's 60: the older comment is due after the newer DM.
    w.ingest({ thread: 'neutral-comment', kind: 'comment', body: 'Is this in stock?' });

    expect(await w.ids('needs_reply')).toEqual(['angry', 'neutral-old', 'neutral-new', 'neutral-comment', 'happy']);
    const [angry] = await w.list('needs_reply');
    expect(angry).toMatchObject({ sentiment: 'negative' });
    expect(angry!.sentimentScore).toBeLessThan(-0.2);
  });

  it('explains the position: the parts add up to the score, with the words that moved sentiment', async () => {
    const w = workspace();
    w.ingest({ thread: 'angry', body: 'Still nothing. I want a refund, this is a scam.' });
    w.advance(45 * MINUTE);
    const conversation = await w.client.call('conversation.get', { id: await w.idOf('angry') });
    const factors = conversation.priority.parts.map((p) => p.factor);
    expect(factors).toEqual(['sentiment.negative', 'sla.overdue', 'age']);
    expect(conversation.priority.parts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(conversation.priority.score);
    expect(conversation.sentimentEvidence.map((e) => e.text.toLowerCase()).join(' ')).toMatch(/refund|scam/u);
    expect(conversation.sentimentEvidence.every((e) => e.messageId === conversation.messages[0]!.id)).toBe(true);
  });

  it('recomputes the order when the weights change, and refuses weights that break it', async () => {
    const w = workspace();
    w.ingest({ thread: 'mild', body: 'The parcel is a bit late' });
    w.ingest({ thread: 'furious', body: 'Terrible, awful service, a total scam, never again!!!' });
    const weights = (await w.client.call('settings.get', {})).priorityWeights;
    // Score points decide within the class once they are weighted.
    await w.client.call('settings.update', { priorityWeights: { ...weights, sentiment: { ...weights.sentiment, perScoreUnit: 1_000_000 } } });
    expect((await w.ids('needs_reply'))[0]).toBe('furious');
    await expect(
      w.client.call('settings.update', { priorityWeights: { ...weights, sentiment: { ...weights.sentiment, positive: 20_000_000 } } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('SLA clock', () => {
  it('runs in business hours: Friday 16:45 with 9–17 and a 30-minute target breaches on Monday 09:15', async () => {
    const w = workspace();
    await w.client.call('sla.update', {
      accountId: 'acc',
      sla: { targets: { dm: 30, comment: 60, mention: 60, review: 60 }, hours: { timeZone: 'Europe/Warsaw', weekly: {
        sun: [], mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }], wed: [{ from: '09:00', to: '17:00' }],
        thu: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }], sat: [] }, holidays: [] } },
    });
    w.ingest({ thread: 'friday' });
    const [item] = await w.list('needs_reply');
    expect(new Date(item!.slaDueAt!).toISOString()).toBe('2026-11-30T08:15:00.000Z');
    // Over the weekend nothing is overdue.
    w.advance(2 * 24 * 60 * MINUTE);
    expect((await w.client.call('inbox.counts', {})).overdue.needs_reply).toBe(0);
    w.advance(17 * 60 * MINUTE);
    expect((await w.client.call('inbox.counts', {})).overdue).toMatchObject({ needs_reply: 1, all: 1, mine: 0 });
  });

  it('starts at the first unanswered message, stops when we answer, and restarts when the customer writes again', async () => {
    const w = workspace();
    w.ingest({ thread: 't' });
    const firstDue = (await w.list('needs_reply'))[0]!.slaDueAt;
    expect(firstDue).toBe(FRIDAY_1645 + 30 * MINUTE);
    w.advance(10 * MINUTE);
    w.ingest({ thread: 't', body: 'Hello?' });
    expect((await w.list('needs_reply'))[0]!.slaDueAt).toBe(firstDue);

    w.advance(MINUTE);
    w.ingest({ thread: 't', direction: 'out', body: 'On it!', author: { platformId: 'brand', name: 'Northwind', handle: '@nw' } });
    expect(await w.list('needs_reply')).toEqual([]);
    expect((await w.list('pending'))[0]).toMatchObject({ slaDueAt: null });

    w.advance(MINUTE);
    const again = w.now();
    w.ingest({ thread: 't', body: 'Thanks, one more thing' });
    expect((await w.list('needs_reply'))[0]!.slaDueAt).toBe(again + 30 * MINUTE);
  });

  it('follows new hours at once for clocks already running', async () => {
    const w = workspace();
    w.ingest({ thread: 't', kind: 'review' });
    const sla = await w.client.call('sla.get', { accountId: 'acc' });
    await w.client.call('sla.update', { accountId: 'acc', sla: { ...sla, targets: { ...sla.targets, review: 240 } } });
    expect((await w.list('needs_reply'))[0]!.slaDueAt).toBe(FRIDAY_1645 + 240 * MINUTE);
    await expect(w.client.call('sla.get', { accountId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('states and actions', () => {
  it('closes, snoozes and reopens with live counts, and undoes each exactly', async () => {
    const w = workspace();
    for (const thread of ['a', 'b', 'c']) w.ingest({ thread });
    const [a, b] = [await w.idOf('a'), await w.idOf('b')];

    const closed = await w.client.call('conversations.act', { ids: [a, b], action: { type: 'close' } });
    expect(closed.changed.sort()).toEqual([a, b].sort());
    expect((await w.client.call('inbox.counts', {})).total).toMatchObject({ needs_reply: 1, closed: 2, all: 3 });
    expect(w.eventsNamed('inbox.changed').at(-1)!.conversationIds.sort()).toEqual([a, b].sort());

    await w.client.call('conversations.undo', { undoToken: closed.undoToken });
    expect((await w.client.call('inbox.counts', {})).total).toMatchObject({ needs_reply: 3, closed: 0 });
    expect((await w.list('needs_reply')).find((c) => c.id === a)!.slaDueAt).toBe(FRIDAY_1645 + 30 * MINUTE);
    await expect(w.client.call('conversations.undo', { undoToken: closed.undoToken })).rejects.toMatchObject({ code: 'not_found' });

    await expect(w.client.call('conversations.act', { ids: [a], action: { type: 'snooze', until: w.now() - 1 } })).rejects.toMatchObject({ code: 'invalid_input' });
    await w.client.call('conversations.act', { ids: [a], action: { type: 'snooze', until: w.now() + 60 * MINUTE } });
    expect(await w.ids('snoozed')).toEqual(['a']);
    await w.client.call('conversations.act', { ids: [a], action: { type: 'reopen' } });
    expect((await w.list('needs_reply')).find((c) => c.id === a)).toMatchObject({ status: 'open', snoozedUntil: null });

    // Every action is in the audit log with who did it.
    const audited = w.engine.db.prepare("SELECT action FROM audit_log WHERE entity = 'conversation' AND entity_id = ? ORDER BY id").pluck().all(a);
    expect(audited).toEqual(['conversation.close', 'conversation.undo', 'conversation.snooze', 'conversation.reopen']);
  });

  it('reopens a snoozed or closed conversation when the customer writes again', async () => {
    const w = workspace();
    w.ingest({ thread: 's' }, { thread: 'c' });
    await w.client.call('conversations.act', { ids: [await w.idOf('s')], action: { type: 'snooze', until: w.now() + 600 * MINUTE } });
    await w.client.call('conversations.act', { ids: [await w.idOf('c')], action: { type: 'close' } });
    w.advance(MINUTE);
    w.ingest({ thread: 's', body: 'Any news?' }, { thread: 'c', body: 'It broke again' });
    expect(await w.list('needs_reply')).toHaveLength(2);
    expect((await w.list('needs_reply')).map((c) => c.snoozedUntil)).toEqual([null, null]);
  });

  it('wakes a snoozed conversation when its time comes', () => {
    const w = workspace();
    w.ingest({ thread: 'z' });
    const id = w.engine.db.prepare('SELECT id FROM conversations').pluck().get() as string;
    w.engine.db.prepare("UPDATE conversations SET status = 'snoozed', snoozed_until = ? WHERE id = ?").run(w.now() + 5 * MINUTE, id);
    const woken: string[][] = [];
    const waker = new SnoozeWaker(w.engine.db, w.now, (ids) => woken.push(ids));
    waker.start();
    try {
      expect(woken).toEqual([]);
      w.advance(5 * MINUTE);
      waker.reschedule();
      expect(woken).toEqual([[id]]);
      expect(w.engine.db.prepare('SELECT status, snoozed_until FROM conversations WHERE id = ?').get(id)).toEqual({ status: 'open', snoozed_until: null });
    } finally {
      waker.stop();
    }
  });

  it('refuses bad action input with a typed error and changes nothing', async () => {
    const w = workspace();
    w.ingest({ thread: 'a' });
    const a = await w.idOf('a');
    await expect(w.client.call('conversations.act', { ids: [], action: { type: 'close' } })).rejects.toBeInstanceOf(RpcError);
    await expect(w.client.call('conversations.act', { ids: Array.from({ length: 1001 }, (_, i) => `x${i}`), action: { type: 'close' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(w.client.call('conversations.act', { ids: ['missing'], action: { type: 'close' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(w.client.call('conversations.act', { ids: [a], action: { type: 'tag', tagId: 'nope', on: true } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(w.client.call('conversations.act', { ids: [a], action: { type: 'assign', agentId: 'ghost' } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await w.list('needs_reply'))[0]).toMatchObject({ id: a, status: 'open', tagIds: [], assigneeId: null });
  });
});

describe('tags, assignment, filters and sorts', () => {
  it('creates, renames, merges tags; tags many at once; undo takes the tag off again', async () => {
    const w = workspace();
    w.ingest({ thread: 'a' }, { thread: 'b' }, { thread: 'c' });
    const [a, b, c] = [await w.idOf('a'), await w.idOf('b'), await w.idOf('c')];
    const refund = await w.client.call('tags.create', { name: 'Refund' });
    expect(refund.color).toMatch(/^#[0-9a-f]{6}$/u);
    await expect(w.client.call('tags.create', { name: 'refund' })).rejects.toMatchObject({ code: 'refused' });
    const money = await w.client.call('tags.create', { name: 'Money back', color: '#123456' });

    const tagged = await w.client.call('conversations.act', { ids: [a, b], action: { type: 'tag', tagId: refund.id, on: true } });
    await w.client.call('conversations.act', { ids: [c], action: { type: 'tag', tagId: money.id, on: true } });
    expect(await w.ids('all', { tagId: refund.id })).toEqual(expect.arrayContaining(['a', 'b']));

    await w.client.call('tags.update', { id: money.id, name: 'Chargeback', color: '#654321' });
    await w.client.call('tags.merge', { from: money.id, into: refund.id });
    expect((await w.client.call('tags.list', {})).tags).toEqual([{ ...refund, count: 3 }]);

    await w.client.call('conversations.undo', { undoToken: tagged.undoToken });
    expect(await w.ids('all', { tagId: refund.id })).toEqual(['c']);
    expect(w.eventsNamed('directory.changed').length).toBeGreaterThanOrEqual(4);
  });

  it('assigns to me or a colleague; Mine shows what is mine and not closed', async () => {
    const w = workspace();
    w.ingest({ thread: 'a' }, { thread: 'b' });
    const [a, b] = [await w.idOf('a'), await w.idOf('b')];
    const ola = await w.client.call('agents.create', { name: 'Ola' });
    await expect(w.client.call('agents.create', { name: 'ola' })).rejects.toMatchObject({ code: 'refused' });
    expect((await w.client.call('agents.list', {})).agents.map((x) => [x.name, x.isMe])).toEqual([['Me', true], ['Ola', false]]);
    await w.client.call('conversations.act', { ids: [a], action: { type: 'assign', agentId: 'me' } });
    await w.client.call('conversations.act', { ids: [b], action: { type: 'assign', agentId: ola.id } });
    expect(await w.ids('mine')).toEqual(['a']);
    expect((await w.client.call('inbox.counts', {})).total.mine).toBe(1);
    await w.client.call('conversations.act', { ids: [a], action: { type: 'close' } });
    expect(await w.ids('mine')).toEqual([]);
  });

  it('filters by platform, kind, language and sentiment, and sorts by SLA, newest and oldest', async () => {
    const w = workspace();
    w.ingest({ thread: 'dm-en', body: 'Do you ship to Gdansk on Saturdays?' });
    w.advance(MINUTE);
    w.ingest({ thread: 'review-pl', kind: 'review', lang: 'pl', body: 'Nie polecam, oszustwo!' });
    w.advance(MINUTE);
    w.ingest({ thread: 'comment-ru', kind: 'comment', lang: 'ru', body: 'Спасибо, всё отлично!' });

    expect(await w.ids('all', { kind: 'review' })).toEqual(['review-pl']);
    expect(await w.ids('all', { lang: 'ru' })).toEqual(['comment-ru']);
    expect(await w.ids('all', { sentiment: 'negative' })).toEqual(['review-pl']);
    expect(await w.ids('all', { sentiment: 'positive' })).toEqual(['comment-ru']);
    expect(await w.ids('all', { platform: 'sandbox', accountId: 'acc' })).toHaveLength(3);
    expect(await w.ids('all', { platform: 'vk' })).toEqual([]);
    expect((await w.client.call('inbox.counts', { filter: { lang: 'pl' } })).total).toMatchObject({ needs_reply: 1, all: 1 });

    const names = async (sort: 'sla' | 'newest' | 'oldest') => (await w.list('all', {}, sort)).map((c) => c.contactName.replace('Customer ', ''));
    expect(await names('sla')).toEqual(['dm-en', 'review-pl', 'comment-ru']);
    expect(await names('newest')).toEqual(['comment-ru', 'review-pl', 'dm-en']);
    expect(await names('oldest')).toEqual(['dm-en', 'review-pl', 'comment-ru']);
  });
});

describe('keymap settings', () => {
  it('saves a remapping and refuses a conflicting one without saving anything', async () => {
    const w = workspace();
    const saved = await w.client.call('settings.update', { keymap: { close: 'd' } });
    expect(saved.keymap).toEqual({ close: 'd' });
    expect(w.eventsNamed('settings.changed')).toHaveLength(1);
    await expect(w.client.call('settings.update', { language: 'pl', keymap: { close: 'j' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('next'),
    });
    expect(await w.client.call('settings.get', {})).toMatchObject({ language: null, keymap: { close: 'd' } });
  });
});
