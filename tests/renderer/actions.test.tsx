import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { applyOverrides } from '../../renderer/keyboard/keymap';
import { RpcError } from '../../shared/rpc';
import { createFakeEngine } from './fakeEngine';
import { activeOption, options, renderApp } from './harness';

afterEach(cleanup);

const key = (element: Element, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });
const contactOf = (option: HTMLElement) => option.getAttribute('aria-label')!.split(',')[0];
const header = () => screen.getByRole('region', { name: 'Needs reply' });

async function app(count = 30) {
  const engine = createFakeEngine({ conversations: count });
  const rendered = await renderApp({ engine });
  await within(header()).findByText(`${count} conversations`);
  return rendered;
}

describe('close and reopen', () => {
  it('e closes at once, selects the next item, moves the counts and keeps focus in the list', async () => {
    const { list, engine } = await app();
    const release = engine.hold('conversations.act');
    key(list, 'KeyE', 'у');
    // Before the engine has answered: gone from Needs reply, the next one under the cursor, the counts moved.
    expect(contactOf(activeOption(list))).toBe('Dmitri Ivanov');
    expect(options(list).some((option) => contactOf(option) === 'Anna Kowalska')).toBe(false);
    expect(within(header()).getByText('29 conversations')).toBeTruthy();
    expect(within(header()).queryByText(/overdue/)).toBeNull();
    expect(screen.getByRole('button', { name: /^Closed 1/ })).toBeTruthy();
    expect(document.activeElement).toBe(list);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Closed 1 conversation · Undo (Ctrl+Z)');

    const countReads = engine.callsTo('inbox.counts').length;
    release();
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0'], action: { type: 'close' } }]));
    // The engine's own list agrees, and nothing blinks back.
    await waitFor(() => expect(engine.callsTo('inbox.list').length).toBeGreaterThan(2));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    // One re-read per action (on the engine's inbox.changed), not a second one on its answer.
    expect(engine.callsTo('inbox.counts')).toHaveLength(countReads + 1);
    expect(contactOf(options(list)[0]!)).toBe('Dmitri Ivanov');
    expect(within(header()).getByText('29 conversations')).toBeTruthy();
  });

  it('keeps rows coming when the agent closes faster than the engine answers', async () => {
    const { list, engine } = await app(120);
    const release = engine.hold('conversations.act');
    for (let n = 0; n < 50; n++) key(list, 'KeyE', 'e');
    // Every row of the first page is closed on screen; the next page is read to fill the list.
    await waitFor(() => expect(contactOf(activeOption(list))).toBe('Customer 50'));
    for (let n = 0; n < 5; n++) key(list, 'KeyE', 'e');
    expect(contactOf(activeOption(list))).toBe('Customer 55');
    expect(within(header()).getByText('65 conversations')).toBeTruthy();
    release();
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(55));
    await waitFor(() => expect(engine.conversations.filter((c) => c.status === 'closed')).toHaveLength(55));
    expect(contactOf(activeOption(list))).toBe('Customer 55');
  });

  it('puts it back and says why when the engine refuses', async () => {
    const { list, engine } = await app();
    engine.fail('conversations.act', new RpcError('internal', 'database is locked'));
    key(list, 'KeyE', 'e');
    expect(contactOf(options(list)[0]!)).toBe('Dmitri Ivanov');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That did not go through, nothing changed: database is locked');
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    expect(within(header()).getByText('30 conversations')).toBeTruthy();
  });

  it('Shift+E reopens in the Closed view', async () => {
    const engine = createFakeEngine({ conversations: 10 });
    engine.conversations[2]!.status = 'closed';
    const { list } = await renderApp({ engine });
    key(list, 'KeyG', 'g');
    key(list, 'KeyC', 'c');
    await waitFor(() => expect(options(list)).toHaveLength(1));
    key(list, 'KeyE', 'E', { shiftKey: true });
    expect(screen.getByText('No conversations here')).toBeTruthy();
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c2'], action: { type: 'reopen' } }]));
    expect(engine.conversations[2]!.status).toBe('open');
  });

  it('in the All view, close leaves the row and moves the cursor to the next one', async () => {
    const { list, engine } = await app(10);
    key(list, 'KeyG', 'g');
    key(list, 'KeyA', 'a');
    await waitFor(() => expect(screen.getByRole('region', { name: 'All' })).toBeTruthy());
    await waitFor(() => expect(options(list).length).toBe(10));
    key(list, 'KeyE', 'e');
    expect(options(list)).toHaveLength(10);
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('2');
    await waitFor(() => expect(engine.conversations[0]!.status).toBe('closed'));
  });

  it('keeps the cursor on its conversation when a re-read ranks another above it, so e closes what the agent sees', async () => {
    const { list, engine } = await app(10);
    key(list, 'KeyJ', 'j');
    expect(contactOf(activeOption(list))).toBe('Dmitri Ivanov');
    const newcomer = { ...engine.conversations[9]!, id: 'c-new', contactName: 'New Customer' };
    engine.conversations.unshift(newcomer);
    act(() => engine.emit('inbox.changed', { conversationIds: ['c-new'] }));
    await waitFor(() => expect(contactOf(options(list)[0]!)).toBe('New Customer'));
    expect(contactOf(activeOption(list))).toBe('Dmitri Ivanov');
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('3');
    key(list, 'KeyE', 'e');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c1'], action: { type: 'close' } }]));
  });

  it('never acts on keys typed into a text field', async () => {
    const { list, engine } = await app(5);
    key(list, 'Enter', 'Enter');
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    for (const [code, typed] of [['KeyE', 'e'], ['KeyS', 's'], ['KeyL', 'l'], ['KeyA', 'a'], ['KeyX', 'x']] as const) key(box, code, typed);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(engine.callsTo('conversations.act')).toEqual([]);
  });
});

