import { createStore } from 'zustand/vanilla';
import {
  DEFAULT_KEYMAP,
  createMatcher,
  formatChord,
  resolveKeymap,
  type ActionId,
  type Binding,
  type KeyboardPlatform,
  type KeymapOverrides,
  type Match,
  type Matcher,
  type Scope,
} from '../../shared/keymap';

/**
 * The one keymap (shared/keymap), applied to DOM key events. Keys match on
 * `KeyboardEvent.code`, so `j` is the same key with a Russian or Polish layout.
 * The bindings are the defaults with the user's overrides laid over them; they
 * change the moment settings do, so what the help overlay shows is what the keys do.
 */

const defaults = resolveKeymap(DEFAULT_KEYMAP, {});
if (!('bindings' in defaults)) throw new Error(`default keymap conflicts: ${JSON.stringify(defaults.conflicts)}`);

export interface KeymapState {
  bindings: readonly Binding[];
}

export const keymap = createStore<KeymapState>(() => ({ bindings: defaults.bindings }));

export const keyboardPlatform: KeyboardPlatform = /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';

// Rebuilt with the bindings; a half-typed sequence is dropped with the old matcher, which is harmless.
let matcher: Matcher = createMatcher(defaults.bindings);
keymap.subscribe((state, previous) => {
  if (state.bindings !== previous.bindings) matcher = createMatcher(state.bindings);
});

/** An action's first key as the agent has it mapped ("Ctrl+/"), or '' when it has none: text that names a key follows a remap. */
export function actionKeyLabel(action: ActionId, bindings: readonly Binding[] = keymap.getState().bindings): string {
  const binding = bindings.find((candidate) => candidate.action === action);
  return binding ? formatChord(binding.chord, keyboardPlatform) : '';
}

/**
 * Puts the user's overrides in force. Settings the engine accepted never
 * conflict, but a conflicting set is refused here too and the old keys stay,
 * so no key ever means two things.
 */
export function applyOverrides(overrides: KeymapOverrides): void {
  const resolved = resolveKeymap(DEFAULT_KEYMAP, overrides);
  if ('bindings' in resolved) keymap.setState({ bindings: resolved.bindings });
}

// A key event bubbles through several handlers; the matcher (which remembers
// the first key of a sequence) must see each event once.
const seen = new WeakMap<Event, Match>();

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * What a key press means in `scope`: an action, 'pending' for the first key of
 * a sequence (`g` of `g i`, to be swallowed), or null.
 */
export function keyAction(event: KeyboardEvent, scope: Scope): ActionId | 'pending' | null {
  let match = seen.get(event);
  if (!match) {
    match = matcher.handle(event, { scope, inTextField: isTextField(event.target), platform: keyboardPlatform, now: event.timeStamp });
    seen.set(event, match);
  }
  return match.kind === 'action' ? match.action : match.kind === 'pending' ? 'pending' : null;
}
