import type { MenuItemConstructorOptions } from 'electron';
import { actionNameKey, formatChord, type ActionId, type Binding, type Chord, type KeyboardPlatform, type Stroke } from '../../shared/keymap';
import { electronKeyName, strokeAccelerator } from '../../shared/accelerator';
import type { Translator } from '../../shared/i18n';
import type { UpdateState } from './update/update-flow';

/** What the menu's items do; main.ts wires them to the window, the clipboard and the update flow. */
export interface MenuCommands {
  /** Plays the action's keys into the page, so the menu and the keyboard run the very same code. */
  runAction(action: ActionId, chord: Chord): void;
  copyDiagnostics(): void;
  openLogFolder(): void;
  checkForUpdates(): void;
  installUpdate(): void;
  quit(): void;
}

export interface AppMenuInput {
  t: Translator;
  /** The resolved keymap: a remapped key shows, and runs, as remapped. */
  bindings: readonly Binding[];
  platform: KeyboardPlatform;
  update: UpdateState;
  /** The notification switches (notification-menu.ts), under File. */
  notifications: MenuItemConstructorOptions;
  commands: MenuCommands;
}

/** The main actions, grouped as the menu shows them; every one of them has a key (shared/keymap). */
const SECTIONS: ReadonlyArray<readonly ['desktop.menu.go' | 'desktop.menu.conversation' | 'desktop.menu.view', readonly ActionId[]]> = [
  ['desktop.menu.go', ['goto.needsReply', 'goto.mine', 'goto.pending', 'goto.snoozed', 'goto.closed', 'goto.all', 'next', 'previous', 'open', 'back']],
  ['desktop.menu.conversation', ['reply', 'replyPrivately', 'close', 'reopen', 'snooze', 'tag', 'assign', 'undo']],
  ['desktop.menu.view', ['search', 'commandPalette', 'help']],
];

/**
 * The application menu as data. Action keys are shown but not registered with
 * the OS (`registerAccelerator: false`): the page's own keymap handles them,
 * with its scopes and text-field rules, and a key sequence like `g i` could
 * not be an OS accelerator anyway — it is shown in the label instead.
 */
export function buildAppMenu(input: AppMenuInput): MenuItemConstructorOptions[] {
  const { t, commands } = input;
  const actionItem = (action: ActionId): MenuItemConstructorOptions | null => {
    const chord = input.bindings.find((binding) => binding.action === action)?.chord;
    if (!chord) return null; // the user removed its keys; the command palette still has it
    const accelerator = chord.length === 1 ? strokeAccelerator(chord[0]) : null;
    const label = t(actionNameKey(action));
    return {
      id: `action.${action}`,
      label: accelerator ? label : `${label} (${formatChord(chord, input.platform)})`,
      ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
      click: () => commands.runAction(action, chord),
    };
  };
  const section = (name: (typeof SECTIONS)[number][0], actions: readonly ActionId[]): MenuItemConstructorOptions => ({
    label: t(name),
    submenu: actions.map(actionItem).filter((item): item is MenuItemConstructorOptions => item !== null),
  });

  return [
    { label: t('desktop.menu.file'), submenu: [input.notifications, { type: 'separator' }, { id: 'quit', label: t('desktop.menu.quit'), accelerator: 'CommandOrControl+Q', click: commands.quit }] },
    // Roles keep copy and paste working in text fields (on macOS they only work through the menu).
    { label: t('desktop.menu.edit'), submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    ...SECTIONS.map(([name, actions]) => section(name, actions)),
    {
      label: t('desktop.menu.help'),
      submenu: [
        { id: 'copyDiagnostics', label: t('desktop.menu.copyDiagnostics'), click: commands.copyDiagnostics },
        { id: 'openLogs', label: t('desktop.menu.openLogs'), click: commands.openLogFolder },
        { type: 'separator' },
        updateItem(input.update, t, commands),
      ],
    },
  ];
}

function updateItem(state: UpdateState, t: Translator, commands: MenuCommands): MenuItemConstructorOptions {
  switch (state.phase) {
    case 'checking':
      return { id: 'update', label: t('desktop.menu.updateChecking'), enabled: false };
    case 'available':
    case 'downloading':
      return { id: 'update', label: t('desktop.menu.updateDownloading', { version: state.version, percent: state.phase === 'downloading' ? Math.floor(state.percent) : 0 }), enabled: false };
    case 'downloaded':
    case 'installing':
      return { id: 'update', label: t('desktop.menu.restartToUpdate', { version: state.version }), enabled: state.phase === 'downloaded', click: commands.installUpdate };
    case 'idle':
    case 'error':
      return { id: 'update', label: t('desktop.menu.checkForUpdates'), click: commands.checkForUpdates };
  }
}

/**
 * The input events that press a stroke in the page (what webContents.sendInputEvent takes). The
 * keymap acts on keydown, by physical key, so no `char` event is needed: nothing is typed.
 */
export function strokeInputEvents(stroke: Stroke, platform: KeyboardPlatform): Array<{ type: 'keyDown' | 'keyUp'; keyCode: string; modifiers: Array<'control' | 'meta' | 'alt' | 'shift'> }> {
  const key = electronKeyName(stroke.code);
  if (!key) return [];
  const held = { control: stroke.ctrl || (stroke.mod && platform === 'other'), meta: stroke.meta || (stroke.mod && platform === 'mac'), alt: stroke.alt, shift: stroke.shift };
  const modifiers = (['control', 'meta', 'alt', 'shift'] as const).filter((modifier) => held[modifier]);
  return (['keyDown', 'keyUp'] as const).map((type) => ({ type, keyCode: key, modifiers }));
}
