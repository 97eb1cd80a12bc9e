import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine, XSS_BODY } from './fakeEngine';
import { renderApp } from './harness';

afterEach(cleanup);

describe('the diagnostics view', () => {
  it('opens with g d and shows each stream’s sync and the quarantined payloads as text', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    const now = Date.now();
    engine.streams = [
      { accountId: 'acc1', accountName: 'Test brand', platform: 'sandbox', stream: 'updates', positioned: true, failures: 0, backoffUntil: null, lastSuccessAt: now - 60_000, lastError: null },
      { accountId: 'acc2', accountName: 'Northwind Bot', platform: 'telegram', stream: 'updates', positioned: true, failures: 3, backoffUntil: now + 120_000, lastSuccessAt: null, lastError: 'Telegram asked to wait' },
    ];
    engine.quarantined = [
      { id: 7, accountName: 'Northwind Bot', platform: 'telegram', stream: 'updates', error: 'message.date: expected number', payload: XSS_BODY, payloadLength: 5_000, receivedAt: now - 5_000 },
    ];
    const { list } = await renderApp({ engine });
    fireEvent.keyDown(list, { code: 'KeyG', key: 'g' });
    fireEvent.keyDown(list, { code: 'KeyD', key: 'd' });

    const dialog = await screen.findByRole('dialog', { name: 'Diagnostics' });
    const rows = await within(dialog).findAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'AccountStreamStateLast good readLast problem',
      expect.stringMatching(/^Test brand · Sandboxupdatesup to date.*ago—$/),
      expect.stringMatching(/^Northwind Bot · Telegramupdateswaiting until .*neverTelegram asked to wait$/),
    ]);
    expect(within(dialog).getByRole('heading', { name: '1 payload that could not be read' })).toBeTruthy();
    expect(within(dialog).getByText('message.date: expected number')).toBeTruthy();
    // The payload is shown as the characters it is, never as markup.
    expect(within(dialog).getByText(XSS_BODY).tagName).toBe('PRE');
    expect(dialog.querySelector('img')).toBeNull();
    expect(within(dialog).getByText(`The first ${XSS_BODY.length} of 5,000 characters.`)).toBeTruthy();
    expect(engine.callsTo('diagnostics.get')).toEqual([{ limit: 50 }]);

    fireEvent.keyDown(dialog, { code: 'Escape', key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Diagnostics' })).toBeNull();
  });
});
