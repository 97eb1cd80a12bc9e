import { globalShortcutProblem, strokeAccelerator } from '../../shared/accelerator';
import { parseChord, type KeyboardPlatform } from '../../shared/keymap';
import { recordStroke } from './recordStroke';

export type RecordedShortcut =
  /** A modifier alone, or a key the keymap cannot name: recording goes on. */
  | { kind: 'waiting' }
  /** A key Electron has no accelerator name for (the numpad's Enter, …). */
  | { kind: 'unnamed' }
  /** A plain key or Shift+key: as a global shortcut it would take that key from every other application. */
  | { kind: 'needsModifier'; accelerator: string }
  | { kind: 'shortcut'; accelerator: string };

/**
 * A key press as the global shortcut it would be, as an Electron accelerator
 * (`CommandOrControl+Shift+Space`). The press is read as the keymap reads it
 * (recordStroke: physical keys, Mod for the platform's command key), so the
 * same key gives the same shortcut on a Mac and elsewhere.
 */
export function recordShortcut(event: Parameters<typeof recordStroke>[0], platform: KeyboardPlatform): RecordedShortcut {
  const stroke = recordStroke(event, platform);
  const parsed = stroke === null ? null : parseChord(stroke);
  if (!parsed?.ok) return { kind: 'waiting' };
  const accelerator = strokeAccelerator(parsed.chord[0]);
  if (accelerator === null) return { kind: 'unnamed' };
  return globalShortcutProblem(accelerator) === null ? { kind: 'shortcut', accelerator } : { kind: 'needsModifier', accelerator };
}
