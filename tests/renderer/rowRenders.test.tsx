import { cleanup, fireEvent } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { optionLabel } from '../../renderer/inbox/optionLabel';
import { createFakeEngine } from './fakeEngine';
import { activeOption, options, renderApp } from './harness';

// Every rendered row computes its label once per render: counting the calls counts the rows rendered.
vi.mock('../../renderer/inbox/optionLabel', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../renderer/inbox/optionLabel')>();
  return { optionLabel: vi.fn(original.optionLabel) };
});

afterEach(cleanup);

describe('moving the cursor', () => {
  it('re-renders only the rows whose cursor state changed, not the window', async () => {
    const { list } = await renderApp({ engine: createFakeEngine({ conversations: 100_000 }) });
    expect(options(list).length).toBeGreaterThan(10);
    const labels = vi.mocked(optionLabel);
    labels.mockClear();
    fireEvent.keyDown(list, { code: 'KeyJ', key: 'j' });
    expect(activeOption(list).getAttribute('aria-posinset')).toBe('2');
    expect(labels.mock.calls.length).toBe(2);
    labels.mockClear();
    fireEvent.keyDown(list, { code: 'KeyX', key: 'x' });
    expect(labels.mock.calls.length).toBe(1);
  });
});
