import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SEQUENCE_TIMEOUT_MS, type Scope } from '../../../shared/keymap';
import { RpcError } from '../../../shared/rpc';
import { keyAction } from '../../../renderer/keyboard/keymap';
import { hideOverlay, showOverlay } from '../../../renderer/overlays/overlayStore';
import { createOverlayEngine, type OverlayEngine } from './overlayEngine';
import { renderOverlays } from './renderOverlays';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

/** Longer than the wait for a sequence's next key, after which a recording is done. */
const RECORDING_DONE = { timeout: SEQUENCE_TIMEOUT_MS + 2_000 };

/** What a press of the key means in the workspace now. */
const meaning = (code: string, scope: Scope, modifiers: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  keyAction(new KeyboardEvent('keydown', { code, key: code.replace(/^Key/, '').toLowerCase(), ...modifiers }), scope);

async function openSettings(engine: OverlayEngine = createOverlayEngine()) {
  const rendered = renderOverlays(engine);
  rendered.session.settings.read();
  act(() => showOverlay('settings'));
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
  // Settings are read when the dialog opens; the weights show once they arrive.
  await within(dialog).findByRole('rowheader', { name: 'Negative message' });
  return { ...rendered, dialog };
}

const recordButton = (dialog: HTMLElement, action: string) => within(dialog).getByRole('button', { name: `Change keys: ${action}` });
const keysShown = (dialog: HTMLElement, action: string) =>
  [...within(dialog).getByRole('rowheader', { name: action }).closest('tr')!.querySelectorAll('kbd')].map((kbd) => kbd.textContent);

function record(dialog: HTMLElement, action: string, presses: readonly { code: string; key: string; ctrlKey?: boolean; shiftKey?: boolean }[]) {
  const button = recordButton(dialog, action);
  button.focus();
  fireEvent.click(button);
  for (const press of presses) fireEvent.keyDown(button, press);
  return button;
}

describe('settings', () => {
  it('records a new key, saves it, and the key works at once', async () => {
    const { dialog, engine } = await openSettings();
    expect(meaning('KeyR', 'conversation')).toBe('reply');
    const button = record(dialog, 'Reply', []);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(within(dialog).getByRole('status').textContent).toMatch(/^Press the new keys for “Reply”/);
    fireEvent.keyDown(button, { code: 'ShiftLeft', key: 'Shift', shiftKey: true });
    fireEvent.keyDown(button, { code: 'KeyY', key: 'Y', shiftKey: true });

    await waitFor(() => expect(engine.updates).toEqual([{ keymap: { reply: 'Shift+KeyY' } }]), RECORDING_DONE);
    await waitFor(() => expect(meaning('KeyY', 'conversation', { shiftKey: true })).toBe('reply'));
    expect(meaning('KeyR', 'conversation')).toBeNull();
    expect(keysShown(dialog, 'Reply')).toEqual(['Shift+Y']);
    expect(within(dialog).getByRole('status').textContent).toBe('“Reply”: Shift+Y');
    expect(document.activeElement).toBe(button);
  });

  it('records sequences and modifiers', async () => {
    const { dialog, engine } = await openSettings();
    record(dialog, 'Go to Mine', [
      { code: 'KeyG', key: 'g' },
      { code: 'KeyX', key: 'x' },
    ]);
    await waitFor(() => expect(engine.updates.at(-1)).toEqual({ keymap: { 'goto.mine': 'KeyG KeyX' } }), RECORDING_DONE);
    await waitFor(() => expect(keysShown(dialog, 'Go to Mine')).toEqual(['G X']));
    expect(meaning('KeyG', 'list')).toBe('pending');
    expect(meaning('KeyX', 'list')).toBe('goto.mine');

    record(dialog, 'Undo', [{ code: 'KeyU', key: 'u', ctrlKey: true }]);
    await waitFor(() => expect(engine.updates.at(-1)).toEqual({ keymap: { 'goto.mine': 'KeyG KeyX', undo: 'Mod+KeyU' } }), RECORDING_DONE);
    await waitFor(() => expect(meaning('KeyU', 'list', { ctrlKey: true })).toBe('undo'));
  });

  it('refuses a key another action has, naming both, and saves nothing', async () => {
    const { dialog, engine } = await openSettings();
    record(dialog, 'Reply', [{ code: 'KeyE', key: 'e' }]);
    const alert = await within(dialog).findByRole('alert', {}, RECORDING_DONE);
    expect(alert.textContent).toBe('E is already the key of “Close conversation”, so “Reply” cannot have it.');
    expect(engine.updates).toEqual([]);
    expect(meaning('KeyR', 'conversation')).toBe('reply');
    expect(meaning('KeyE', 'conversation')).toBe('close');
  });

  it('refuses a key that would hide a sequence, and one kept for copying', async () => {
    const { dialog, engine } = await openSettings();
    record(dialog, 'Reply', [{ code: 'KeyG', key: 'g' }]);
    expect((await within(dialog).findByRole('alert', {}, RECORDING_DONE)).textContent).toMatch(/^G [IMPSCA] \(“Go to .+”\) begins with G \(“Reply”\)/);
    record(dialog, 'Assign', [{ code: 'KeyC', key: 'c', ctrlKey: true }]);
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('Ctrl+C is kept for copying, so “Assign” cannot have it.'), RECORDING_DONE);
    expect(engine.updates).toEqual([]);
  });

  it('shows the engine’s refusal and keeps the old keys', async () => {
    const engine = createOverlayEngine();
    engine.refuseNextUpdate(new RpcError('invalid_input', 'The keymap has conflicting keys'));
    const { dialog } = await openSettings(engine);
    record(dialog, 'Reply', [{ code: 'KeyY', key: 'y' }]);
    const alert = await within(dialog).findByRole('alert', {}, RECORDING_DONE);
    expect(alert.textContent).toBe('The keys were not saved: The keymap has conflicting keys');
    expect(engine.updates).toEqual([{ keymap: { reply: 'KeyY' } }]);
    expect(meaning('KeyR', 'conversation')).toBe('reply');
    expect(meaning('KeyY', 'conversation')).toBeNull();
  });

  it('Esc cancels a recording without closing; Backspace puts the default back', async () => {
    const engine = createOverlayEngine();
    engine.keymap = { reply: 'y', close: 'Shift+Q' };
    const { dialog } = await openSettings(engine);
    await waitFor(() => expect(meaning('KeyY', 'conversation')).toBe('reply'));

    const button = record(dialog, 'Reply', [{ code: 'Escape', key: 'Escape' }]);
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBe(dialog);
    expect(button.getAttribute('aria-pressed')).toBe('false');

    record(dialog, 'Reply', [{ code: 'Backspace', key: 'Backspace' }]);
    await waitFor(() => expect(engine.updates).toEqual([{ keymap: { close: 'Shift+Q' } }]));
    await waitFor(() => expect(meaning('KeyR', 'conversation')).toBe('reply'));
    expect(keysShown(dialog, 'Reply')).toEqual(['R']);
  });

  it('resets one action, then all, to the defaults', async () => {
    const engine = createOverlayEngine();
    engine.keymap = { reply: 'y', close: 'Shift+Q' };
    const { dialog } = await openSettings(engine);
    await waitFor(() => expect(keysShown(dialog, 'Reply')).toEqual(['Y']));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Default keys: Reply' }));
    await waitFor(() => expect(engine.updates).toEqual([{ keymap: { close: 'Shift+Q' } }]));
    await waitFor(() => expect(keysShown(dialog, 'Reply')).toEqual(['R']));
    // The reset button is gone with the override; focus stayed in the row.
    expect(document.activeElement).toBe(recordButton(dialog, 'Reply'));
    expect(within(dialog).queryByRole('button', { name: 'Default keys: Reply' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset all keys to defaults' }));
    await waitFor(() => expect(engine.updates.at(-1)).toEqual({ keymap: {} }));
    await waitFor(() => expect(meaning('KeyE', 'conversation')).toBe('close'));
    expect(keysShown(dialog, 'Close conversation')).toEqual(['E']);
    expect(within(dialog).getByRole('status').textContent).toBe('All keys are back to their defaults.');
  });

  it('moves between rows with the arrows', async () => {
    const { dialog } = await openSettings();
    const next = recordButton(dialog, 'Next conversation');
    next.focus();
    fireEvent.keyDown(next, { key: 'ArrowDown', code: 'ArrowDown' });
    expect(document.activeElement).toBe(recordButton(dialog, 'Previous conversation'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp', code: 'ArrowUp' });
    expect(document.activeElement).toBe(next);
  });

  it('shows the priority weights in order, with what they mean', async () => {
    const { dialog, workspace } = await openSettings();
    const table = within(dialog).getByRole('table', { name: 'Queue order' });
    expect(within(table).getAllByRole('rowheader').map((header) => header.textContent)).toEqual([
      'Negative message',
      'Neutral message',
      'Positive message',
      'Per unit of negativity',
      'Overdue',
      'Per hour overdue',
      'Due soon',
      'Taken off per hour left',
      'Per hour waiting',
    ]);
    expect(dialog.textContent).toContain('negative messages come first, then the reply clock decides');
    const points = (factor: string) => within(dialog).getByRole('rowheader', { name: factor }).closest('tr')!.querySelector('td')!.textContent;
    expect(points('Negative message')).toBe('10,000,000');
    expect(points('Overdue')).toBe('60');
    expect(points('Per hour waiting')).toBe('0.0001');

    fireEvent.keyDown(dialog, { key: 'Escape', code: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(workspace);
  });
});
