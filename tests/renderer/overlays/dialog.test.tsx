import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { hideOverlay, showOverlay } from '../../../renderer/overlays/overlayStore';
import { renderOverlays } from './renderOverlays';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

describe('overlay frame', () => {
  it('keeps Tab inside the dialog, both ways', () => {
    renderOverlays();
    act(() => showOverlay('settings'));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    const language = within(dialog).getByRole('combobox', { name: 'Language' });
    const close = within(dialog).getByRole('button', { name: 'Close' });

    close.focus();
    fireEvent.keyDown(close, { key: 'Tab', code: 'Tab' });
    expect(document.activeElement).toBe(language);
    fireEvent.keyDown(language, { key: 'Tab', code: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
  });

  it('keeps its keys from the workspace underneath', () => {
    renderOverlays();
    const reached: string[] = [];
    const listener = (event: KeyboardEvent) => reached.push(event.key);
    document.addEventListener('keydown', listener);
    try {
      act(() => showOverlay('help'));
      fireEvent.keyDown(screen.getByRole('dialog', { name: 'Keyboard shortcuts' }), { key: 'j', code: 'KeyJ' });
      expect(reached).toEqual([]);
    } finally {
      document.removeEventListener('keydown', listener);
    }
  });

  it('returns focus to where it was after a chain of overlays, and closes on a click outside', () => {
    const { workspace } = renderOverlays();
    act(() => showOverlay('palette'));
    act(() => showOverlay('search'));
    const dialog = screen.getByRole('dialog', { name: 'Search' });
    fireEvent.mouseDown(dialog.parentElement!);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);
  });

  it('falls back to the nearest focusable place still on screen when the element that had focus is gone', () => {
    const { workspace } = renderOverlays();
    const pane = document.createElement('section');
    pane.tabIndex = -1;
    const field = document.createElement('textarea');
    pane.append(field);
    workspace.after(pane);
    field.focus();
    act(() => showOverlay('help'));
    field.remove();
    act(hideOverlay);
    expect(document.activeElement).toBe(pane);
    pane.remove();
  });
});
