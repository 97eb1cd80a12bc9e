import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { ActionId } from '../../shared/keymap';
import { useI18n } from '../i18n/I18nProvider';
import { actionKeyLabel, keyAction, keymap } from '../keyboard/keymap';
import { fromLocalInput, snoozeFromNow, toLocalInput, type SnoozePreset } from './snoozeTimes';

const PRESETS: readonly (readonly [ActionId & `snooze.${string}`, SnoozePreset])[] = [
  ['snooze.oneHour', 'oneHour'],
  ['snooze.fourHours', 'fourHours'],
  ['snooze.tomorrow', 'tomorrow'],
  ['snooze.nextWeek', 'nextWeek'],
];


/**
 * `s`: one key picks when — 1 (or h) an hour, 4 four hours, t tomorrow 9:00,
 * w next Monday 9:00, p a date and time of the agent's choosing (Enter
 * confirms). Esc cancels. ↑/↓ and Enter work too, as in any menu.
 */
export function SnoozeMenu({ startPicking, onSnooze, onClose }: { startPicking: boolean; onSnooze(until: number): void; onClose(): void }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(startPicking);
  const bindings = useStore(keymap, (state) => state.bindings);
  const keyOf = (id: ActionId) => actionKeyLabel(id, bindings);
  const [value, setValue] = useState(() => toLocalInput(snoozeFromNow('tomorrow')));
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!picking) items.current[0]?.focus();
  }, [picking]);

  const preset = (which: SnoozePreset) => onSnooze(snoozeFromNow(which));

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    const action = keyAction(event.nativeEvent, 'snoozeMenu');
    const chosen = PRESETS.find(([id]) => id === action);
    if (chosen) {
      event.preventDefault();
      return preset(chosen[1]);
    }
    if (action === 'snooze.pick') {
      event.preventDefault();
      return setPicking(true);
    }
    // Tab leaves a menu, as in any menu; here that means closing it.
    if (action === 'back' || event.key === 'Tab') {
      event.preventDefault();
      return onClose();
    }
    const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (move === 0) return;
    event.preventDefault();
    const all = items.current.filter((item) => item !== null);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    all[(at + move + all.length) % all.length]?.focus();
  };

  const onPickKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (keyAction(event.nativeEvent, 'snoozeMenu') === 'back' || event.key === 'Tab') {
      event.preventDefault();
      return onClose();
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const until = fromLocalInput(value);
    if (until !== null && until > Date.now()) onSnooze(until);
  };

  if (picking) {
    return (
      <div className="snooze-pick" role="dialog" aria-modal="true" aria-label={t('snooze.label')}>
        <label>
          {t('snooze.until')}{' '}
          <input type="datetime-local" autoFocus value={value} onChange={(event) => setValue(event.currentTarget.value)} onKeyDown={onPickKey} />
        </label>
        <p className="keys-hint">{t('snooze.pickHint')}</p>
      </div>
    );
  }

  return (
    <div className="snooze-menu" role="menu" aria-label={t('snooze.label')} onKeyDown={onMenuKey}>
      {[...PRESETS.map(([id, which]) => [id, () => preset(which)] as const), ['snooze.pick', () => setPicking(true)] as const].map(([id, choose], index) => (
        <button
          key={id}
          ref={(element) => {
            items.current[index] = element;
          }}
          type="button"
          role="menuitem"
          tabIndex={index === 0 ? 0 : -1}
          onClick={choose}
        >
          <span>{t(id)}</span>
          <kbd aria-hidden="true">{keyOf(id)}</kbd>
        </button>
      ))}
    </div>
  );
}
