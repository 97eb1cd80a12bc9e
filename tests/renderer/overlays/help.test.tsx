import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../shared/keymap';
import { hideOverlay, showOverlay } from '../../../renderer/overlays/overlayStore';
import { createOverlayEngine } from './overlayEngine';
import { renderOverlays } from './renderOverlays';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

function openHelp() {
  act(() => showOverlay('help'));
  return screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
}

/** The keys shown for an action in one scope's table. */
function keysIn(dialog: HTMLElement, scope: string, action: string): string[] {
  const row = within(within(dialog).getByRole('table', { name: scope })).getByRole('rowheader', { name: action }).closest('tr')!;
  return [...row.querySelectorAll('kbd')].map((kbd) => kbd.textContent ?? '');
}

describe('keyboard help', () => {
  it('lists every action grouped by where its keys work', () => {
    renderOverlays();
    const dialog = openHelp();
    expect(within(dialog).getAllByRole('table').map((table) => table.querySelector('caption')?.textContent)).toEqual([
      'Conversation list',
      'Open conversation',
      'Reply box',
      'Snooze menu',
      'Everywhere',
    ]);
    expect(within(dialog).getAllByRole('rowheader')).toHaveLength(ACTION_IDS.length);
    expect(keysIn(dialog, 'Conversation list', 'Next conversation')).toEqual(['J', '↓']);
    expect(keysIn(dialog, 'Reply box', 'Send reply')).toEqual(['Ctrl+Enter', 'Ctrl+Num Enter']);
    expect(keysIn(dialog, 'Everywhere', 'Keyboard shortcuts')).toEqual(['?']);
    expect(keysIn(dialog, 'Everywhere', 'Go to Needs reply')).toEqual(['G I']);
  });

  it('shows the keys as remapped in settings, and follows a change made elsewhere', async () => {
    const engine = createOverlayEngine();
    engine.keymap = { reply: 'y', 'goto.mine': ['g y', 'Mod+Shift+M'] };
    const { session } = renderOverlays(engine);
    session.settings.read();
    const dialog = openHelp();
    await waitFor(() => expect(keysIn(dialog, 'Open conversation', 'Reply')).toEqual(['Y']));
    expect(keysIn(dialog, 'Everywhere', 'Go to Mine')).toEqual(['G Y', 'Ctrl+Shift+M']);
    expect(within(dialog).getByText(/closes\./).textContent).toBe('? or Esc closes. Keys can be changed in Settings.');

    engine.keymap = { reply: 'Shift+Y', help: 'F1' };
    act(() => engine.emit('settings.changed', {}));
    await waitFor(() => expect(keysIn(dialog, 'Open conversation', 'Reply')).toEqual(['Shift+Y']));
    expect(keysIn(dialog, 'Everywhere', 'Go to Mine')).toEqual(['G M']);
    expect(within(dialog).getByText(/closes\./).textContent).toBe('F1 or Esc closes. Keys can be changed in Settings.');
  });

  it('closes on ? and on Esc, returning focus', () => {
    const { workspace } = renderOverlays();
    const dialog = openHelp();
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: '?', code: 'Slash', shiftKey: true });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);

    fireEvent.keyDown(openHelp(), { key: 'Escape', code: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);
  });
});
