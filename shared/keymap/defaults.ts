import type { ActionId } from './actions';

/**
 * The keys Switchboard ships with, in the same form as a user's overrides.
 * Letters are physical keys (`j` is KeyJ), so they stay put under a Russian or
 * Polish layout; `Mod` is Ctrl, or ⌘ on a Mac. Every action has at least one
 * key: the type makes a new action without one an error.
 */
export const DEFAULT_KEYMAP = {
  next: ['j', 'ArrowDown'],
  previous: ['k', 'ArrowUp'],
  pageDown: ['PageDown'],
  pageUp: ['PageUp'],
  first: ['Home'],
  last: ['End'],
  open: ['Enter', 'NumpadEnter'],
  select: ['x'],
  selectRange: ['Shift+X'],
  reply: ['r'],
  replyPrivately: ['Shift+R'],
  close: ['e'],
  reopen: ['Shift+E'],
  snooze: ['s'],
  tag: ['l'],
  assign: ['a'],
  toggleHidden: ['Shift+H'],
  'snooze.oneHour': ['1', 'h'],
  'snooze.fourHours': ['4'],
  'snooze.tomorrow': ['t'],
  'snooze.nextWeek': ['w'],
  'snooze.pick': ['p'],
  send: ['Mod+Enter', 'Mod+NumpadEnter'],
  sendAnyway: ['Mod+Shift+Enter'],
  cannedPicker: ['Mod+/'],
  fixFinding: ['Mod+.'],
  togglePrivate: ['Mod+Shift+P'],
  checkLanguage: ['Mod+Shift+L'],
  insertHandoff: ['Mod+Shift+H'],
  back: ['Escape'],
  search: ['/'],
  'goto.needsReply': ['g i'],
  'goto.mine': ['g m'],
  'goto.pending': ['g p'],
  'goto.snoozed': ['g s'],
  'goto.closed': ['g c'],
  'goto.all': ['g a'],
  cannedLibrary: ['g r'],
  commandPalette: ['Mod+K'],
  help: ['?'],
  undo: ['Mod+Z'],
  accounts: ['Mod+Shift+A'],
  diagnostics: ['g d'],
} as const satisfies Record<ActionId, readonly [string, ...string[]]>;
