import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../overlays/Dialog';
import './canned.css';

/** The frame each pane of the canned library draws itself in; a pane with unsaved text closes through `onClose`, which asks first. */
export function LibraryFrame({ heading, onClose, children }: { heading: string; onClose?: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Dialog label={t('canned.library')} className="canned-library" onClose={onClose}>
      <h2 className="overlay-title">{heading}</h2>
      {children}
    </Dialog>
  );
}
