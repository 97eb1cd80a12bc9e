import type { View } from '../shared/domain';
import type { ActionId } from '../shared/keymap';
import type { SnoozePreset } from './triage/snoozeTimes';

/** `g i`, `g m`, …: the view each goto action opens. */
export const GOTO_VIEW: Partial<Record<ActionId, View>> = {
  'goto.needsReply': 'needs_reply',
  'goto.mine': 'mine',
  'goto.pending': 'pending',
  'goto.snoozed': 'snoozed',
  'goto.closed': 'closed',
  'goto.all': 'all',
};

/** The snooze menu's one-key choices; run from the palette they snooze at once, as their key does in the menu. */
export const SNOOZE_PRESET: Partial<Record<ActionId, SnoozePreset>> = {
  'snooze.oneHour': 'oneHour',
  'snooze.fourHours': 'fourHours',
  'snooze.tomorrow': 'tomorrow',
  'snooze.nextWeek': 'nextWeek',
};
