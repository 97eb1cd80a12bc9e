import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import {
  DEFAULT_KEYMAP,
  SEQUENCE_TIMEOUT_MS,
  describeKeymap,
  formatChord,
  parseChord,
  resolveKeymap,
  type ActionId,
  type Conflict,
  type KeymapOverrides,
} from '../../shared/keymap';
import { useI18n } from '../i18n/I18nProvider';
import { keyboardPlatform, keymap } from '../keyboard/keymap';
import { KeyList } from '../overlays/KeyList';
import { errorReason } from '../rpc/errorReason';
import { useSession } from '../session/SessionContext';
import { conflictText } from './conflictText';
import { recordStroke } from './recordStroke';

/** As many strokes as a chord may have (parseChord's limit): the fourth ends the recording at once. */
const MAX_STROKES = 4;

type Notice = { role: 'alert' | 'status'; text: string } | null;

interface Recording {
  action: ActionId;
  strokes: readonly string[];
}

const involves = (conflict: Conflict, action: ActionId) => ('actions' in conflict ? conflict.actions.includes(action) : conflict.action === action);

const formatted = (strokes: readonly string[]) => {
  const parsed = parseChord(strokes.join(' '));
  return parsed.ok ? formatChord(parsed.chord, keyboardPlatform) : '';
};

/**
 * The keymap as a table: the Change button of a row records new keys (a
 * chord, or a sequence such as `g x` typed within the sequence timeout),
 * Backspace puts the default back, Esc cancels; ↑/↓ move between rows. A
 * remapping that would make a key ambiguous is refused here, naming both
 * actions, before it reaches the engine (which refuses it too).
 */
export function KeymapEditor() {
  const { t } = useI18n();
  const { settings } = useSession();
  const overrides = useStore(settings.state, (state) => state.keymap);
  const bindings = useStore(keymap, (state) => state.bindings);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const name = (action: ActionId) => t(`action.${action}`);

  const persist = (next: KeymapOverrides, saved: string) => {
    settings.saveKeymap(next).then(
      () => setNotice({ role: 'status', text: saved }),
      // The engine checks again and may still refuse (another window changed the keys meanwhile).
      (error: unknown) => setNotice({ role: 'alert', text: t('keymap.refused', { reason: errorReason(error, t) }) }),
    );
  };

  const save = (action: ActionId, change: (current: KeymapOverrides) => KeymapOverrides) => {
    // Read now, not at render: a recording finishes on a timer.
    const next = change(settings.state.getState().keymap);
    const resolved = resolveKeymap(DEFAULT_KEYMAP, next);
    if ('conflicts' in resolved) {
      const conflict = resolved.conflicts.find((candidate) => involves(candidate, action)) ?? resolved.conflicts[0]!;
      return setNotice({ role: 'alert', text: conflictText(conflict, action, t, keyboardPlatform) });
    }
    const keys = resolved.bindings.filter((binding) => binding.action === action).map((binding) => formatChord(binding.chord, keyboardPlatform));
    persist(next, t('keymap.saved', { action: name(action), keys: keys.join(', ') || t('keymap.none') }));
  };

  const restoreDefault = (action: ActionId) => save(action, ({ [action]: _dropped, ...rest }) => rest);

  const stop = () => {
    clearTimeout(timer.current);
    setRecording(null);
  };

  const finish = (action: ActionId, strokes: readonly string[]) => {
    stop();
    save(action, (current) => ({ ...current, [action]: strokes.join(' ') }));
  };

  const start = (action: ActionId) => {
    if (recording?.action === action) return;
    stop();
    setRecording({ action, strokes: [] });
    setNotice({ role: 'status', text: t('keymap.recording', { action: name(action) }) });
  };

  const moveBetweenRows = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const buttons = [...(event.currentTarget.closest('table')?.querySelectorAll<HTMLButtonElement>('button[data-record]') ?? [])];
    buttons[buttons.indexOf(event.currentTarget) + step]?.focus();
  };

  const onKeyDown = (action: ActionId, event: KeyboardEvent<HTMLButtonElement>) => {
    if (recording?.action !== action) return moveBetweenRows(event);
    // Tab leaves: recording must never trap focus.
    if (event.key === 'Tab') return stop();
    // Every other key belongs to the recording, Esc included (the dialog stays open).
    event.preventDefault();
    if (event.key === 'Escape') {
      stop();
      return setNotice(null);
    }
    if (event.key === 'Backspace' && recording.strokes.length === 0) {
      stop();
      return restoreDefault(action);
    }
    // A key held down repeats; it is still one stroke.
    const stroke = event.repeat ? null : recordStroke(event.nativeEvent, keyboardPlatform);
    if (stroke === null) return;
    const strokes = [...recording.strokes, stroke];
    if (strokes.length === MAX_STROKES) return finish(action, strokes);
    clearTimeout(timer.current);
    setRecording({ action, strokes });
    // The next key may continue a sequence (`g` then `x`); if none comes in time, the chord is done.
    timer.current = setTimeout(() => finish(action, strokes), SEQUENCE_TIMEOUT_MS);
  };

  return (
    <div className="keymap-editor">
      <table className="keymap-table">
        <thead>
          <tr>
            <th scope="col">{t('help.action')}</th>
            <th scope="col">{t('help.keys')}</th>
            <th scope="col" className="visually-hidden">
              {t('keymap.change')}
            </th>
          </tr>
        </thead>
        {describeKeymap(bindings, keyboardPlatform).map((group) => (
          <tbody key={group.scope}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="keymap-scope">
                {t(group.nameKey)}
              </th>
            </tr>
            {group.entries.map((entry) => {
              const recordingThis = recording?.action === entry.action;
              const changed = Object.hasOwn(overrides, entry.action);
              return (
                <tr key={entry.action} data-recording={recordingThis || undefined}>
                  <th scope="row">{t(entry.nameKey)}</th>
                  <td>
                    {recordingThis ? (
                      <span className="keymap-recording">{formatted(recording.strokes) || t('keymap.recordingKeys')}</span>
                    ) : (
                      <KeyList keys={entry.chords} empty={t('keymap.none')} />
                    )}
                    {changed && !recordingThis && <span className="keymap-changed">{t('keymap.changed')}</span>}
                  </td>
                  <td className="keymap-buttons">
                    <button
                      type="button"
                      data-record
                      aria-label={t('keymap.record', { action: t(entry.nameKey) })}
                      aria-pressed={recordingThis}
                      onClick={() => start(entry.action)}
                      onKeyDown={(event) => onKeyDown(entry.action, event)}
                      onBlur={() => recordingThis && stop()}
                    >
                      {t('keymap.change')}
                    </button>
                    {changed && (
                      <button
                        type="button"
                        aria-label={t('keymap.reset', { action: t(entry.nameKey) })}
                        onClick={(event) => {
                          // This button goes once the default is back: focus stays in the row rather than falling to the page.
                          event.currentTarget.parentElement?.querySelector<HTMLButtonElement>('button[data-record]')?.focus();
                          restoreDefault(entry.action);
                        }}
                      >
                        {t('keymap.default')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
      {/* Two regions, each always of one kind: a live region that changes its role is not reliably announced. */}
      <div className="keymap-notices">
        <p role="status" className="overlay-notice">
          {notice?.role === 'status' ? notice.text : ''}
        </p>
        {notice?.role === 'alert' && (
          <p role="alert" className="overlay-error">
            {notice.text}
          </p>
        )}
      </div>
      <button type="button" onClick={() => persist({}, t('keymap.resetAllDone'))}>
        {t('keymap.resetAll')}
      </button>
    </div>
  );
}
