/**
 * Everything the agent can do from the keyboard. The ids are stable: they are
 * what a user's remapping is saved against.
 */

export const SCOPES = ['list', 'conversation', 'composer', 'snoozeMenu', 'global'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ActionDef {
  /** Where the action's keys work; see ACTIVE_SCOPES. */
  readonly scope: Scope;
  /** Its keys work while typing in a text field, so they must never be keys that type (see reserved.ts). */
  readonly inTextField?: true;
  /** Holding the key down repeats it: only for moving through the list. */
  readonly repeats?: true;
}

export const ACTIONS = {
  next: { scope: 'list', repeats: true },
  previous: { scope: 'list', repeats: true },
  pageDown: { scope: 'list', repeats: true },
  pageUp: { scope: 'list', repeats: true },
  first: { scope: 'list', repeats: true },
  last: { scope: 'list', repeats: true },
  open: { scope: 'list' },
  select: { scope: 'list' },
  selectRange: { scope: 'list' },
  reply: { scope: 'conversation' },
  replyPrivately: { scope: 'conversation' },
  close: { scope: 'conversation' },
  reopen: { scope: 'conversation' },
  snooze: { scope: 'conversation' },
  tag: { scope: 'conversation' },
  assign: { scope: 'conversation' },
  toggleHidden: { scope: 'conversation' },
  'snooze.oneHour': { scope: 'snoozeMenu' },
  'snooze.fourHours': { scope: 'snoozeMenu' },
  'snooze.tomorrow': { scope: 'snoozeMenu' },
  'snooze.nextWeek': { scope: 'snoozeMenu' },
  'snooze.pick': { scope: 'snoozeMenu' },
  send: { scope: 'composer', inTextField: true },
  sendAnyway: { scope: 'composer', inTextField: true },
  cannedPicker: { scope: 'composer', inTextField: true },
  fixFinding: { scope: 'composer', inTextField: true },
  togglePrivate: { scope: 'composer', inTextField: true },
  checkLanguage: { scope: 'composer', inTextField: true },
  insertHandoff: { scope: 'composer', inTextField: true },
  back: { scope: 'global', inTextField: true },
  search: { scope: 'global' },
  'goto.needsReply': { scope: 'global' },
  'goto.mine': { scope: 'global' },
  'goto.pending': { scope: 'global' },
  'goto.snoozed': { scope: 'global' },
  'goto.closed': { scope: 'global' },
  'goto.all': { scope: 'global' },
  cannedLibrary: { scope: 'global' },
  commandPalette: { scope: 'global', inTextField: true },
  help: { scope: 'global' },
  undo: { scope: 'global' },
  accounts: { scope: 'global' },
  diagnostics: { scope: 'global' },
} as const satisfies Record<string, ActionDef>;

export type ActionId = keyof typeof ACTIONS;

export const ACTION_IDS = Object.keys(ACTIONS) as [ActionId, ...ActionId[]];

export const actionDef = (id: ActionId): ActionDef => ACTIONS[id];

/** The catalog key of the action's name, for the help overlay and the command palette. */
export const actionNameKey = (id: ActionId) => `action.${id}` as const;

/** The catalog key of a scope's heading in the help overlay. */
export const scopeNameKey = (scope: Scope) => `keymap.scope.${scope}` as const;

/**
 * Which actions' keys work where the agent is. In the list, `r` or `e` act on
 * the selected conversation; in the reply box the conversation's keys stay on,
 * though the text-field rule keeps `r` typing an r; the snooze menu is modal,
 * so only its own keys and the global ones work there.
 */
export const ACTIVE_SCOPES: Readonly<Record<Scope, readonly Scope[]>> = {
  list: ['list', 'conversation', 'global'],
  conversation: ['conversation', 'global'],
  composer: ['composer', 'conversation', 'global'],
  snoozeMenu: ['snoozeMenu', 'global'],
  global: ['global'],
};

/** Two scopes overlap when some place has both active: the same key cannot mean two things there. */
export const scopesOverlap = (a: Scope, b: Scope): boolean => SCOPES.some((where) => ACTIVE_SCOPES[where].includes(a) && ACTIVE_SCOPES[where].includes(b));
