/**
 * The keymap in force: the defaults with the user's overrides laid over them,
 * refused as a whole when any key would be ambiguous, so what the help overlay
 * shows is always exactly what the keys do.
 */
import { z } from 'zod';
import { ACTION_IDS, actionDef, scopesOverlap, type ActionId } from './actions';
import { KEYBOARD_PLATFORMS, chordIds, chordToString, parseChord, sameIds, startsWith, type Chord, type ChordError } from './chord';
import { reservedUse, type ReservedUse } from './reserved';

// A settings file is user-editable: a few chords per action is plenty, and bounds the pairwise checks.
const MAX_CHORDS_PER_ACTION = 4;

/** A user's remapping: for an action, its chord or chords; `""` or `[]` unbinds it. Actions not named keep their defaults. */
export const KeymapOverrides = z.partialRecord(z.enum(ACTION_IDS), z.union([z.string(), z.array(z.string()).max(MAX_CHORDS_PER_ACTION)]));
export type KeymapOverrides = z.infer<typeof KeymapOverrides>;

/** Chord strings per action, as DEFAULT_KEYMAP is written. */
export type KeymapSpec = Readonly<Record<ActionId, readonly string[]>>;

export interface Binding {
  readonly action: ActionId;
  readonly chord: Chord;
}

/** Chords are in canonical form (chordToString). */
export type Conflict =
  | { readonly kind: 'duplicate'; readonly chord: string; readonly actions: readonly [ActionId, ActionId] }
  /** `chord` (bound to actions[0]) is where `sequence` (bound to actions[1]) starts, so the sequence could never be typed. */
  | { readonly kind: 'prefix'; readonly chord: string; readonly sequence: string; readonly actions: readonly [ActionId, ActionId] }
  | { readonly kind: 'reserved'; readonly chord: string; readonly action: ActionId; readonly reservedFor: ReservedUse }
  | { readonly kind: 'invalid'; readonly input: string; readonly action: ActionId; readonly error: ChordError };

export type ResolvedKeymap = { readonly bindings: readonly Binding[] } | { readonly conflicts: readonly Conflict[] };

const chordsOf = (override: string | readonly string[]): readonly string[] =>
  typeof override === 'string' ? (override.trim() === '' ? [] : [override]) : override;

/** How two bindings, pressed as `aIds` and `bIds`, get in each other's way, if they do. */
function clash(a: Binding, aIds: readonly string[], b: Binding, bIds: readonly string[]): Conflict | null {
  if (!scopesOverlap(actionDef(a.action).scope, actionDef(b.action).scope)) return null;
  if (startsWith(bIds, aIds)) return { kind: 'prefix', chord: chordToString(a.chord), sequence: chordToString(b.chord), actions: [a.action, b.action] };
  if (startsWith(aIds, bIds)) return { kind: 'prefix', chord: chordToString(b.chord), sequence: chordToString(a.chord), actions: [b.action, a.action] };
  // The same action under two spellings (Mod+K and Ctrl+K, off a Mac) is harmless.
  if (a.action === b.action || !sameIds(aIds, bIds)) return null;
  return { kind: 'duplicate', chord: chordToString(a.chord), actions: [a.action, b.action] };
}

/** Every clashing pair, checked on both platforms since one keymap serves both, and reported once. */
function clashes(bindings: readonly Binding[]): Conflict[] {
  const found = new Map<string, Conflict>();
  for (const platform of KEYBOARD_PLATFORMS) {
    const ids = bindings.map((binding) => chordIds(binding.chord, platform));
    for (let i = 0; i < bindings.length; i++) {
      for (let j = i + 1; j < bindings.length; j++) {
        const conflict = found.has(`${i} ${j}`) ? null : clash(bindings[i]!, ids[i]!, bindings[j]!, ids[j]!);
        if (conflict !== null) found.set(`${i} ${j}`, conflict);
      }
    }
  }
  return [...found.values()];
}

export function resolveKeymap(defaults: KeymapSpec, overrides: KeymapOverrides): ResolvedKeymap {
  const conflicts: Conflict[] = [];
  const bindings: Binding[] = [];
  for (const action of ACTION_IDS) {
    const override = overrides[action];
    for (const input of override === undefined ? defaults[action] : chordsOf(override)) {
      const parsed = parseChord(input);
      if (!parsed.ok) {
        conflicts.push({ kind: 'invalid', input, action, error: parsed.error });
        continue;
      }
      const reservedFor = reservedUse(parsed.chord, action);
      if (reservedFor === null) bindings.push({ action, chord: parsed.chord });
      else conflicts.push({ kind: 'reserved', chord: chordToString(parsed.chord), action, reservedFor });
    }
  }
  conflicts.push(...clashes(bindings));
  return conflicts.length === 0 ? { bindings } : { conflicts };
}
