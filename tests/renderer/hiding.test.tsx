import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc';
import { createFakeEngine, type FakeEngine } from './fakeEngine';
import { renderApp } from './harness';

afterEach(cleanup);

const SAM = 'c2'; // Sam Lee's comment on a Facebook post: the fixture's hideable conversation
const shiftH = (target: Element) => fireEvent.keyDown(target, { code: 'KeyH', key: 'H', shiftKey: true });

function moveTo(list: HTMLElement, steps: number) {
  for (let i = 0; i < steps; i++) fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
}

/** What the outbox does once the platform has the wish: the message's hide state clears. */
function platformApplied(engine: FakeEngine, conversationId: string) {
  const conversation = engine.conversations.find((c) => c.id === conversationId)!;
  conversation.messages = conversation.messages.map((m) => ({ ...m, hideState: null }));
  act(() => engine.emit('conversation.changed', { conversationId }));
}

/** Sam Lee's comment, whose hide the platform refused ("Comment was deleted"), opened from the queue. */
async function openRefusedHide() {
  const engine = createFakeEngine();
  const sam = engine.conversations.find((c) => c.id === SAM)!;
  sam.messages = sam.messages.map((m) => ({ ...m, hidden: true, hideState: 'failed', hideError: 'Comment was deleted' }));
  const { list } = await renderApp({ engine });
  moveTo(list, 2);
  fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
  return { engine, list, article: await screen.findByRole('article', { name: 'Sam Lee' }) };
}

describe('hiding a customer comment', () => {
  it('gives up a refused wish with "Leave it shown", asking the engine for the state the platform kept', async () => {
    const { engine, article } = await openRefusedHide();
    fireEvent.click(await within(article).findByRole('button', { name: 'Leave it shown' }));
    await waitFor(() => expect(engine.callsTo('message.setHidden')).toEqual([{ messageId: `${SAM}-m1`, hidden: false }]));
  });

  it('hides the newest comment with Shift+H from the list, shows it pending then hidden, and Shift+H shows it again', async () => {
    const { list, engine } = await renderApp();
    moveTo(list, 2);
    shiftH(list);
    await waitFor(() => expect(engine.callsTo('message.setHidden')).toEqual([{ messageId: `${SAM}-m1`, hidden: true }]));
    const article = await screen.findByRole('article', { name: 'Sam Lee' });
    expect(await within(article).findByText('Hiding…')).toBeTruthy();
    expect(within(article).getByText('Hidden from the public')).toBeTruthy();

    platformApplied(engine, SAM);
    await waitFor(() => expect(within(article).queryByText('Hiding…')).toBeNull());
    expect(within(article).getByText('Hidden from the public')).toBeTruthy();
    expect(document.activeElement).toBe(list); // the agent stays in the queue

    shiftH(list);
    await waitFor(() => expect(engine.callsTo('message.setHidden')).toHaveLength(2));
    expect(engine.callsTo('message.setHidden')[1]).toEqual({ messageId: `${SAM}-m1`, hidden: false });
    expect(await within(article).findByText('Showing again…')).toBeTruthy();
    expect(within(article).queryByText('Hidden from the public')).toBeNull();
  });

  it('says where the platform cannot hide, and asks the engine nothing', async () => {
    const { list, engine } = await renderApp();
    shiftH(list); // Anna Kowalska's review
    const article = await screen.findByRole('article', { name: 'Anna Kowalska' });
    expect(await within(article).findByText('This platform does not let these messages be hidden.')).toBeTruthy();
    expect(within(article).queryByRole('button', { name: 'Hide this comment from the public' })).toBeNull();
    expect(engine.callsTo('message.setHidden')).toEqual([]);
  });

  it('hides one comment from its own button, reachable from the keyboard', async () => {
    const { list, engine } = await renderApp();
    moveTo(list, 2);
    fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
    const article = await screen.findByRole('article', { name: 'Sam Lee' });
    const button = await within(article).findByRole('button', { name: 'Hide this comment from the public' });
    expect(button.tabIndex).toBe(0);
    fireEvent.click(button);
    await waitFor(() => expect(engine.callsTo('message.setHidden')).toEqual([{ messageId: `${SAM}-m1`, hidden: true }]));
    expect(await within(article).findByRole('button', { name: 'Show this comment to the public again' })).toBeTruthy();
  });

  it('shows the platform’s refusal on the comment with a way to try again, and the engine’s refusal of the call in words', async () => {
    const { engine, list, article } = await openRefusedHide();
    expect(await within(article).findByText('Not hidden: Comment was deleted')).toBeTruthy();
    expect(within(article).getByRole('button', { name: 'Try hiding this comment again' })).toBeTruthy();
    expect(within(article).getByRole('button', { name: 'Leave it shown' })).toBeTruthy();
    expect(within(article).queryByText('Hidden from the public')).toBeNull();
    // Shift+H after a refusal tries the same wish again, rather than flipping it.
    shiftH(list);
    await waitFor(() => expect(engine.callsTo('message.setHidden')).toEqual([{ messageId: `${SAM}-m1`, hidden: true }]));
    expect(await within(article).findByText('Hiding…')).toBeTruthy();

    engine.fail('message.setHidden', new RpcError('refused', 'The platform does not let this message be hidden'));
    expect(within(article).queryByRole('button', { name: 'Leave it shown' })).toBeNull(); // no longer refused, so nothing to give up
    shiftH(list);
    expect(await within(article).findByText(/^Could not change the comment: /)).toBeTruthy();
  });
});
