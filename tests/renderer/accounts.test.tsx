import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { hideOverlay } from '../../renderer/overlays/overlayStore';
import { RpcError } from '../../shared/rpc';
import { createFakeEngine, type FakeEngine } from './fakeEngine';
import { renderApp } from './harness';

afterEach(() => {
  act(hideOverlay);
  cleanup();
});

const key = (element: Element, code: string, key: string, modifiers: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(element, { code, key, ...modifiers });
const GOOD_TOKEN = '7000000001:AAGoodTokenGoodTokenGoodToken';

/** The App with its accounts screen open (Ctrl+Shift+A, pressed under a Russian layout), focus in the account list. */
async function openAccounts(engine: FakeEngine = createFakeEngine({ conversations: 5 }), listName?: string) {
  const { list: inbox } = await renderApp({ engine, listName });
  key(inbox, 'KeyA', 'Ф', { ctrlKey: true, shiftKey: true });
  const dialog = screen.getByRole('dialog');
  const accounts = await within(dialog).findByRole('listbox');
  await waitFor(() => expect(within(accounts).getAllByRole('option')).toHaveLength(engine.accounts.length));
  return { engine, dialog, accounts, inbox };
}

const selectedName = (list: HTMLElement) => document.getElementById(list.getAttribute('aria-activedescendant')!)!.getAttribute('aria-label');

describe('accounts screen', () => {
  it('lists accounts with their state and last problem in words, walked with ↑/↓', async () => {
    const { accounts } = await openAccounts();
    expect(document.activeElement).toBe(accounts);
    expect(within(accounts).getAllByRole('option').map((option) => option.getAttribute('aria-label'))).toEqual([
      'Test brand, Sandbox: Active',
      'Northwind Support (@northwind_support_bot), Telegram: Needs a new token',
    ]);
    expect(within(accounts).getByText('Last problem: Telegram does not accept this bot token: Unauthorized')).toBeTruthy();
    key(accounts, 'ArrowDown', 'ArrowDown');
    expect(selectedName(accounts)).toMatch(/^Northwind/);
    key(accounts, 'ArrowDown', 'ArrowDown');
    expect(selectedName(accounts)).toMatch(/^Northwind/);
    key(accounts, 'ArrowUp', 'ArrowUp');
    expect(selectedName(accounts)).toBe('Test brand, Sandbox: Active');
  });

  it('opens from the command palette too', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 5 }) });
    key(list, 'KeyK', 'k', { ctrlKey: true });
    const input = within(screen.getByRole('dialog', { name: 'Command palette' })).getByRole('combobox', { name: 'Command' });
    fireEvent.change(input, { target: { value: 'Accounts' } });
    key(input, 'Enter', 'Enter');
    expect(await screen.findByRole('listbox', { name: 'Connected accounts' })).toBeTruthy();
  });

  it('adds an account: the token is typed into a password field and checked before anything is saved; a refusal keeps the form', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.acceptedTokens.add(GOOD_TOKEN);
    const { dialog, accounts } = await openAccounts(engine);

    key(accounts, 'KeyN', 'т');
    const form = within(dialog).getByRole('form', { name: 'Add account' });
    const token = within(form).getByLabelText('Token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(document.activeElement).toBe(token);
    expect((within(form).getByRole('combobox', { name: 'Platform' }) as HTMLSelectElement).value).toBe('telegram');

    fireEvent.change(token, { target: { value: '7000000001:AAWrongWrongWrong' } });
    fireEvent.submit(form);
    expect(await within(form).findByRole('alert')).toHaveProperty('textContent', 'Not done: Telegram does not accept this bot token: Unauthorized');
    expect(engine.accounts).toHaveLength(2);
    expect(token.value).toBe('7000000001:AAWrongWrongWrong');

    fireEvent.change(token, { target: { value: GOOD_TOKEN } });
    fireEvent.submit(form);
    const list = await within(dialog).findByRole('listbox');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(3));
    expect(engine.callsTo('accounts.add')).toEqual([
      { platform: 'telegram', token: '7000000001:AAWrongWrongWrong', config: {} },
      { platform: 'telegram', token: GOOD_TOKEN, config: {} },
    ]);
    expect(within(dialog).getByRole('status')).toHaveProperty('textContent', 'Bot 3 is connected');
    await waitFor(() => expect(selectedName(list)).toBe('Bot 3, Telegram: Active'));
    expect(document.activeElement).toBe(list);
    // The token is gone from the screen with its form.
    expect(document.body.innerHTML).not.toContain(GOOD_TOKEN);
  });

  it('Esc leaves the form for the list, and a second Esc closes the screen', async () => {
    const { dialog, accounts, inbox } = await openAccounts();
    key(accounts, 'KeyN', 'n');
    const token = within(dialog).getByLabelText('Token');
    key(token, 'Escape', 'Escape');
    const list = within(screen.getByRole('dialog')).getByRole('listbox');
    expect(document.activeElement).toBe(list);
    key(list, 'Escape', 'Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(inbox);
  });

  it('pauses and resumes with P, tests with T, and reconnects with R', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.acceptedTokens.add(GOOD_TOKEN);
    const { dialog, accounts } = await openAccounts(engine);

    key(accounts, 'KeyP', 'з');
    await waitFor(() => expect(selectedName(accounts)).toBe('Test brand, Sandbox: Paused'));
    expect(within(dialog).getByRole('status').textContent).toBe('Test brand is paused; its replies wait until it is resumed');
    key(accounts, 'KeyP', 'p');
    await waitFor(() => expect(selectedName(accounts)).toBe('Test brand, Sandbox: Active'));
    expect(engine.callsTo('accounts.pause')).toEqual([{ id: 'acc1' }]);
    expect(engine.callsTo('accounts.resume')).toEqual([{ id: 'acc1' }]);

    key(accounts, 'ArrowDown', 'ArrowDown');
    key(accounts, 'KeyT', 't');
    await waitFor(() =>
      expect(within(dialog).getByRole('status').textContent).toBe(
        'The token of Northwind Support (@northwind_support_bot) does not work: Telegram does not accept this bot token: Unauthorized',
      ),
    );

    key(accounts, 'KeyR', 'r');
    const form = within(dialog).getByRole('form', { name: 'Reconnect Northwind Support (@northwind_support_bot)' });
    fireEvent.change(within(form).getByLabelText('Token'), { target: { value: GOOD_TOKEN } });
    fireEvent.submit(form);
    const list = await within(dialog).findByRole('listbox');
    await waitFor(() => expect(selectedName(list)).toBe('Northwind Support (@northwind_support_bot), Telegram: Active'));
    expect(engine.callsTo('accounts.reconnect')).toEqual([{ id: 'acc2', token: GOOD_TOKEN }]);
  });

  it('shows the engine’s refusal of an action on the list', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.fail('accounts.pause', new RpcError('refused', 'The keychain is locked'));
    const { dialog, accounts } = await openAccounts(engine);
    key(accounts, 'KeyP', 'p');
    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', 'Not done: The keychain is locked');
    expect(selectedName(accounts)).toBe('Test brand, Sandbox: Active');
  });

  it('removes only after a confirmation that says what goes, with Cancel focused', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    const { dialog, accounts } = await openAccounts(engine);
    key(accounts, 'ArrowDown', 'ArrowDown');

    key(accounts, 'Delete', 'Delete');
    const confirmation = within(dialog).getByRole('group', { name: 'Remove Northwind Support (@northwind_support_bot)?' });
    expect(confirmation.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(confirmation).getByText(/conversations: 12; unsent replies: 2\)\. The conversations stay on Telegram\./)).toBeTruthy();
    expect(document.activeElement).toBe(within(confirmation).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirmation).getByRole('button', { name: 'Cancel' }));
    expect(engine.callsTo('accounts.remove')).toEqual([]);

    const list = within(dialog).getByRole('listbox');
    key(list, 'Delete', 'Delete');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(within(dialog).getByRole('listbox')).getAllByRole('option')).toHaveLength(1));
    expect(engine.callsTo('accounts.remove')).toEqual([{ id: 'acc2' }]);
    expect(within(dialog).getByRole('status').textContent).toBe('Northwind Support (@northwind_support_bot) was removed');
  });

  it('says when tokens cannot be stored, and shows the refusal of an add', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.keychain = { available: false, problem: 'Cannot autolaunch D-Bus without X11 $DISPLAY' };
    engine.acceptedTokens.add(GOOD_TOKEN);
    const { dialog, accounts } = await openAccounts(engine);
    expect(await within(dialog).findByText(/^Tokens cannot be stored safely on this computer, so accounts cannot be connected: Cannot autolaunch D-Bus/)).toBeTruthy();

    key(accounts, 'KeyN', 'n');
    const form = within(dialog).getByRole('form', { name: 'Add account' });
    fireEvent.change(within(form).getByLabelText('Token'), { target: { value: GOOD_TOKEN } });
    fireEvent.submit(form);
    expect(await within(form).findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/^Not done: Tokens cannot be stored safely on this computer, so no account can be connected: Cannot autolaunch D-Bus/));
    expect(engine.accounts).toHaveLength(2);
  });

  it('speaks Polish', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.language = 'pl';
    const { accounts } = await openAccounts(engine, 'Rozmowy');
    expect(accounts.getAttribute('aria-label')).toBe('Połączone konta');
    expect(within(accounts).getAllByRole('option')[1]!.getAttribute('aria-label')).toBe('Northwind Support (@northwind_support_bot), Telegram: Potrzebny nowy token');
  });
});
