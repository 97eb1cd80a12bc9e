import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as END, HIGHLIGHT_START as START, type SearchHit } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import { hideOverlay, showOverlay } from '../../../renderer/overlays/overlayStore';
import type { OverlayEngine } from './overlayEngine';
import { renderOverlays } from './renderOverlays';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

const XSS = '<img src=x onerror=alert(1)>';
const AT = Date.UTC(2025, 4, 14, 9, 30);

const hit = (n: number, snippet: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  messageId: `m${n}`,
  conversationId: `c${n}`,
  contactName: `Customer ${n}`,
  contactHandle: `@customer${n}`,
  platform: 'telegram',
  kind: 'dm',
  status: 'open',
  snippet,
  createdAt: AT,
  ...extra,
});

function openSearch() {
  act(() => showOverlay('search'));
  const dialog = screen.getByRole('dialog', { name: 'Search' });
  return { dialog, box: within(dialog).getByRole('searchbox', { name: 'Search' }), results: within(dialog).getByRole('listbox', { name: 'Search results' }) };
}

const type = (box: HTMLElement, value: string) => fireEvent.change(box, { target: { value } });

/** Waits for the debounced call for `query` to reach the engine, and returns it. */
async function searched(engine: OverlayEngine, query: string) {
  await waitFor(() => expect(engine.searches.map((search) => search.query)).toContain(query));
  return engine.searches.find((search) => search.query === query)!;
}

const optionNames = (results: HTMLElement) => within(results).queryAllByRole('option').map((option) => option.querySelector('.search-hit-name')?.textContent);

describe('search', () => {
  it('asks once typing pauses and shows each hit with its details and the matches marked', async () => {
    const { engine, results, box } = { ...renderOverlays(), ...openSearch() };
    expect(document.activeElement).toBe(box);
    type(box, 'r');
    type(box, 're');
    type(box, 'refund');
    const search = await searched(engine, 'refund');
    expect(engine.searches.map((pending) => pending.query)).toEqual(['refund']);

    act(() => search.answer({ hits: [hit(1, `I want a ${START}refund${END} for ${START}order${END} 7`, { platform: 'vk', kind: 'comment', status: 'snoozed' })], ignored: [] }));
    const option = await within(results).findByRole('option');
    expect(option.querySelector('.search-hit-name')?.textContent).toBe('Customer 1');
    expect(option.textContent).toContain('VK · comment · snoozed');
    expect(option.querySelector('time')?.getAttribute('datetime')).toBe(new Date(AT).toISOString());
    expect(option.querySelector('time')?.textContent).toMatch(/2025/);
    expect([...option.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['refund', 'order']);
    expect(option.querySelector('.search-snippet')?.textContent).toBe('I want a refund for order 7');
    expect(screen.getByRole('status').textContent).toBe('1 message found');
  });

  it('shows markup in a message as text, never as elements', async () => {
    const { engine, results, box } = { ...renderOverlays(), ...openSearch() };
    type(box, 'img');
    const search = await searched(engine, 'img');
    act(() => search.answer({ hits: [hit(1, `look ${START}${XSS}${END} <b>bold</b>`)], ignored: [] }));
    const option = await within(results).findByRole('option');
    expect(option.querySelector('img, b')).toBeNull();
    expect(option.querySelector('mark')?.textContent).toBe(XSS);
    expect(option.querySelector('.search-snippet')?.textContent).toBe(`look ${XSS} <b>bold</b>`);
  });

  it('never lets an older answer replace a newer query’s results, and keeps results while waiting', async () => {
    const { engine, results, box } = { ...renderOverlays(), ...openSearch() };
    type(box, 'ref');
    const older = await searched(engine, 'ref');
    type(box, 'refund');
    const newer = await searched(engine, 'refund');

    act(() => newer.answer({ hits: [hit(2, 'newer')], ignored: [] }));
    await waitFor(() => expect(optionNames(results)).toEqual(['Customer 2']));
    act(() => older.answer({ hits: [hit(1, 'older')], ignored: [{ token: 'x:y', reason: 'unknown_filter' }] }));
    // Let the late answer arrive before looking.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(optionNames(results)).toEqual(['Customer 2']);
    expect(screen.queryByText(/x:y/)).toBeNull();

    // No spinner: the last results stay until the next answer.
    type(box, 'refunds');
    const next = await searched(engine, 'refunds');
    expect(optionNames(results)).toEqual(['Customer 2']);
    act(() => next.fail(new RpcError('internal', 'index busy')));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Search failed: index busy');
    expect(optionNames(results)).toEqual(['Customer 2']);
  });

  it('says which filters were left out, and shows the syntax', async () => {
    const { engine, box, dialog } = { ...renderOverlays(), ...openSearch() };
    expect(dialog.textContent).toMatch(/from:.*platform:.*status:.*tag:.*before:.*after:.*lang:/);
    type(box, 'refund before:someday colour:red');
    const search = await searched(engine, 'refund before:someday colour:red');
    act(() =>
      search.answer({
        hits: [],
        ignored: [
          { token: 'before:someday', reason: 'bad_value' },
          { token: 'colour:red', reason: 'unknown_filter' },
        ],
      }),
    );
    expect(await within(dialog).findByText('“before:someday” was left out: its value cannot be used')).toBeTruthy();
    expect(within(dialog).getByText('“colour:red” was left out: there is no such filter')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('No messages match');
  });

  it('moves with the arrows and opens the chosen conversation with Enter, focus back first', async () => {
    const { engine, results, box, onOpenConversation, workspace } = { ...renderOverlays(), ...openSearch() };
    type(box, 'order');
    const search = await searched(engine, 'order');
    act(() => search.answer({ hits: [hit(1, 'one'), hit(2, 'two'), hit(3, 'three')], ignored: [] }));
    await waitFor(() => expect(optionNames(results)).toHaveLength(3));
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp', code: 'ArrowUp' });
    const second = within(results).getAllByRole('option')[1]!;
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);

    let focusWhenOpened: Element | null = null;
    onOpenConversation.mockImplementation(() => (focusWhenOpened = document.activeElement));
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter' });
    expect(onOpenConversation).toHaveBeenCalledExactlyOnceWith('c2');
    expect(focusWhenOpened).toBe(workspace);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on Esc, returning focus, and reopens on the last search', async () => {
    const { engine, workspace } = renderOverlays();
    const { box } = openSearch();
    type(box, 'order');
    const search = await searched(engine, 'order');
    act(() => search.answer({ hits: [hit(1, 'one')], ignored: [] }));
    fireEvent.keyDown(box, { key: 'Escape', code: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);

    const again = openSearch();
    expect((again.box as HTMLInputElement).value).toBe('order');
    await waitFor(() => expect(optionNames(again.results)).toEqual(['Customer 1']));
  });
});
