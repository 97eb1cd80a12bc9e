import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createLink } from '../../renderer/rpc/link';
import { renderApp } from './harness';

afterEach(cleanup);

describe('connectivity and sync', () => {
  it('shows the engine’s connectivity and follows connectivity.changed', async () => {
    const { engine } = await renderApp();
    const status = screen.getByRole('status', { name: 'Connection: Online' });
    expect(status.textContent).toBe('Online');

    act(() => engine.emit('connectivity.changed', { connectivity: 'syncing' }));
    expect(screen.getByRole('status', { name: 'Connection: Syncing' }).textContent).toBe('Syncing');
    act(() => engine.emit('connectivity.changed', { connectivity: 'offline' }));
    expect(status.textContent).toBe('Offline');
  });

  it('shows a backfill progress bar until it is done', async () => {
    const { engine } = await renderApp();
    expect(screen.queryByRole('progressbar')).toBeNull();

    act(() => engine.emit('sync.progress', { accountId: 'acc1', fetched: 400, total: 1_000, done: false }));
    const bar = screen.getByRole('progressbar', { name: 'Fetching history' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('400 of 1,000');

    act(() => engine.emit('sync.progress', { accountId: 'acc2', fetched: 7, total: null, done: false }));
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(bar.getAttribute('aria-valuetext')).toBe('407 items fetched');

    act(() => engine.emit('sync.progress', { accountId: 'acc2', fetched: 7, total: 7, done: true }));
    act(() => engine.emit('sync.progress', { accountId: 'acc1', fetched: 1_000, total: 1_000, done: true }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('is offline while the link is down and re-reads everything when it is back', async () => {
    const link = createLink('up');
    const { engine, list } = await renderApp({ link });
    const reads = () => ({ status: engine.callsTo('app.status').length, inbox: engine.callsTo('inbox.list').length });
    const before = reads();

    act(() => link.set('down'));
    expect(screen.getByRole('status').textContent).toBe('Offline');

    engine.conversations.splice(0, 1);
    act(() => link.set('up'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Online'));
    await waitFor(() => expect(list.querySelector('[aria-posinset="1"]')!.getAttribute('aria-setsize')).toBe('4999'));
    expect(reads().status).toBeGreaterThan(before.status);
    expect(reads().inbox).toBeGreaterThan(before.inbox);
  });

  it('says connecting until the link first comes up', async () => {
    const link = createLink('connecting');
    await renderApp({ link });
    expect(screen.getByRole('status').textContent).toBe('Connecting');
    act(() => link.set('up'));
    expect(screen.getByRole('status').textContent).toBe('Online');
  });
});
