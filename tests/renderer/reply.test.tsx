import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain';
import { RpcError } from '../../shared/rpc';
import { activeOption, renderApp } from './harness';

afterEach(cleanup);

async function openFirst() {
  const app = await renderApp();
  fireEvent.keyDown(app.list, { code: 'Enter', key: 'Enter' });
  const log = await screen.findByRole('log', { name: 'Messages' });
  await within(log).findByText('The coffee was cold and nobody came.');
  const box = screen.getByRole('textbox', { name: 'Reply' });
  return { ...app, log, box: box as HTMLTextAreaElement };
}

describe('reply box', () => {
  it('sends once on Ctrl+Enter, clears the box and shows the reply as queued at once', async () => {
    const { box, log, engine } = await openFirst();
    const release = engine.hold('reply.send');
    fireEvent.change(box, { target: { value: 'We are sorry, Anna.' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });

    expect(box.value).toBe('');
    const sent = engine.callsTo('reply.send');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: 'c0', body: 'We are sorry, Anna.' });
    expect((sent[0] as { clientId: string }).clientId).toMatch(/^[0-9a-f-]{36}$/);
    const pending = within(log).getByText('We are sorry, Anna.').closest('li')!;
    expect(within(pending).getByText('Queued')).toBeTruthy();
    expect(within(pending).getByText('You')).toBeTruthy();

    release();
    await waitFor(() => expect(within(log).getByText('Test brand')).toBeTruthy());
    expect(within(log).getAllByText('We are sorry, Anna.')).toHaveLength(1);
    expect(engine.callsTo('reply.send')).toHaveLength(1);
  });

  it('never sends on a plain Enter or Shift+Enter (they add lines), nor on the Mac chord off a Mac', async () => {
    const { box, engine } = await openFirst();
    fireEvent.change(box, { target: { value: 'Line one' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter' });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', shiftKey: true });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', metaKey: true }); // jsdom is not a Mac: Mod is Ctrl
    expect(engine.callsTo('reply.send')).toHaveLength(0);
    fireEvent.keyDown(box, { code: 'NumpadEnter', key: 'Enter', ctrlKey: true });
    expect(engine.callsTo('reply.send')).toHaveLength(1);
  });

  it('does not send an empty or blank reply', async () => {
    const { box, engine } = await openFirst();
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });
    expect(engine.callsTo('reply.send')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);
  });

  it('keeps the text and shows the error when the call fails', async () => {
    const { box, log, engine } = await openFirst();
    engine.fail('reply.send', new RpcError('refused', 'The messaging window is closed'));
    fireEvent.change(box, { target: { value: 'Are you still there?' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Your reply was not sent: The messaging window is closed');
    expect(box.value).toBe('Are you still there?');
    expect(within(log).queryByText('Are you still there?')).toBeNull();
  });

  it('resends unchanged text under the same clientId, so an ambiguous failure cannot publish twice', async () => {
    const { box, engine } = await openFirst();
    const clientIds = () => engine.callsTo('reply.send').map((input) => (input as { clientId: string }).clientId);
    engine.fail('reply.send', new RpcError('unavailable', 'The connection to the engine was lost'));
    fireEvent.change(box, { target: { value: 'Hello?' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });
    expect((await screen.findByRole('alert')).textContent).toBe('Your reply was not sent: no connection to the engine');
    expect(box.value).toBe('Hello?');

    engine.fail('reply.send', null);
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(clientIds()).toHaveLength(2);
    expect(clientIds()[1]).toBe(clientIds()[0]);

    fireEvent.change(box, { target: { value: 'Hello?' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });
    expect(clientIds()[2]).not.toBe(clientIds()[0]);
  });

  it('takes no list action from keys typed in the box', async () => {
    const { box, list } = await openFirst();
    const before = activeOption(list).id;
    box.focus();
    fireEvent.keyDown(box, { code: 'KeyJ', key: 'j' });
    fireEvent.keyDown(box, { code: 'KeyK', key: 'k' });
    fireEvent.keyDown(box, { code: 'KeyR', key: 'r' });
    fireEvent.keyDown(box, { code: 'ArrowDown', key: 'ArrowDown' });
    expect(activeOption(list).id).toBe(before);
    expect(document.activeElement).toBe(box);
  });

  it('r in the list focuses the reply box, opening the selected conversation if none is', async () => {
    const { list } = await renderApp();
    fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
    fireEvent.keyDown(list, { code: 'KeyR', key: 'r' });
    const box = screen.getByRole('textbox', { name: 'Reply' });
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('heading', { level: 2, name: 'Dmitri Ivanov' })).toBeTruthy();

    fireEvent.keyDown(box, { code: 'Escape', key: 'Escape' });
    expect(document.activeElement).toBe(list);
    // With a conversation open, r answers it even when the selection has moved on.
    fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
    fireEvent.keyDown(list, { code: 'KeyR', key: 'r' });
    expect(document.activeElement).toBe(box);
    expect(screen.getByRole('heading', { level: 2, name: 'Dmitri Ivanov' })).toBeTruthy();
  });

  it('keeps a draft per conversation', async () => {
    const { box, list } = await openFirst();
    fireEvent.change(box, { target: { value: 'Draft for Anna' } });
    fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
    fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
    await screen.findByRole('heading', { level: 2, name: 'Dmitri Ivanov' });
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('');
    fireEvent.keyDown(list, { code: 'KeyK', key: 'k' });
    fireEvent.keyDown(list, { code: 'Enter', key: 'Enter' });
    await screen.findByRole('heading', { level: 2, name: 'Anna Kowalska' });
    expect((screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).toBe('Draft for Anna');
  });
});

describe('checks before publishing', () => {
  const warning: Finding = {
    kind: 'tone',
    rule: 'tone.minimizing',
    severity: 'warn',
    start: 3,
    end: 7,
    text: 'just',
    messageKey: 'check.tone.minimizing',
    params: { word: 'just' },
    suggestions: [],
    fix: null,
  };

  it('shows why the engine refused a reply, and sends it with one key, overriding only those warnings', async () => {
    const { box, engine } = await openFirst();
    engine.findings = [warning];
    engine.fail('reply.send', new RpcError('refused', 'The checks found something', [{ path: 'tone.minimizing', message: 'just' }]));
    fireEvent.change(box, { target: { value: 'It just works.' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });

    const finding = await screen.findByText('“just” can make the customer’s problem sound trivial');
    expect(finding.closest('[role="alert"]')).not.toBeNull();
    expect(box.value).toBe('It just works.');

    engine.fail('reply.send', null);
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(engine.callsTo('reply.send')).toHaveLength(2));
    expect(engine.callsTo('reply.send')[1]).toMatchObject({ body: 'It just works.', overrides: ['tone.minimizing'] });
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('offers no way around a block: the text has to change', async () => {
    const { box, engine } = await openFirst();
    engine.findings = [{ ...warning, kind: 'personal_data', rule: 'personal_data.phone', severity: 'block', messageKey: 'check.personal.phone', params: {}, fix: 'reply_privately' }];
    engine.fail('reply.send', new RpcError('refused', 'The checks found something', [{ path: 'personal_data.phone', message: '555 123 4567' }]));
    fireEvent.change(box, { target: { value: 'Call 555 123 4567' } });
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true });

    const finding = await screen.findByText('A phone number in a public reply');
    const alert = finding.closest<HTMLElement>('[role="alert"]')!;
    expect(within(alert).getByText('Change the text to send it.')).toBeTruthy();
    expect(within(alert).queryByRole('button')).toBeNull();
    fireEvent.keyDown(box, { code: 'Enter', key: 'Enter', ctrlKey: true, shiftKey: true });
    expect(engine.callsTo('reply.send')).toHaveLength(1);
  });
});
