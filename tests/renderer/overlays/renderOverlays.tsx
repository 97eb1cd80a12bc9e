import { render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider';
import { Overlays } from '../../../renderer/overlays/Overlays';
import { createAccountsStore } from '../../../renderer/accounts/accountsStore';
import { createSettingsStore } from '../../../renderer/i18n/settingsStore';
import { createSearchStore } from '../../../renderer/overlays/search/searchStore';
import type { Session } from '../../../renderer/session/createSession';
import { SessionProvider } from '../../../renderer/session/SessionContext';
import { createDesktopSettingsStore } from '../../../renderer/settings/desktopSettingsStore';
import { createOverlayEngine, type OverlayEngine } from './overlayEngine';

/**
 * The overlays over the overlay engine, with a button standing for the
 * workspace element that had focus before an overlay opened.
 */
export function renderOverlays(engine: OverlayEngine = createOverlayEngine()) {
  // The overlays read settings and search from the session, and Settings' Desktop section the desktop settings and the
  // accounts (refused by this engine, so it shows its browser-host line); the queue and the open conversation stay out of these tests.
  const session = {
    settings: createSettingsStore(engine.client),
    search: createSearchStore(engine.client),
    desktop: createDesktopSettingsStore(engine.client),
    accounts: createAccountsStore(engine.client),
  } as Pick<Session, 'settings' | 'search' | 'desktop' | 'accounts'> as Session;
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
