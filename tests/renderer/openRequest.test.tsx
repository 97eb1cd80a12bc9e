import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeEngine } from './fakeEngine';
import { activeOption, renderApp } from './harness';

afterEach(cleanup);

describe('a conversation the desktop shell asks to show', () => {
  it('opens under the cursor, like a clicked search result', async () => {
    const { list, engine } = await renderApp({ engine: createFakeEngine({ conversations: 5 }) });
    act(() => engine.emit('app.openConversation', { conversationId: 'c3' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Customer 3' })).toBeTruthy();
    expect(activeOption(list).getAttribute('aria-label')).toMatch(/^Customer 3,/);
    expect(document.activeElement).toBe(list);
  });

  it('opens one outside the current view too', async () => {
    const engine = createFakeEngine({ conversations: 5 });
    engine.conversations[4]!.status = 'closed';
    await renderApp({ engine });
    act(() => engine.emit('app.openConversation', { conversationId: 'c4' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Customer 4' })).toBeTruthy();
  });
});
