import { act, cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc';
import { hideOverlay } from '../../renderer/overlays/overlayStore';
import { createFakeEngine, type FakeEngine } from './fakeEngine';
import { openSettingsSection } from './harness';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

/** Opens settings from the command palette and waits for the Replies section to show what is saved. */
async function openReplies(engine: FakeEngine = createFakeEngine({ conversations: 5 })) {
  const app = await openSettingsSection(engine, 'Replies');
  const { section } = app;
  const undo = (await within(section).findByRole('spinbutton', { name: 'Undo window (seconds)' })) as HTMLInputElement;
  const limit = within(section).getByRole('spinbutton', { name: 'Repeated canned reply warning' }) as HTMLInputElement;
  const form = undo.closest('form')!;
  /** Enter in a field submits the form; jsdom does not do that from the key. */
  const submit = () => fireEvent.submit(form);
  return { ...app, undo, limit, submit };
}

const describedBy = (input: HTMLElement) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;

describe('settings: replies', () => {
  it('shows the saved undo window in seconds and the repeat limit, each explained', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.undoWindowMs = 8_000;
    engine.cannedRepeatLimit = 12;
    const { undo, limit } = await openReplies(engine);
    expect(undo.value).toBe('8');
    expect(limit.value).toBe('12');
    expect(describedBy(undo)).toBe('How long a sent reply waits, so you can still take it back; 0 sends at once.');
    expect(describedBy(limit)).toBe('Warn when one canned reply went out unchanged to more than this many customers in 24 hours.');
  });

  it('saves both through settings.update, and sends at once with 0', async () => {
    const { engine, section, undo, limit, submit } = await openReplies();
    undo.focus();
    fireEvent.change(undo, { target: { value: '0' } });
    fireEvent.change(limit, { target: { value: '20' } });
    submit();
    await waitFor(() => expect(within(section).getByText('Reply settings saved.')).toBeTruthy());
    expect(engine.callsTo('settings.update')).toEqual([{ undoWindowMs: 0, cannedRepeatLimit: 20 }]);
    expect([engine.undoWindowMs, engine.cannedRepeatLimit]).toEqual([0, 20]);
    expect(undo.value).toBe('0');
    expect(document.activeElement).toBe(undo);

    fireEvent.change(undo, { target: { value: '2.5' } });
    submit();
    await waitFor(() => expect(engine.callsTo('settings.update')).toHaveLength(2));
    expect(engine.callsTo('settings.update')[1]).toEqual({ undoWindowMs: 2_500, cannedRepeatLimit: 20 });
  });

  it('refuses values outside the bounds with a message at the field, and asks the engine nothing', async () => {
    const { engine, section, undo, limit, submit } = await openReplies();
    for (const value of ['61', '-1', '']) {
      fireEvent.change(undo, { target: { value } });
      submit();
      expect(within(section).getByRole('alert').textContent).toBe('The undo window is a number of seconds from 0 to 60.');
      expect(undo.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(undo);
    }
    fireEvent.change(undo, { target: { value: '5' } });
    for (const value of ['10001', '1.5']) {
      fireEvent.change(limit, { target: { value } });
      submit();
      expect(within(section).getByRole('alert').textContent).toBe('The limit is a whole number from 0 to 10,000.');
      expect(limit.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(limit);
    }
    expect(engine.callsTo('settings.update')).toEqual([]);
  });

  it('shows the engine’s refusal and keeps what was typed', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.fail('settings.update', new RpcError('invalid_input', 'Invalid input for settings.update'));
    const { section, undo, submit } = await openReplies(engine);
    fireEvent.change(undo, { target: { value: '30' } });
    submit();
    expect((await within(section).findByRole('alert')).textContent).toBe('Reply settings were not saved: Invalid input for settings.update');
    expect(undo.value).toBe('30');
    expect(engine.undoWindowMs).toBe(5_000);
  });

  it('shows what another window saved', async () => {
    const { engine, undo, limit } = await openReplies();
    engine.undoWindowMs = 15_000;
    engine.cannedRepeatLimit = 3;
    act(() => engine.emit('settings.changed', {}));
    await waitFor(() => expect([undo.value, limit.value]).toEqual(['15', '3']));
  });
});
