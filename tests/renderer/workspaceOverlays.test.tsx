import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { hideOverlay } from '../../renderer/overlays/overlayStore';
import { createFakeEngine } from './fakeEngine';
import { activeOption, renderApp } from './harness';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

const key = (element: Element, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });
const contactOf = (option: HTMLElement) => option.getAttribute('aria-label')!.split(',')[0];

function runFromPalette(list: HTMLElement, name: string) {
  key(list, 'KeyK', 'л', { ctrlKey: true });
  const palette = screen.getByRole('dialog', { name: 'Command palette' });
  const input = within(palette).getByRole('combobox', { name: 'Command' });
  fireEvent.change(input, { target: { value: name } });
  key(input, 'Enter', 'Enter');
}

describe('overlays in the workspace', () => {
  it('opens the palette, help and search from their keys', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 5 }) });
    key(list, 'KeyK', 'k', { ctrlKey: true });
    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeTruthy();
    act(hideOverlay);
    key(list, 'Slash', '?', { shiftKey: true });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    act(hideOverlay);
    key(list, 'Slash', '/');
    expect(screen.getByRole('dialog', { name: 'Search' })).toBeTruthy();
    act(hideOverlay);
    expect(document.activeElement).toBe(list);
  });

  it('runs an action from the palette as its key would: close, a view, the snooze menu', async () => {
    const { list, engine } = await renderApp({ engine: createFakeEngine({ conversations: 5 }) });
    runFromPalette(list, 'Close conversation');
    expect(contactOf(activeOption(list))).toBe('Dmitri Ivanov');
    expect(document.activeElement).toBe(list);
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0'], action: { type: 'close' } }]));

    runFromPalette(list, 'Go to Closed');
    expect(screen.getByRole('region', { name: 'Closed' })).toBeTruthy();
    await waitFor(() => expect(contactOf(activeOption(list))).toBe('Anna Kowalska'));

    runFromPalette(list, 'Snooze');
    expect(screen.getByRole('menu', { name: 'Snooze' })).toBeTruthy();
  });

  it('runs Reply from the palette into the reply box, and list moves back in the list', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 5 }) });
    runFromPalette(list, 'Next conversation');
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('2');
    expect(document.activeElement).toBe(list);
    runFromPalette(list, 'Reply');
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('heading', { level: 2, name: 'Dmitri Ivanov' })).toBeTruthy();
  });

  it('opens a search result that is in the list under the cursor, scrolled into view', async () => {
    const engine = createFakeEngine({ conversations: 60 });
    engine.searchHits = [
      { messageId: 'c40-m1', conversationId: 'c40', contactName: 'Customer 40', contactHandle: '', platform: 'x', kind: 'dm', status: 'open', snippet: 'Question', createdAt: Date.now() },
    ];
    const { list } = await renderApp({ engine });
    key(list, 'Slash', '/');
    const input = within(screen.getByRole('dialog', { name: 'Search' })).getByRole('searchbox', { name: 'Search' });
    fireEvent.change(input, { target: { value: 'question' } });
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: /results/i })).getAllByRole('option')).toHaveLength(1));
    key(input, 'Enter', 'Enter');
    expect(contactOf(activeOption(list))).toBe('Customer 40');
    // Row 41 of 64 px, shown at the bottom of the 640 px the list has where nothing is laid out.
    expect(list.scrollTop).toBe(41 * 64 - 640);
    expect(await screen.findByRole('heading', { level: 2, name: 'Customer 40' })).toBeTruthy();
  });

  it('opens a search result, even one outside the current view', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.conversations[3]!.status = 'closed';
    engine.searchHits = [
      {
        messageId: 'c3-m1',
        conversationId: 'c3',
        contactName: 'Customer 3',
        contactHandle: '@customer3',
        platform: 'x',
        kind: 'dm',
        status: 'closed',
        snippet: 'Question number 3',
        createdAt: Date.now(),
      },
    ];
    const { list } = await renderApp({ engine });
    key(list, 'Slash', '/');
    const input = within(screen.getByRole('dialog', { name: 'Search' })).getByRole('searchbox', { name: 'Search' });
    fireEvent.change(input, { target: { value: 'question' } });
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: /results/i })).getAllByRole('option')).toHaveLength(1));
    key(input, 'Enter', 'Enter');
    expect(await screen.findByRole('heading', { level: 2, name: 'Customer 3' })).toBeTruthy();
    expect(document.activeElement).toBe(list);
    expect(screen.getByRole('region', { name: 'Needs reply' })).toBeTruthy();

    // Acting from the conversation pane acts on the open conversation, not the list's cursor.
    const log = await screen.findByRole('log', { name: 'Messages' });
    log.focus();
    key(log, 'KeyE', 'E', { shiftKey: true });
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c3'], action: { type: 'reopen' } }]));
  });
});