describe('snooze menu', () => {
  const openMenu = (list: HTMLElement) => {
    key(list, 'KeyS', 's');
    return screen.getByRole('menu', { name: 'Snooze' });
  };
  const snoozedUntil = (engine: ReturnType<typeof createFakeEngine>) => (engine.callsTo('conversations.act').at(-1) as { action: { until: number } }).action.until;

  it('one key picks an hour (1 or h) or four, snoozes at once and hands focus back', async () => {
    const { list, engine } = await app(10);
    const menu = openMenu(list);
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      '1 hour1',
      '4 hours4',
      'Tomorrow, 9:00T',
      'Next week, Monday 9:00W',
      'Pick date and time…P',
    ]);
    expect(document.activeElement).toBe(within(menu).getAllByRole('menuitem')[0]);
    const before = Date.now();
    key(document.activeElement!, 'KeyH', 'р');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(list);
    expect(contactOf(activeOption(list))).toBe('Dmitri Ivanov');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(1));
    expect(snoozedUntil(engine) - before).toBeGreaterThanOrEqual(3_600_000);
    expect(snoozedUntil(engine) - Date.now()).toBeLessThanOrEqual(3_600_000);

    openMenu(list);
    key(document.activeElement!, 'Digit4', '4');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(2));
    expect(Math.round((snoozedUntil(engine) - Date.now()) / 60_000)).toBe(240);

    openMenu(list);
    key(document.activeElement!, 'Digit1', '1');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(3));
    expect(Math.round((snoozedUntil(engine) - Date.now()) / 60_000)).toBe(60);
  });

  it('t is tomorrow 9:00 and w next Monday 9:00, local time', async () => {
    const { list, engine } = await app(10);
    openMenu(list);
    key(document.activeElement!, 'KeyT', 't');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(1));
    const tomorrow = new Date(snoozedUntil(engine));
    expect([tomorrow.getHours(), tomorrow.getMinutes()]).toEqual([9, 0]);
    expect(tomorrow.getDate()).toBe(new Date(Date.now() + 86_400_000).getDate());

    openMenu(list);
    key(document.activeElement!, 'KeyW', 'w');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(2));
    const monday = new Date(snoozedUntil(engine));
    expect([monday.getDay(), monday.getHours(), monday.getMinutes()]).toEqual([1, 9, 0]);
    // The coming Monday, never today: 1 to 7 calendar days ahead (on a Monday morning that is 7 days and some hours).
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    const days = Math.round((new Date(monday).setHours(0, 0, 0, 0) - today.getTime()) / 86_400_000);
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('p asks for a date and time, Enter confirms; Esc cancels without acting', async () => {
    const { list, engine } = await app(10);
    openMenu(list);
    key(document.activeElement!, 'KeyP', 'p');
    const input = screen.getByLabelText('Snooze until');
    expect(document.activeElement).toBe(input);
    const at = new Date();
    at.setDate(at.getDate() + 3);
    at.setHours(14, 30, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    fireEvent.change(input, { target: { value: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T14:30` } });
    key(input, 'Enter', 'Enter');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(1));
    expect(snoozedUntil(engine)).toBe(at.getTime());
    expect(document.activeElement).toBe(list);

    openMenu(list);
    key(document.activeElement!, 'Escape', 'Escape');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(list);
    expect(engine.callsTo('conversations.act')).toHaveLength(1);
  });
});

describe('selection and bulk actions', () => {
  it('x checks rows, Shift+X checks the range, and e closes all of them in one call', async () => {
    const { list, engine } = await app();
    expect(list.getAttribute('aria-multiselectable')).toBe('true');
    key(list, 'KeyX', 'x');
    expect(options(list)[0]!.getAttribute('aria-checked')).toBe('true');
    expect(options(list)[0]!.getAttribute('aria-selected')).toBe('true');
    key(list, 'KeyJ', 'j');
    key(list, 'KeyJ', 'j');
    key(list, 'KeyJ', 'j');
    key(list, 'KeyX', 'X', { shiftKey: true });
    expect(options(list).slice(0, 5).map((option) => option.getAttribute('aria-checked'))).toEqual(['true', 'true', 'true', 'true', 'false']);
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('4');
    expect(screen.getByText('4 selected')).toBeTruthy();

    key(list, 'KeyE', 'e');
    expect(contactOf(options(list)[0]!)).toBe('Customer 4');
    expect(contactOf(activeOption(list))).toBe('Customer 4');
    expect(screen.queryByText('4 selected')).toBeNull();
    expect(within(header()).getByText('26 conversations')).toBeTruthy();
    expect(screen.getByRole('status', { name: '' }).textContent).toMatch(/^Closed 4 conversations · Undo/);
    await waitFor(() => expect(engine.callsTo('conversations.act')).toEqual([{ ids: ['c0', 'c1', 'c2', 'c3'], action: { type: 'close' } }]));
  });

  it('names the keys that act on the selection as the agent has them mapped', async () => {
    const { list } = await app(10);
    key(list, 'KeyX', 'x');
    const bar = screen.getByText('1 selected').parentElement!;
    expect(bar.textContent).toBe('1 selected E Close conversation · S Snooze · L Tag · A Assign · X Select conversation');
    try {
      act(() => void applyOverrides({ close: 'y' }));
      expect(bar.textContent).toContain('Y Close conversation');
      key(list, 'KeyY', 'н');
      expect(screen.queryByText('1 selected')).toBeNull();
    } finally {
      act(() => void applyOverrides({}));
    }
  });

  it('x again unchecks, and Esc clears the selection', async () => {
    const { list } = await app(10);
    key(list, 'KeyX', 'x');
    key(list, 'KeyX', 'x');
    expect(options(list)[0]!.getAttribute('aria-checked')).toBe('false');
    key(list, 'KeyX', 'x');
    key(list, 'KeyJ', 'j');
    key(list, 'KeyX', 'x');
    expect(screen.getByText('2 selected')).toBeTruthy();
    key(list, 'Escape', 'Escape');
    expect(screen.queryByText(/selected/)).toBeNull();
    expect(options(list).every((option) => option.getAttribute('aria-checked') === 'false')).toBe(true);
  });
});

describe('undo', () => {
  it('Mod+Z restores at once, then asks the engine; it can be pressed again for earlier actions', async () => {
    const { list, engine } = await app();
    key(list, 'KeyE', 'e');
    key(list, 'KeyE', 'e');
    expect(contactOf(options(list)[0]!)).toBe('Sam Lee');
    await waitFor(() => expect(engine.callsTo('conversations.act')).toHaveLength(2));
    await waitFor(() => expect(engine.conversations[1]!.status).toBe('closed'));

    const release = engine.hold('conversations.undo');
    key(list, 'KeyZ', 'я', { ctrlKey: true });
    // Dmitri is back in his place and under the cursor before the engine answers.
    expect(contactOf(options(list)[0]!)).toBe('Dmitri Ivanov');
    expect(contactOf(activeOption(list))).toBe('Dmitri Ivanov');
    expect(within(header()).getByText('29 conversations')).toBeTruthy();
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Restored 1 conversation');
    release();
    await waitFor(() => expect(engine.conversations[1]!.status).toBe('open'));

    key(list, 'KeyZ', 'z', { ctrlKey: true });
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    await waitFor(() => expect(engine.conversations[0]!.status).toBe('open'));
    expect(engine.callsTo('conversations.undo')).toEqual([{ undoToken: 'undo-2' }, { undoToken: 'undo-1' }]);
    await waitFor(() => expect(within(header()).getByText('30 conversations')).toBeTruthy());
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    expect(contactOf(options(list)[1]!)).toBe('Dmitri Ivanov');
  });

  it('takes the restore back and says why when the engine cannot undo', async () => {
    const { list, engine } = await app();
    key(list, 'KeyE', 'e');
    await waitFor(() => expect(engine.conversations[0]!.status).toBe('closed'));
    await waitFor(() => expect(engine.callsTo('inbox.list').length).toBeGreaterThan(2));
    engine.fail('conversations.undo', new RpcError('not_found', 'too late to undo'));
    key(list, 'KeyZ', 'z', { ctrlKey: true });
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    expect((await screen.findByRole('alert')).textContent).toBe('Could not undo: too late to undo');
    expect(contactOf(options(list)[0]!)).toBe('Dmitri Ivanov');
  });

  it('undo pressed before the engine has even taken the action: the row never leaves again and keeps the cursor', async () => {
    const { list, engine } = await app();
    const release = engine.hold('conversations.act');
    key(list, 'KeyE', 'e');
    key(list, 'KeyZ', 'z', { ctrlKey: true });
    expect(contactOf(activeOption(list))).toBe('Anna Kowalska');
    release();
    await waitFor(() => expect(engine.callsTo('conversations.undo')).toHaveLength(1));
    await waitFor(() => expect(engine.conversations[0]!.status).toBe('open'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    expect(contactOf(activeOption(list))).toBe('Anna Kowalska');
  });

  it('waits for the action’s token when undo is pressed first, and asks nothing if the action failed', async () => {
    const { list, engine } = await app();
    const release = engine.hold('conversations.act');
    key(list, 'KeyE', 'e');
    key(list, 'KeyZ', 'z', { ctrlKey: true });
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    engine.fail('conversations.act', new RpcError('internal', 'disk full'));
    release();
    expect((await screen.findByRole('alert')).textContent).toBe('That did not go through, nothing changed: disk full');
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(engine.callsTo('conversations.undo')).toEqual([]);
    expect(contactOf(options(list)[0]!)).toBe('Anna Kowalska');
    expect(engine.conversations[0]!.status).toBe('open');
  });

  it('does nothing with nothing to undo', async () => {
    const { list, engine } = await app(5);
    key(list, 'KeyZ', 'z', { ctrlKey: true });
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(engine.callsTo('conversations.undo')).toEqual([]);
  });
});
