import { useStore } from 'zustand';
import type { ActionId } from '../../shared/keymap';
import { CannedLibrary } from '../canned/CannedLibrary';
import { AccountsDialog } from '../accounts/AccountsDialog';
import { DiagnosticsDialog } from '../diagnostics/DiagnosticsDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { useKeymapFromSettings } from '../settings/useKeymapFromSettings';
import { HelpOverlay } from './help/HelpOverlay';
import { overlays } from './overlayStore';
import { CommandPalette } from './palette/CommandPalette';
import { SearchPanel } from './search/SearchPanel';
import './overlays.css';

export interface OverlaysProps {
  onRunAction(id: ActionId): void;
  onOpenConversation(conversationId: string): void;
}

/**
 * Whichever overlay is open (palette, help, search, settings, the canned library, accounts, diagnostics), drawn over the
 * workspace. Mounted for the life of the window, it also keeps the keys in
 * force in step with the saved settings.
 */
export function Overlays({ onRunAction, onOpenConversation }: OverlaysProps) {
  useKeymapFromSettings();
  const open = useStore(overlays, (state) => state.open);
  switch (open) {
    case 'palette':
      return <CommandPalette onRunAction={onRunAction} />;
    case 'help':
      return <HelpOverlay />;
    case 'search':
      return <SearchPanel onOpenConversation={onOpenConversation} />;
    case 'settings':
      return <SettingsDialog />;
    case 'canned':
      return <CannedLibrary />;
    case 'accounts':
      return <AccountsDialog />;
    case 'diagnostics':
      return <DiagnosticsDialog />;
    case null:
      return null;
  }
}
