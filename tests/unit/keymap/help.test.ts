import { describe, expect, it } from 'vitest';
import { ACTION_IDS, DEFAULT_KEYMAP, describeKeymap, resolveKeymap, type Binding, type KeymapOverrides } from '../../../shared/keymap';

function bindingsOf(overrides: KeymapOverrides = {}): readonly Binding[] {
  const resolved = resolveKeymap(DEFAULT_KEYMAP, overrides);
  if (!('bindings' in resolved)) throw new Error(JSON.stringify(resolved.conflicts));
  return resolved.bindings;
}

const chordsOf = (bindings: readonly Binding[], platform: 'mac' | 'other') =>
  Object.fromEntries(describeKeymap(bindings, platform).flatMap((group) => group.entries.map((entry) => [entry.action, entry.chords])));

describe('describeKeymap', () => {
  it('lists every action once, grouped by scope, with catalog keys', () => {
    const groups = describeKeymap(bindingsOf(), 'other');
    expect(groups.map((group) => group.nameKey)).toEqual(['keymap.scope.list', 'keymap.scope.conversation', 'keymap.scope.composer', 'keymap.scope.snoozeMenu', 'keymap.scope.global']);
    const actions = groups.flatMap((group) => group.entries.map((entry) => entry.action));
    expect(actions.toSorted()).toEqual([...ACTION_IDS].sort());
    expect(groups[0]!.entries[0]).toEqual({ action: 'next', nameKey: 'action.next', chords: ['J', '↓'] });
  });

  it('shows keys for the platform', () => {
    const other = chordsOf(bindingsOf(), 'other');
    const mac = chordsOf(bindingsOf(), 'mac');
    expect([other.commandPalette, mac.commandPalette]).toEqual([['Ctrl+K'], ['⌘K']]);
    expect([other.send, mac.send]).toEqual([['Ctrl+Enter', 'Ctrl+Num Enter'], ['⌘Enter', '⌘Num Enter']]);
    expect([other.replyPrivately, mac.replyPrivately]).toEqual([['Shift+R'], ['⇧R']]);
    expect([other.help, mac.help]).toEqual([['?'], ['?']]);
    expect(other['goto.needsReply']).toEqual(['G I']);
  });

  it('shows a key once when two spellings press the same keys', () => {
    const bindings = bindingsOf({ send: ['Mod+Enter', 'Ctrl+Enter'] });
    expect(chordsOf(bindings, 'other').send).toEqual(['Ctrl+Enter']);
    expect(chordsOf(bindings, 'mac').send).toEqual(['⌘Enter', '⌃Enter']);
  });

  it('keeps unbound actions, with no keys, for the command palette', () => {
    expect(chordsOf(bindingsOf({ tag: [] }), 'other').tag).toEqual([]);
  });
});
