import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n';
import { ACTION_IDS, actionNameKey, type ActionId } from '../../../shared/keymap';
import { hideOverlay, showOverlay } from '../../../renderer/overlays/overlayStore';
import { recentCommands } from '../../../renderer/overlays/palette/recentCommands';
import { createOverlayEngine } from './overlayEngine';
import { renderOverlays } from './renderOverlays';

beforeEach(() => {
  localStorage.clear();
  recentCommands.setState({ ids: [] });
});
afterEach(() => {
  act(hideOverlay);
  cleanup();
});

function openPalette() {
  act(() => showOverlay('palette'));
  const dialog = screen.getByRole('dialog', { name: 'Command palette' });
  const input = within(dialog).getByRole('combobox', { name: 'Command' });
  const list = within(dialog).getByRole('listbox', { name: 'Commands' });
  return { dialog, input, list };
}

const names = (list: HTMLElement) => within(list).getAllByRole('option').map((option) => option.querySelector('.palette-name')?.textContent);
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const press = (element: HTMLElement, key: string, code = key) => fireEvent.keyDown(element, { key, code });

describe('command palette', () => {
  it('lists every action by name with its current key, and opens with focus in the field', () => {
    renderOverlays();
    const { input, list } = openPalette();
    expect(document.activeElement).toBe(input);
    const listed = names(list);
    expect(listed).toContain('Reply');
    expect(listed).toContain('Go to Mine');
    expect(listed).toContain('Keyboard shortcuts');
    expect(listed).toContain('Search');
    expect(listed).toContain('Open settings');
    // Every action less the palette itself, plus settings.
    expect(listed).toHaveLength(ACTION_IDS.length);
    const keysOf = (name: string) => [...within(list).getAllByRole('option')[listed.indexOf(name)]!.querySelectorAll('kbd')].map((kbd) => kbd.textContent);
    expect(keysOf('Reply')).toEqual(['R']);
    expect(keysOf('Next conversation')).toEqual(['J', '↓']);
    expect(keysOf('Go to Mine')).toEqual(['G M']);
    expect(keysOf('Open settings')).toEqual([]);
    expect(input.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[0]!.id);
  });

  it('filters fuzzily as the agent types, best fit first', () => {
    renderOverlays();
    const { input, list } = openPalette();
    type(input, 'gm');
    expect(names(list)[0]).toBe('Go to Mine');
    type(input, 'snz');
    expect(names(list)[0]).toBe('Snooze');
    expect(names(list).every((name) => name?.includes('Snooze'))).toBe(true);
    expect(names(list)).toHaveLength(7);
    type(input, 'qqq');
    expect(within(list).queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No command matches')).toBeTruthy();
  });

  it('filters in the UI language', async () => {
    const engine = createOverlayEngine();
    engine.language = 'ru';
    const { session } = renderOverlays(engine);
    session.settings.read();
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
    act(() => showOverlay('palette'));
    const dialog = screen.getByRole('dialog', { name: 'Палитра команд' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Команда' }), { target: { value: 'отл' } });
    expect(names(within(dialog).getByRole('listbox', { name: 'Команды' })).slice(0, 2)).toEqual(['Отложить', 'Отложить на час']);
  });

  it('runs the highlighted action with Enter after closing, with focus back where it was', () => {
    const { onRunAction, workspace } = renderOverlays();
    let focusWhenRun: Element | null = null;
    onRunAction.mockImplementation(() => (focusWhenRun = document.activeElement));
    const { input, list } = openPalette();
    type(input, 'close');
    expect(names(list)[0]).toBe('Close conversation');
    press(input, 'ArrowDown');
    press(input, 'ArrowUp');
    press(input, 'Enter');
    expect(onRunAction).toHaveBeenCalledExactlyOnceWith('close');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(focusWhenRun).toBe(workspace);
    expect(document.activeElement).toBe(workspace);
  });

  it('moves the highlight with the arrows and runs the one chosen', () => {
    const { onRunAction } = renderOverlays();
    const { input, list } = openPalette();
    type(input, 'go to');
    const expected = names(list)[2];
    press(input, 'ArrowDown');
    press(input, 'ArrowDown');
    const options = within(list).getAllByRole('option');
    expect(options[2]!.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    press(input, 'Enter');
    expect(onRunAction).toHaveBeenCalledOnce();
    const [ran] = onRunAction.mock.lastCall as [ActionId];
    expect(ran).toMatch(/^goto\./);
    expect(translate('en', actionNameKey(ran))).toBe(expected);
  });

  it('puts recently used commands first', () => {
    const { onRunAction } = renderOverlays();
    for (const query of ['assign', 'undo']) {
      const { input } = openPalette();
      type(input, query);
      press(input, 'Enter');
    }
    expect(onRunAction.mock.calls).toEqual([['assign'], ['undo']]);
    const { list } = openPalette();
    expect(names(list).slice(0, 3)).toEqual(['Undo', 'Assign', 'Next conversation']);
  });

  it('closes on Esc and on its own key, returning focus', () => {
    const { workspace, onRunAction } = renderOverlays();
    press(openPalette().input, 'Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);

    fireEvent.keyDown(openPalette().input, { key: 'k', code: 'KeyK', ctrlKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);
    expect(onRunAction).not.toHaveBeenCalled();
  });

  it('opens settings, help and search in its place; closing them returns focus to the workspace', () => {
    const { workspace, onRunAction } = renderOverlays();
    for (const [command, dialog] of [
      ['Open settings', 'Settings'],
      ['Keyboard shortcuts', 'Keyboard shortcuts'],
      ['Search', 'Search'],
    ] as const) {
      const { input, list } = openPalette();
      type(input, command);
      expect(names(list)[0]).toBe(command);
      press(input, 'Enter');
      expect(screen.getByRole('dialog', { name: dialog })).toBeTruthy();
      expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();
      act(hideOverlay);
      expect(document.activeElement).toBe(workspace);
    }
    expect(onRunAction).not.toHaveBeenCalled();
  });
});
