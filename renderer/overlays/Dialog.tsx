import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ActionId } from '../../shared/keymap';
import { keyAction } from '../keyboard/keymap';
import { hideOverlay } from './overlayStore';

interface DialogProps {
  label: string;
  className: string;
  /** The action whose key also closes the dialog: `?` closes help, Mod+K the palette. */
  closedBy?: ActionId;
  /** Instead of closing at once on Esc or a click outside: a screen with unsaved text asks first. */
  onClose?: () => void;
  children: ReactNode;
}

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round inside the dialog: behind it is inert for the agent. */
function keepFocusInside(dialog: HTMLElement, event: KeyboardEvent): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.hasAttribute('disabled'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) return event.preventDefault();
  const leaving = event.shiftKey ? document.activeElement === first || document.activeElement === dialog : document.activeElement === last;
  if (!leaving) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * The frame every overlay shares: a modal dialog that takes focus, closes on
 * Esc (unless something inside used the key) and on a click outside, and keeps
 * its keys to itself, so the workspace's shortcuts do not fire underneath.
 * Focus goes back where it was through hideOverlay.
 */
export function Dialog({ label, className, closedBy, onClose = hideOverlay, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A field inside may have taken focus already (autoFocus); otherwise the dialog holds it, so its keys work.
    if (ref.current && !ref.current.contains(document.activeElement)) ref.current.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.defaultPrevented) return;
    if (event.key === 'Tab') return keepFocusInside(event.currentTarget, event);
    if (event.key === 'Escape' || (closedBy !== undefined && keyAction(event.nativeEvent, 'global') === closedBy)) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <div className="overlay-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} className={`overlay ${className}`} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}
