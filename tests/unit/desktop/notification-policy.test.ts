import { describe, expect, it } from 'vitest';
import { DesktopSettings } from '../../../shared/desktop-settings';
import { planNotices, type QueueItem, type QueueMemory } from '../../../main/electron/notification-policy';

const NOW = Date.parse('2026-11-29T12:00:00.000Z');
const settings = DesktopSettings.parse({}).notifications;
const minutes = (n: number) => NOW + n * 60_000;

function item(id: string, overrides: Partial<QueueItem> = {}): QueueItem {
  return { id, accountId: 'fb-page', platform: 'facebook', contactName: `Customer ${id}`, lastMessageAt: minutes(-30), slaDueAt: minutes(30), ...overrides };
}

/** The memory after a first look at `queue`. */
const primed = (queue: QueueItem[]): QueueMemory => planNotices(null, queue, settings, NOW).memory;

describe('planNotices', () => {
  it('says nothing about the queue found at start-up', () => {
    expect(planNotices(null, [item('a'), item('b', { slaDueAt: minutes(2) })], settings, NOW).notices).toEqual([]);
  });

  it('tells about a new conversation and a new message in a known one, once', () => {
    const before = primed([item('a')]);
    const queue = [item('a', { lastMessageAt: minutes(-1) }), item('b', { lastMessageAt: minutes(-2) })];
    const first = planNotices(before, queue, settings, NOW);
    expect(first.notices).toEqual([
      { kind: 'new', conversationId: 'a', contactName: 'Customer a', platform: 'facebook' },
      { kind: 'new', conversationId: 'b', contactName: 'Customer b', platform: 'facebook' },
    ]);
    expect(planNotices(first.memory, queue, settings, NOW).notices).toEqual([]);
  });

  it('sums a burst up in one notification that opens the first item', () => {
    const queue = ['a', 'b', 'c', 'd'].map((id) => item(id));
    expect(planNotices(primed([]), queue, settings, NOW).notices).toEqual([{ kind: 'many', count: 4, conversationId: 'a' }]);
  });

  it('warns once per due time when the SLA is about to be missed, not when it is far or already past', () => {
    const queue = [item('soon', { slaDueAt: minutes(4) }), item('far', { slaDueAt: minutes(45) }), item('late', { slaDueAt: minutes(-5) }), item('none', { slaDueAt: null })];
    const atStart = planNotices(null, queue, settings, NOW - 20 * 60_000).memory; // 'soon' was still 24 min away
    const first = planNotices(atStart, queue, settings, NOW + 60_000);
    expect(first.notices).toEqual([{ kind: 'sla', conversationId: 'soon', contactName: 'Customer soon', minutesLeft: 3 }]);
    expect(planNotices(first.memory, queue, settings, NOW + 120_000).notices).toEqual([]);

    // A new customer message moves the due time: that is worth a new warning.
    const moved = [item('soon', { slaDueAt: minutes(8) })];
    expect(planNotices(first.memory, moved, settings, NOW + 120_000).notices).toEqual([{ kind: 'sla', conversationId: 'soon', contactName: 'Customer soon', minutesLeft: 6 }]);
  });

  it('stays silent for muted accounts', () => {
    const queue = [item('a', { accountId: 'muted', slaDueAt: minutes(2) }), item('b')];
    const notices = planNotices(primed([]), queue, { ...settings, mutedAccounts: ['muted'] }, NOW).notices;
    expect(notices.map((notice) => notice.conversationId)).toEqual(['b']);
  });

  it('stays silent during do-not-disturb, and does not replay what it missed afterwards', () => {
    const queue = [item('a'), item('b', { slaDueAt: minutes(3) })];
    const quiet = planNotices(primed([]), queue, { ...settings, doNotDisturb: true }, NOW);
    expect(quiet.notices).toEqual([]);
    expect(planNotices(quiet.memory, queue, settings, NOW).notices).toEqual([]);
    const off = planNotices(primed([]), queue, { ...settings, enabled: false }, NOW);
    expect(off.notices).toEqual([]);
  });

  it('forgets conversations that left the queue, so one that comes back is news again', () => {
    const first = primed([item('a')]);
    const gone = planNotices(first, [], settings, NOW).memory;
    expect(planNotices(gone, [item('a')], settings, NOW).notices).toEqual([{ kind: 'new', conversationId: 'a', contactName: 'Customer a', platform: 'facebook' }]);
  });
});
