import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc';
import { createFakeEngine } from './fakeEngine';
import { renderApp } from './harness';

afterEach(cleanup);

/** Shadows jsdom's navigator.languages (on the prototype) until the returned undo. */
function preferLanguages(languages: string[]): () => void {
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  return () => delete (navigator as { languages?: unknown }).languages;
}

describe('language', () => {
  it('switches the UI to Russian, then Polish, and saves the choice', async () => {
    const { list, engine } = await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ru' } });

    expect(screen.getByRole('listbox', { name: 'Диалоги' })).toBe(list);
    expect(screen.getByRole('heading', { name: 'Ждут ответа' })).toBeTruthy();
    expect(within(list).getByRole('option', { name: /^Anna Kowalska, отзыв, 2 звезды, негативный тон, просрочено на 5 мин, 5 минут назад: / })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('В сети');
    expect(document.documentElement.lang).toBe('ru');
    await waitFor(() => expect(engine.callsTo('settings.update')).toEqual([{ language: 'ru' }]));

    fireEvent.change(screen.getByRole('combobox', { name: 'Язык' }), { target: { value: 'pl' } });
    expect(screen.getByRole('listbox', { name: 'Rozmowy' })).toBe(list);
    expect(screen.getByText('5000 rozmów')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Język' })).toBeTruthy();
    await waitFor(() => expect(engine.callsTo('settings.update')).toEqual([{ language: 'ru' }, { language: 'pl' }]));

    fireEvent.change(screen.getByRole('combobox', { name: 'Język' }), { target: { value: 'system' } });
    expect(screen.getByRole('listbox', { name: 'Conversations' })).toBe(list);
    await waitFor(() => expect(engine.callsTo('settings.update')).toHaveLength(3));
    expect(engine.callsTo('settings.update')[2]).toEqual({ language: null });
  });

  it('starts in the language saved in settings', async () => {
    const engine = createFakeEngine();
    engine.language = 'pl';
    await renderApp({ engine, listName: 'Rozmowy' });
    expect(screen.getByRole('heading', { name: 'Czeka na odpowiedź' })).toBeTruthy();
  });

  it('follows the system language when none is chosen', async () => {
    const restore = preferLanguages(['de-DE', 'ru-RU']);
    try {
      await renderApp({ listName: 'Диалоги' });
      const select = screen.getByRole('combobox', { name: 'Язык' }) as HTMLSelectElement;
      expect(select.value).toBe('system');
      expect(select.selectedOptions[0]!.textContent).toBe('Системный (Русский)');
    } finally {
      restore();
    }
  });

  it('goes back to the previous language when the engine refuses to save', async () => {
    const { engine } = await renderApp();
    engine.fail('settings.update', new RpcError('internal', 'disk full'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ru' } });
    expect(screen.getByRole('listbox', { name: 'Диалоги' })).toBeTruthy();
    expect(await screen.findByRole('listbox', { name: 'Conversations' })).toBeTruthy();
  });
});
