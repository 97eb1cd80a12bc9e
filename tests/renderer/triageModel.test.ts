import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../shared/domain';
import { applyAction } from '../../renderer/triage/applyAction';
import { createCountsStore, shownCounts } from '../../renderer/triage/countsStore';
import { PAGE_SIZE, type InboxPagesState } from '../../renderer/inbox/inboxPages';
import { createPatches, type Patch } from '../../renderer/triage/patches';
import { DEFAULT_QUERY } from '../../renderer/triage/query';
import { fromLocalInput, snoozeUntil, toLocalInput } from '../../renderer/triage/snoozeTimes';
import { visibleList } from '../../renderer/triage/visibleList';
import { createFakeEngine } from './fakeEngine';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const item = (id: string, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  accountId: 'acc1',
  platform: 'x',
  kind: 'dm',
  status: 'open',
  contactName: id,
  contactHandle: '',
  title: '',
  preview: '',
  lastMessageAt: 0,
  rating: null,
  lang: null,
  hasDraft: false,
  sentiment: 'neutral',
  sentimentScore: null,
  slaDueAt: null,
  snoozedUntil: null,
  assigneeId: null,
  tagIds: [],
  ...extra,
});

const pagesOf = (ids: string[], readAt: number, total = ids.length): InboxPagesState => {
  const pages = new Map<number, ConversationSummary[]>();
  ids.forEach((id, index) => pages.set(Math.floor(index / PAGE_SIZE), [...(pages.get(Math.floor(index / PAGE_SIZE)) ?? []), item(id)]));
  return { total, pages, readAt: new Map([...pages.keys()].map((page) => [page, readAt])), totalReadAt: readAt, error: null };
};

const closePatch = (ids: string[], confirmedAt: number | null, positions = new Map<string, number>()): Patch => ({
  key: 1,
  ids: new Set(ids),
  change: (summary) => applyAction(summary, { type: 'close' }),
  before: new Map(ids.map((id) => [id, item(id)])),
  positions,
  confirmedAt,
  sent: true,
});

const idsOf = (list: ReturnType<typeof visibleList>) => [...list.rows.entries()].sort(([a], [b]) => a - b).map(([, summary]) => summary.id);

describe('visible list', () => {
  it('leaves out what a pending action moves out of the view, and the rows after move up', () => {
    const list = visibleList(pagesOf(['a', 'b', 'c', 'd'], 5), [closePatch(['b'], null)], DEFAULT_QUERY);
    expect(idsOf(list)).toEqual(['a', 'c', 'd']);
    expect(list.total).toBe(3);
    expect(list.indexOf.get('c')).toBe(1);
    expect(list.hidden).toBe(1);
  });

  it('keeps rows unaffected by patches identical, so their rows need no re-render', () => {
    const pages = pagesOf(['a', 'b'], 5);
    expect(visibleList(pages, [closePatch(['b'], null)], DEFAULT_QUERY).rows.get(0)).toBe(pages.pages.get(0)![0]);
  });

  it('stops laying a confirmed action over data read after the confirmation', () => {
    // Read at tick 9, confirmed at 7: the engine's data already has it; a reopened "b" (someone else's change) shows.
    const list = visibleList(pagesOf(['a', 'b'], 9), [closePatch(['b'], 7)], DEFAULT_QUERY);
    expect(idsOf(list)).toEqual(['a', 'b']);
  });

  it('counts a hidden row off the total only when the total predates the action too', () => {
    const pages = { ...pagesOf(['a', 'b', 'c'], 3), totalReadAt: 9, total: 2 };
    expect(visibleList(pages, [closePatch(['b'], 7)], DEFAULT_QUERY).total).toBe(2);
  });

  it('brings an undone conversation back where it stood', () => {
    const closed = item('b', { status: 'closed' });
    const undo: Patch = {
      key: 2,
      ids: new Set(['b']),
      change: (summary) => ({ ...summary, status: 'open' }),
      before: new Map([['b', closed]]),
      positions: new Map([['b', 1]]),
      confirmedAt: null,
      sent: true,
    };
    const list = visibleList(pagesOf(['a', 'c', 'd'], 5), [undo], DEFAULT_QUERY);
    expect(idsOf(list)).toEqual(['a', 'b', 'c', 'd']);
    expect(list.total).toBe(4);
  });

  it('shows nothing until the engine has answered', () => {
    expect(visibleList({ total: null, pages: new Map(), readAt: new Map(), totalReadAt: 0, error: null }, [], DEFAULT_QUERY).total).toBeNull();
  });
});

