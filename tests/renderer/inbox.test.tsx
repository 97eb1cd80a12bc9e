import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine } from './fakeEngine';
import { activeOption, options, renderApp } from './harness';

afterEach(cleanup);

describe('inbox list', () => {
  it('is a named listbox of 5,000 with only the visible rows in the DOM', async () => {
    const { list } = await renderApp();
    const rendered = options(list);
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(100);
    for (const option of rendered) expect(option.getAttribute('aria-setsize')).toBe('5000');
    expect(rendered[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(screen.getByRole('heading', { name: 'Needs reply' })).toBeTruthy();
    expect(screen.getByText('5,000 conversations')).toBeTruthy();
  });

  it('names each option with contact, kind, rating, sentiment and SLA in words, time and preview', async () => {
    const { list } = await renderApp();
    const [review, dm] = options(list);
    expect(review!.getAttribute('aria-label')).toBe(
      'Anna Kowalska, review, 2 stars, negative sentiment, overdue by 5 min, 5 minutes ago: The coffee was cold and nobody came.',
    );
    // Due five minutes after the fixture was made, a moment ago: four whole minutes are left.
    expect(dm!.getAttribute('aria-label')).toBe('Dmitri Ivanov, DM, neutral sentiment, due soon: 4 min left, 6 minutes ago: <img src=x onerror=alert(1)>');
    expect(review!.getAttribute('aria-selected')).toBe('true');
    expect(dm!.getAttribute('aria-selected')).toBe('false');
  });

  it('moves with j/k and the arrows (by physical key), opens with Enter and keeps focus', async () => {
    const { list } = await renderApp();
    expect(document.activeElement).toBe(list);

    fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('2');
    // A Russian layout types "о" on the J key: still "next".
    fireEvent.keyDown(list, { code: 'KeyJ', key: 'о' });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('3');
    fireEvent.keyDown(list, { code: 'ArrowDown', key: 'ArrowDown' });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('4');
    fireEvent.keyDown(list, { code: 'KeyK', key: 'k' });
    fireEvent.keyDown(list, { code: 'ArrowUp', key: 'ArrowUp' });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('2');
    expect(activeOption(list).getAttribute('aria-selected')).toBe('true');

    fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Dmitri Ivanov' })).toBeTruthy();
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(await within(log).findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.activeElement).toBe(list);
  });

  it('ignores shortcuts with modifiers (Ctrl+J is the browser’s)', async () => {
    const { list } = await renderApp();
    fireEvent.keyDown(list, { code: 'KeyJ', key: 'j', ctrlKey: true });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('1');
  });

  it('reads only the pages under the window, even at the far end', async () => {
    const { list, engine } = await renderApp();
    fireEvent.keyDown(list, { code: 'End', key: 'End' });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('5000');
    expect(await within(list).findByRole('option', { name: /^Customer 4999,/ })).toBeTruthy();
    expect(options(list).length).toBeLessThan(100);
    const offsets = engine.callsTo('inbox.list').map((input) => (input as { offset: number }).offset);
    expect(offsets).toContain(4_950);
    expect(offsets.length).toBeLessThan(10);
  });

  it('re-reads the visible pages and the total on inbox.changed', async () => {
    const { list, engine } = await renderApp();
    engine.conversations.shift();
    act(() => engine.emit('inbox.changed', { conversationIds: ['c0'] }));
    await waitFor(() => expect(options(list)[0]!.getAttribute('aria-setsize')).toBe('4999'));
    expect(options(list)[0]!.getAttribute('aria-label')).toMatch(/^Dmitri Ivanov,/);
    expect(screen.getByText('4,999 conversations')).toBeTruthy();
  });

  it('says so when nothing needs a reply', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 0 }) });
    expect(await screen.findByText('Nothing needs a reply')).toBeTruthy();
    expect(within(list).queryAllByRole('option')).toHaveLength(0);
  });
});
