import type { ActionId } from '../../shared/keymap';

/** What the workspace asks of the open reply box: run a composer action picked in the command palette; false when it does not apply. */
export interface ComposerHandle {
  run(action: ActionId): boolean;
}
