import { ACTION_IDS, SCOPES, actionDef, actionNameKey, scopeNameKey, type ActionId, type Scope } from './actions';
import { formatChord, type KeyboardPlatform } from './chord';
import type { Binding } from './remap';

export interface KeymapEntry {
  readonly action: ActionId;
  readonly nameKey: ReturnType<typeof actionNameKey>;
  /** As shown to people on this platform; empty when the user unbound the action (the palette still lists it). */
  readonly chords: readonly string[];
}

export interface KeymapGroup {
  readonly scope: Scope;
  readonly nameKey: ReturnType<typeof scopeNameKey>;
  readonly entries: readonly KeymapEntry[];
}

/** Every action, grouped by scope, with its keys: the `?` overlay and the command palette are both drawn from this. */
export function describeKeymap(bindings: readonly Binding[], platform: KeyboardPlatform): readonly KeymapGroup[] {
  const entry = (action: ActionId): KeymapEntry => ({
    action,
    nameKey: actionNameKey(action),
    // Mod+Enter and Ctrl+Enter read the same off a Mac: show it once.
    chords: [...new Set(bindings.filter((binding) => binding.action === action).map((binding) => formatChord(binding.chord, platform)))],
  });
  return SCOPES.map((scope) => ({ scope, nameKey: scopeNameKey(scope), entries: ACTION_IDS.filter((action) => actionDef(action).scope === scope).map(entry) }));
}
