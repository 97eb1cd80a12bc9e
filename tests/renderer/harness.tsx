import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/App';
import type { Link } from '../../renderer/rpc/link';
import { createFakeEngine, type FakeEngine } from './fakeEngine';

/** Renders the App over a fake engine and waits until the first page of the queue is on screen. */
export async function renderApp(options: { engine?: FakeEngine; link?: Link; listName?: string | RegExp } = {}) {
  const engine = options.engine ?? createFakeEngine();
  const client = engine.client();
  const view = render(<App client={client} link={options.link} />);
  const list = await screen.findByRole('listbox', { name: options.listName ?? 'Conversations' });
  if (engine.conversations.length > 0) await within(list).findByRole('option', { name: /^Anna Kowalska,/ });
  return { ...view, engine, client, list };
}

export const options = (list: HTMLElement) => within(list).getAllByRole('option');

/** The option the listbox reports as selected through aria-activedescendant. */
export function activeOption(list: HTMLElement): HTMLElement {
  const id = list.getAttribute('aria-activedescendant');
  const option = id ? document.getElementById(id) : null;
  if (!option) throw new Error(`aria-activedescendant ${id} names no element`);
  return option;
}

/** Renders the App and opens Settings the way an agent does, from the command palette; returns its section called `name`. */
export async function openSettingsSection(engine: FakeEngine, name: string) {
  const app = await renderApp({ engine });
  fireEvent.keyDown(app.list, { code: 'KeyK', key: 'k', ctrlKey: true });
  const input = within(screen.getByRole('dialog', { name: 'Command palette' })).getByRole('combobox', { name: 'Command' });
  fireEvent.change(input, { target: { value: 'settings' } });
  fireEvent.keyDown(input, { code: 'Enter', key: 'Enter' });
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
  return { ...app, dialog, section: within(dialog).getByRole('region', { name }) };
}
