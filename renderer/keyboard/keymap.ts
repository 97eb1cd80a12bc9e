import { DEFAULT_KEYMAP, createMatcher, resolveKeymap, type ActionId, type Match, type Scope } from '../../shared/keymap';

/**
 * The one keymap (shared/keymap), applied to DOM key events. Keys match on
 * `KeyboardEvent.code`, so `j` is the same key with a Russian or Polish layout.
 * User remapping arrives with the settings screen; until then the defaults,
 * which the keymap's own tests prove conflict-free, are the bindings.
 */
const resolved = resolveKeymap(DEFAULT_KEYMAP, {});
if (!('bindings' in resolved)) throw new Error(`default keymap conflicts: ${JSON.stringify(resolved.conflicts)}`);
const matcher = createMatcher(resolved.bindings);
const platform = /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';

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
    match = matcher.handle(event, { scope, inTextField: isTextField(event.target), platform, now: event.timeStamp });
    seen.set(event, match);
  }
  return match.kind === 'action' ? match.action : match.kind === 'pending' ? 'pending' : null;
}
