import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc';
import { createFakeEngine } from './fakeEngine';
import { renderApp } from './harness';

afterEach(cleanup);

async function openFirst(engine = createFakeEngine({ conversations: 20 })) {
  const app = await renderApp({ engine });
  fireEvent.keyDown(app.list, { code: 'Enter', key: 'Enter' });
  const log = await screen.findByRole('log', { name: 'Messages' });
  await within(log).findByText('The coffee was cold and nobody came.');
  const box = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
  return { ...app, engine, log, box };
}

const CTRL_Z = { code: 'KeyZ', key: 'z', ctrlKey: true };

async function sendReply(box: HTMLTextAreaElement, body: string) {
  fireEvent.change(box, { target: { value: body } });
  fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });
  const status = await screen.findByText(/^Sending in \d s · Undo \(Ctrl\+Z\)$/);
  expect(status.getAttribute('role')).toBe('status');
  return status;
}

describe('composer drafts', () => {
  it('brings back the draft the engine kept for the conversation', async () => {
    const engine = createFakeEngine({ conversations: 20 });
    engine.drafts.set('c0', { body: 'Dear Anna, about the coffee', updatedAt: 1 });
    const { box } = await openFirst(engine);
    await waitFor(() => expect(box.value).toBe('Dear Anna, about the coffee'));
    expect(engine.callsTo('draft.get')).toEqual([{ conversationId: 'c0' }]);
  });

  it('saves once after typing pauses, with the last text, and at once on blur', async () => {
    const { box, engine } = await openFirst();
    for (const text of ['W', 'We', 'We a', 'We are']) fireEvent.change(box, { target: { value: text } });
    expect(engine.callsTo('draft.save')).toEqual([]); // not per keystroke
    await waitFor(() => expect(engine.callsTo('draft.save')).toEqual([{ conversationId: 'c0', body: 'We are' }]));

    fireEvent.change(box, { target: { value: 'We are sorry' } });
    fireEvent.blur(box);
    await waitFor(() => expect(engine.callsTo('draft.save')).toHaveLength(2));
    expect(engine.callsTo('draft.save')[1]).toEqual({ conversationId: 'c0', body: 'We are sorry' });
    expect(engine.drafts.get('c0')?.body).toBe('We are sorry');
  });

  it('does not save a draft that was sent before the pause', async () => {
    const { box, engine } = await openFirst();
    await sendReply(box, 'Sent straight away');
    fireEvent.blur(box);
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(1));
    expect(engine.callsTo('draft.save')).toEqual([]);
  });
});

describe('undo send', () => {
  it('counts down under the box and takes the reply back with Ctrl+Z in the empty box', async () => {
    const { box, log, engine } = await openFirst();
    const status = await sendReply(box, 'Sorry, wrong customer');
    expect(within(log).getByText('Sorry, wrong customer')).toBeTruthy();
    expect(box.value).toBe('');

    fireEvent.keyDown(box, CTRL_Z);
    await waitFor(() => expect(box.value).toBe('Sorry, wrong customer'));
    expect(engine.callsTo('reply.undo')).toHaveLength(1);
    expect(document.activeElement).toBe(box);
    expect(within(log).queryByText('Sorry, wrong customer')).toBeNull();
    expect(status.isConnected).toBe(false);
    // the text came back as the conversation's draft
    await waitFor(() => expect(engine.drafts.get('c0')?.body).toBe('Sorry, wrong customer'));
  });

  it('leaves Ctrl+Z to the text while the box has text in it', async () => {
    const { box, engine } = await openFirst();
    await sendReply(box, 'First reply');
    fireEvent.change(box, { target: { value: 'A second thought' } });
    fireEvent.keyDown(box, CTRL_Z);
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.keyDown(box, CTRL_Z);
    await waitFor(() => expect(box.value).toBe('First reply'));
    expect(engine.callsTo('reply.undo')).toHaveLength(1); // the first Ctrl+Z, over text, was the text's
  });

  it('takes the reply back from the button too, keeping what was typed since after it', async () => {
    const { box, engine } = await openFirst();
    await sendReply(box, 'Sent too soon');
    fireEvent.change(box, { target: { value: 'PS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(box.value).toBe('Sent too soon\nPS'));
    expect(engine.callsTo('reply.undo')).toHaveLength(1);
  });

  it('says so when the reply has already gone out', async () => {
    const { box, engine } = await openFirst();
    await sendReply(box, 'Already on its way');
    engine.fail('reply.undo', new RpcError('refused', 'This reply is already sent or being sent'));
    fireEvent.keyDown(box, CTRL_Z);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Too late to undo: the reply is already being sent.');
    expect(box.value).toBe('');
  });

  it('shows no countdown for a reply whose window is over', async () => {
    const engine = createFakeEngine({ conversations: 20 });
    engine.undoWindowMs = 0;
    const { box, log } = await openFirst(engine);
    fireEvent.change(box, { target: { value: 'Straight out' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(within(log).getByText('Test brand')).toBeTruthy());
    act(() => engine.emit('conversation.changed', { conversationId: 'c0' }));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
