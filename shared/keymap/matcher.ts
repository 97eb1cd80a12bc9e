/**
 * Turns key presses into actions. A small state machine: the first key of a
 * sequence (`g` of `g i`) is remembered until the next press or the timeout.
 * Time comes from the caller, so tests need no clock.
 */
import { ACTIVE_SCOPES, actionDef, type ActionDef, type ActionId, type Scope } from './actions';
import { chordIds, comboId, sameIds, startsWith, type KeyboardPlatform } from './chord';
import type { Binding } from './remap';

/** The parts of a DOM KeyboardEvent the matcher reads; pass the event itself. */
export interface KeyEventLike {
  readonly code: string;
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly repeat?: boolean;
  readonly isComposing?: boolean;
}

export interface MatchContext {
  /** Where focus is. */
  readonly scope: Scope;
  /** Focus is in an input or textarea: only keys of actions marked inTextField work. */
  readonly inTextField: boolean;
  readonly platform: KeyboardPlatform;
  /** Milliseconds on any steady clock, e.g. `event.timeStamp`. */
  readonly now: number;
}

export type Match = { readonly kind: 'action'; readonly action: ActionId } | { readonly kind: 'pending' } | { readonly kind: 'none' };

export interface Matcher {
  handle(event: KeyEventLike, context: MatchContext): Match;
  /** Forget a half-typed sequence, e.g. when the window loses focus. */
  reset(): void;
}

export const SEQUENCE_TIMEOUT_MS = 1_200;

// A modifier pressed on its own (Shift on the way to `?`) or an IME's keydown is not a key press to match, and must not end a sequence.
const NOT_A_PRESS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'Process']);

const NONE: Match = { kind: 'none' };
const PENDING: Match = { kind: 'pending' };

interface Compiled {
  readonly action: ActionId;
  readonly def: ActionDef;
  readonly ids: readonly string[];
}

/**
 * `bindings` should come from resolveKeymap, which guarantees that no press
 * means two things. The timeout is an option because some people need longer
 * to press the second key.
 */
export function createMatcher(bindings: readonly Binding[], options: { sequenceTimeoutMs?: number } = {}): Matcher {
  const timeout = options.sequenceTimeoutMs ?? SEQUENCE_TIMEOUT_MS;
  const compile = (platform: KeyboardPlatform): readonly Compiled[] =>
    bindings.map(({ action, chord }) => ({ action, def: actionDef(action), ids: chordIds(chord, platform) }));
  const compiled: Readonly<Record<KeyboardPlatform, readonly Compiled[]>> = { mac: compile('mac'), other: compile('other') };
  let typed: readonly string[] = [];
  let typedAt = 0;

  return {
    handle(event, context) {
      if (event.isComposing || NOT_A_PRESS.has(event.key)) return NONE;
      // Matched by code and exact modifiers: `о` typed on KeyJ is j, and AltGr (Ctrl+Alt on Windows) is not Ctrl.
      const id = comboId({ code: event.code, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, shift: event.shiftKey });
      const scopes = ACTIVE_SCOPES[context.scope];
      const active = compiled[context.platform].filter((binding) => scopes.includes(binding.def.scope) && (!context.inTextField || binding.def.inTextField));

      if (event.repeat) {
        // Holding a key moves through the list; it never repeats a close or a send, nor touches a sequence.
        const held = active.find((binding) => binding.def.repeats && sameIds(binding.ids, [id]));
        return held ? { kind: 'action', action: held.action } : NONE;
      }

      const sequence = typed.length > 0 && context.now - typedAt <= timeout ? [...typed, id] : [id];
      typed = [];
      const hit = active.find((binding) => sameIds(binding.ids, sequence));
      if (hit) return { kind: 'action', action: hit.action };
      if (active.some((binding) => startsWith(binding.ids, sequence))) {
        typed = sequence;
        typedAt = context.now;
        return PENDING;
      }
      // A wrong key after `g` ends the sequence and does nothing itself, so a slip never closes or sends.
      return NONE;
    },
    reset() {
      typed = [];
    },
  };
}