describe('shown counts', () => {
  const counts = { total: { needs_reply: 10, mine: 0, pending: 0, snoozed: 0, closed: 0, all: 10 }, overdue: { needs_reply: 2, mine: 0, pending: 0, snoozed: 0, closed: 0, all: 2 } };

  it('move a closed conversation from Needs reply to Closed, overdue included', () => {
    const patch: Patch = { ...closePatch(['b'], null), before: new Map([['b', item('b', { slaDueAt: 0 })]]) };
    const shown = shownCounts({ counts, readAt: 3 }, [patch], {}, 1_000);
    expect(shown?.total).toMatchObject({ needs_reply: 9, closed: 1, all: 10 });
    expect(shown?.overdue).toMatchObject({ needs_reply: 1, closed: 0, all: 1 });
  });

  it('leave counts read after the confirmation alone, and ignore what the filter excludes', () => {
    expect(shownCounts({ counts, readAt: 9 }, [closePatch(['b'], 7)], {}, 0)).toEqual(counts);
    expect(shownCounts({ counts, readAt: 3 }, [closePatch(['b'], null)], { platform: 'vk' }, 0)).toEqual(counts);
  });
});

describe('counts store', () => {
  it('reads once more after a burst, not once per change, and does not hold up a new filter', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    const store = createCountsStore(engine.client());
    const release = engine.hold('inbox.counts');
    const filter = {};
    for (let n = 0; n < 10; n++) store.read(filter);
    await settle();
    expect(engine.callsTo('inbox.counts')).toHaveLength(1);
    release();
    await waitFor(() => expect(engine.callsTo('inbox.counts')).toHaveLength(2));
    await settle();
    expect(engine.callsTo('inbox.counts')).toHaveLength(2);
    expect(store.state.getState().counts?.total.needs_reply).toBe(5);

    store.read({ platform: 'vk' });
    store.read(filter);
    await waitFor(() => expect(engine.callsTo('inbox.counts')).toHaveLength(4));
  });
});

describe('patches', () => {
  it('are pruned once every read on screen is newer than their confirmation', () => {
    const patches = createPatches();
    const key = patches.add({ ids: new Set(['a']), change: (summary) => summary, before: new Map(), positions: new Map(), sent: true });
    patches.prune(100);
    expect(patches.state.getState().patches).toHaveLength(1);
    patches.confirm(key, 10);
    patches.prune(9);
    expect(patches.state.getState().patches).toHaveLength(1);
    patches.prune(11);
    expect(patches.state.getState().patches).toHaveLength(0);
  });
});

describe('snooze times', () => {
  // Wednesday 2026-03-25 16:20 local.
  const wednesday = new Date(2026, 2, 25, 16, 20).getTime();

  it('are an hour, four hours, tomorrow 9:00 and next Monday 9:00, local', () => {
    expect(snoozeUntil('oneHour', wednesday) - wednesday).toBe(3_600_000);
    expect(snoozeUntil('fourHours', wednesday) - wednesday).toBe(4 * 3_600_000);
    expect(new Date(snoozeUntil('tomorrow', wednesday))).toEqual(new Date(2026, 2, 26, 9, 0));
    expect(new Date(snoozeUntil('nextWeek', wednesday))).toEqual(new Date(2026, 2, 30, 9, 0));
  });

  it('take next week from a Monday as the Monday after', () => {
    const monday = new Date(2026, 2, 30, 8, 0).getTime();
    expect(new Date(snoozeUntil('nextWeek', monday))).toEqual(new Date(2026, 3, 6, 9, 0));
  });

  it('read and write the datetime-local format', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3).getTime())).toBe('2026-01-05T07:03');
    expect(fromLocalInput('2026-01-05T07:03')).toBe(new Date(2026, 0, 5, 7, 3).getTime());
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
