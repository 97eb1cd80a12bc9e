import { describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc';
import { createInboxPages, itemAt, PAGE_SIZE } from '../../renderer/inbox/inboxPages';
import { scrollToShow, visibleRange, ROW_HEIGHT, OVERSCAN } from '../../renderer/inbox/windowing';
import { DEFAULT_QUERY } from '../../renderer/triage/query';
import { createFakeEngine } from './fakeEngine';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('windowing', () => {
  it('renders the rows in view plus overscan', () => {
    expect(visibleRange(0, 10 * ROW_HEIGHT)).toEqual({ first: 0, last: 9 + OVERSCAN });
    expect(visibleRange(100 * ROW_HEIGHT, 10 * ROW_HEIGHT)).toEqual({ first: 100 - OVERSCAN, last: 109 + OVERSCAN });
  });

  it('scrolls just enough to show a row', () => {
    const height = 10 * ROW_HEIGHT;
    expect(scrollToShow(5, 0, height)).toBe(0);
    expect(scrollToShow(10, 0, height)).toBe(ROW_HEIGHT);
    expect(scrollToShow(3, 20 * ROW_HEIGHT, height)).toBe(3 * ROW_HEIGHT);
  });
});

describe('inbox page cache', () => {
  it('reads only the pages under the window', async () => {
    const engine = createFakeEngine({ conversations: 100_000 });
    const pages = createInboxPages(engine.client(), DEFAULT_QUERY);
    pages.show(0, 20);
    await settle();
    pages.show(60_010, 60_030);
    await settle();
    const offsets = engine.callsTo('inbox.list').map((input) => (input as { offset: number }).offset);
    expect(offsets).toEqual([0, 60_000]);
    expect(pages.state.getState().total).toBe(100_000);
    expect(itemAt(pages.state.getState(), 60_020)?.contactName).toBe('Customer 60020');
  });

  it('re-reads visible pages once per burst of changes and keeps showing the old rows meanwhile', async () => {
    const engine = createFakeEngine({ conversations: 500 });
    const pages = createInboxPages(engine.client(), DEFAULT_QUERY);
    pages.show(40, 60); // spans pages 0 and 1
    await settle();
    expect(engine.callsTo('inbox.list')).toHaveLength(2);

    for (let i = 0; i < 20; i++) pages.refresh();
    expect(itemAt(pages.state.getState(), 45)?.id).toBe('c45');
    await settle();
    // One read per page while the burst lasts, and one more to catch what arrived during it.
    expect(engine.callsTo('inbox.list')).toHaveLength(6);
  });

  it('does not retry a failed read by itself, and recovers on the next refresh', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    engine.fail('inbox.list', new RpcError('unavailable', 'down'));
    const pages = createInboxPages(engine.client(), DEFAULT_QUERY);
    pages.show(0, 5);
    await settle();
    await settle();
    expect(engine.callsTo('inbox.list')).toHaveLength(1);
    expect(pages.state.getState().error).toBeInstanceOf(RpcError);

    engine.fail('inbox.list', null);
    pages.refresh();
    await settle();
    expect(pages.state.getState()).toMatchObject({ total: 10, error: null });
  });

  it('keeps the cache bounded while scrolling through a long queue', async () => {
    const engine = createFakeEngine({ conversations: 100_000 });
    const pages = createInboxPages(engine.client(), DEFAULT_QUERY);
    for (let page = 0; page < 200; page++) {
      pages.show(page * PAGE_SIZE, page * PAGE_SIZE + 20);
      await settle();
    }
    expect(pages.state.getState().pages.size).toBeLessThanOrEqual(30);
  });
});
