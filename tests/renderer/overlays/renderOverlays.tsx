import { render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import { Overlays } from '../../../renderer/overlays/Overlays';
import { createSettingsStore } from '../../../renderer/i18n/settingsStore';
import { createSearchStore } from '../../../renderer/overlays/search/searchStore';
import type { Session } from '../../../renderer/session/createSession';
import { SessionProvider } from '../../../renderer/session/SessionContext';
import { createOverlayEngine, type OverlayEngine } from './overlayEngine';

/**
 * The overlays over the overlay engine, with a button standing for the
 * workspace element that had focus before an overlay opened.
 */
export function renderOverlays(engine: OverlayEngine = createOverlayEngine()) {
  // The overlays read only settings and search from the session; the rest (the queue, the open conversation) stays out of these tests.
  const session = { settings: createSettingsStore(engine.client), search: createSearchStore(engine.client) } as Pick<Session, 'settings' | 'search'> as Session;
  const onRunAction = vi.fn();
  const onOpenConversation = vi.fn();
  const view = render(
    <SessionProvider session={session}>
      <I18nProvider>
        <button type="button">Workspace</button>
        <Overlays onRunAction={onRunAction} onOpenConversation={onOpenConversation} />
      </I18nProvider>
    </SessionProvider>,
  );
  const workspace = screen.getByRole('button', { name: 'Workspace' });
  workspace.focus();
  return { ...view, engine, session, onRunAction, onOpenConversation, workspace };
}
