import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UNCONFIRMED_SEND } from '../../shared/domain';
import { RLO_BODY, XSS_BODY } from './fakeEngine';
import { renderApp } from './harness';

afterEach(cleanup);

async function openRow(list: HTMLElement, steps: number) {
  for (let i = 0; i < steps; i++) fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
  fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
  return screen.findByRole('log', { name: 'Messages' });
}

describe('conversation view', () => {
  it('shows the header at once: contact, kind, title and rating', async () => {
    const { list } = await renderApp();
    fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
    const article = screen.getByRole('article', { name: 'Anna Kowalska' });
    expect(within(article).getByText('Review sites · review')).toBeTruthy();
    expect(within(article).getByText('Café Mokotów, Warsaw')).toBeTruthy();
    expect(within(article).getByRole('img', { name: '2 stars' })).toBeTruthy();
  });

  it('renders a hostile body as literal text and creates no element from it', async () => {
    const { list, container } = await renderApp();
    const log = await openRow(list, 1);
    const body = await within(log).findByText(XSS_BODY);
    expect(body.textContent).toBe(XSS_BODY);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('isolates each body’s direction so an override cannot leak out', async () => {
    const { list } = await renderApp();
    const log = await openRow(list, 2);
    const body = await within(log).findByText(RLO_BODY);
    expect(body.getAttribute('dir')).toBe('auto');
    expect(body.classList.contains('message-body')).toBe(true);
  });

  it('returns focus to the list on Esc', async () => {
    const { list } = await renderApp();
    const log = await openRow(list, 0);
    log.focus();
    fireEvent.keyDown(log, { code: 'Escape', key: 'Escape' });
    expect(document.activeElement).toBe(list);
  });

  it('re-reads on conversation.changed and shows the outbound state and error', async () => {
    const { list, engine } = await renderApp();
    const log = await openRow(list, 0);
    await within(log).findByText('The coffee was cold and nobody came.');
    engine.conversations[0]!.messages.push({
      id: 'c0-out',
      conversationId: 'c0',
      clientId: 'k-out',
      direction: 'out',
      visibility: 'private',
      authorName: 'Test brand',
      body: 'Sorry — we will call you.',
      createdAt: Date.now(),
      state: 'failed',
      error: 'The messaging window is closed',
      sendAt: null,
      hidden: false,
      hideState: null,
      hideError: null,
    });
    act(() => engine.emit('conversation.changed', { conversationId: 'c0' }));
    expect(await within(log).findByText('Not sent: The messaging window is closed')).toBeTruthy();
    expect(within(log).getByText('Private')).toBeTruthy();

    engine.conversations[0]!.messages[1] = { ...engine.conversations[0]!.messages[1]!, state: 'sent', error: null };
    act(() => engine.emit('conversation.changed', { conversationId: 'c0' }));
    await waitFor(() => expect(within(log).getByText('Sent')).toBeTruthy());
    const items = within(log).getAllByRole('listitem');
    expect(items.map((item) => item.className)).toEqual(['message message--in', 'message message--out']);
  });

  it('says a reply whose outcome is unknown may have been sent, rather than "not sent"', async () => {
    const { list, engine } = await renderApp();
    const log = await openRow(list, 0);
    await within(log).findByText('The coffee was cold and nobody came.');
    engine.conversations[0]!.messages.push({
      id: 'c0-maybe',
      conversationId: 'c0',
      clientId: 'k-maybe',
      direction: 'out',
      visibility: 'private',
      authorName: 'Test brand',
      body: 'Your refund is on its way.',
      createdAt: Date.now(),
      state: 'failed',
      error: UNCONFIRMED_SEND,
      sendAt: null,
      hidden: false,
      hideState: null,
      hideError: null,
    });
    act(() => engine.emit('conversation.changed', { conversationId: 'c0' }));
    expect(await within(log).findByText(/^Maybe sent: .*Check the conversation there before sending it again\.$/)).toBeTruthy();
    expect(within(log).queryByText(/^Not sent/)).toBeNull();
  });

  it('ignores changes to conversations that are not open', async () => {
    const { list, engine } = await renderApp();
    await openRow(list, 0);
    await waitFor(() => expect(engine.callsTo('conversation.get')).toHaveLength(1));
    act(() => engine.emit('conversation.changed', { conversationId: 'c7' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(engine.callsTo('conversation.get')).toHaveLength(1);
  });
});
