import { describeKeymap, type ActionId, type Binding, type KeyboardPlatform } from '../../../shared/keymap';
import type { Translator } from '../../../shared/i18n';
import { fuzzyScore } from './fuzzy';

/** A palette entry: any keymap action, or opening settings (which has no key). */
export type CommandId = ActionId | 'settings';

export interface Command {
  readonly id: CommandId;
  readonly name: string;
  /** The keys that run it, as shown on this platform. */
  readonly keys: readonly string[];
}

/** The palette opening itself again is no command. */
const LEFT_OUT: ReadonlySet<ActionId> = new Set(['commandPalette']);

/** Every action with its current keys, in keymap order, then settings. */
export function listCommands(bindings: readonly Binding[], platform: KeyboardPlatform, t: Translator): Command[] {
  const actions = describeKeymap(bindings, platform)
    .flatMap((group) => group.entries)
    .filter((entry) => !LEFT_OUT.has(entry.action))
    .map((entry) => ({ id: entry.action, name: t(entry.nameKey), keys: entry.chords }));
  return [...actions, { id: 'settings', name: t('palette.openSettings'), keys: [] }];
}

/**
 * The commands that fit the query, best first. With no query, the recently
 * used come first (newest first), then the rest in keymap order; with one, the
 * better fit wins and recent use breaks ties.
 */
export function filterCommands(commands: readonly Command[], query: string, recent: readonly string[]): Command[] {
  const recency = (id: string) => {
    const at = recent.indexOf(id);
    return at === -1 ? recent.length : at;
  };
  const scored = commands.flatMap((command, order) => {
    const fit = query.trim() === '' ? 0 : fuzzyScore(query, command.name);
    return fit === null ? [] : [{ command, fit, recency: recency(command.id), order }];
  });
  scored.sort((a, b) => b.fit - a.fit || a.recency - b.recency || a.order - b.order);
  return scored.map((entry) => entry.command);
}
