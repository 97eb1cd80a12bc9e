import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  DEFAULT_KEYMAP,
  KeymapOverrides,
  createMatcher,
  resolveKeymap,
  type Binding,
  type Conflict,
  type MatchContext,
} from '../../../shared/keymap';
import { press } from './press';

function bindingsOf(overrides: KeymapOverrides): readonly Binding[] {
  const resolved = resolveKeymap(DEFAULT_KEYMAP, overrides);
  if (!('bindings' in resolved)) throw new Error(JSON.stringify(resolved.conflicts));
  return resolved.bindings;
}

function conflictsOf(overrides: KeymapOverrides): readonly Conflict[] {
  const resolved = resolveKeymap(DEFAULT_KEYMAP, overrides);
  if (!('conflicts' in resolved)) throw new Error('accepted');
  return resolved.conflicts;
}

const list: MatchContext = { scope: 'list', inTextField: false, platform: 'other', now: 0 };

describe('the defaults', () => {
  it('are free of conflicts and give every action a key', () => {
    const bindings = bindingsOf({});
    for (const action of ACTION_IDS) expect(bindings.some((binding) => binding.action === action), action).toBe(true);
  });

  it('include every action the console needs', () => {
    expect(ACTION_IDS).toEqual(
      expect.arrayContaining([
        'next', 'previous', 'open', 'back', 'reply', 'replyPrivately', 'close', 'reopen', 'snooze',
        'snooze.oneHour', 'snooze.fourHours', 'snooze.tomorrow', 'snooze.nextWeek', 'snooze.pick',
        'tag', 'assign', 'select', 'selectRange', 'search',
        'goto.needsReply', 'goto.mine', 'goto.pending', 'goto.snoozed', 'goto.closed', 'goto.all',
        'commandPalette', 'help', 'send', 'undo', 'pageDown', 'pageUp', 'first', 'last',
      ]),
    );
  });
});

describe('KeymapOverrides', () => {
  it('drops a __proto__ key from a hostile settings file', () => {
    const parsed = KeymapOverrides.parse(JSON.parse('{"__proto__": {"tag": "x"}, "close": "Shift+Delete"}'));
    expect(parsed).toEqual({ close: 'Shift+Delete' });
    expect(parsed.tag).toBeUndefined();
  });

  it('accepts chords per action, and empty to unbind', () => {
    expect(KeymapOverrides.safeParse({ tag: 't', close: ['e', 'Shift+Delete'], assign: '', select: [] }).success).toBe(true);
  });

  it('refuses unknown actions, wrong types and too many chords', () => {
    expect(KeymapOverrides.safeParse({ launchMissiles: 'x' }).success).toBe(false);
    expect(KeymapOverrides.safeParse({ constructor: 'y' }).success).toBe(false);
    expect(KeymapOverrides.safeParse({ tag: 5 }).success).toBe(false);
    expect(KeymapOverrides.safeParse({ tag: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
    expect(KeymapOverrides.safeParse('tag=t').success).toBe(false);
  });
});

describe('remapping', () => {
  it('moves an action to new keys and frees the old ones', () => {
    const matcher = createMatcher(bindingsOf({ tag: 't', close: ['e', 'Shift+Delete'] }));
    expect(matcher.handle(press('KeyT', 'е'), list)).toEqual({ kind: 'action', action: 'tag' });
    expect(matcher.handle(press('KeyL', 'д'), list)).toEqual({ kind: 'none' });
    expect(matcher.handle(press('Delete', 'Delete', { shiftKey: true }), list)).toEqual({ kind: 'action', action: 'close' });
  });

  it('unbinds an action with an empty string or list', () => {
    const bindings = bindingsOf({ assign: '', select: [] });
    expect(bindings.some((binding) => binding.action === 'assign' || binding.action === 'select')).toBe(false);
  });

  it('lets a freed key be taken by another action', () => {
    const bindings = bindingsOf({ close: 'Shift+Delete', tag: 'e' });
    expect(createMatcher(bindings).handle(press('KeyE', 'e'), list)).toEqual({ kind: 'action', action: 'tag' });
  });

  it('allows the same key in scopes that are never active together', () => {
    expect(() => bindingsOf({ 'snooze.tomorrow': 'e', send: 'Mod+S' })).not.toThrow();
  });

  it('allows an action two spellings of one key', () => {
    expect(() => bindingsOf({ send: ['Mod+Enter', 'Ctrl+Enter'] })).not.toThrow();
  });
});

describe('conflicts are refused', () => {
  it('the same key on two actions in overlapping scopes', () => {
    expect(conflictsOf({ tag: 'e' })).toEqual([{ kind: 'duplicate', chord: 'KeyE', actions: ['close', 'tag'] }]);
    // The list also runs the conversation's keys.
    expect(conflictsOf({ select: 'r' })).toEqual([{ kind: 'duplicate', chord: 'KeyR', actions: ['select', 'reply'] }]);
    // Global keys work in the reply box.
    expect(conflictsOf({ send: 'Mod+K' })).toEqual([{ kind: 'duplicate', chord: 'Mod+KeyK', actions: ['send', 'commandPalette'] }]);
  });

  it('a key that is the same on only one platform', () => {
    expect(conflictsOf({ undo: 'Meta+K' })).toEqual([{ kind: 'duplicate', chord: 'Mod+KeyK', actions: ['commandPalette', 'undo'] }]);
    expect(conflictsOf({ undo: 'Ctrl+K' })).toEqual([{ kind: 'duplicate', chord: 'Mod+KeyK', actions: ['commandPalette', 'undo'] }]);
  });

  it('a key that begins a sequence, either way round', () => {
    const conflicts = conflictsOf({ tag: 'g' });
    // One for each `g` sequence: the six views, the canned library and diagnostics.
    expect(conflicts).toHaveLength(8);
    expect(conflicts).toContainEqual({ kind: 'prefix', chord: 'KeyG', sequence: 'KeyG KeyD', actions: ['tag', 'diagnostics'] });
    expect(conflicts).toContainEqual({ kind: 'prefix', chord: 'KeyG', sequence: 'KeyG KeyR', actions: ['tag', 'cannedLibrary'] });
    expect(conflicts).toContainEqual({ kind: 'prefix', chord: 'KeyG', sequence: 'KeyG KeyI', actions: ['tag', 'goto.needsReply'] });
    expect(conflictsOf({ tag: 'e i' })).toEqual([{ kind: 'prefix', chord: 'KeyE', sequence: 'KeyE KeyI', actions: ['close', 'tag'] }]);
    // The snooze menu runs the global keys too.
    expect(conflictsOf({ 'snooze.pick': 'g' })).toContainEqual({ kind: 'prefix', chord: 'KeyG', sequence: 'KeyG KeyP', actions: ['snooze.pick', 'goto.pending'] });
  });

  it('clipboard, select-all and Tab, everywhere', () => {
    expect(conflictsOf({ close: 'Mod+C' })).toEqual([{ kind: 'reserved', chord: 'Mod+KeyC', action: 'close', reservedFor: 'copy' }]);
    expect(conflictsOf({ close: 'Ctrl+V' })).toEqual([{ kind: 'reserved', chord: 'Ctrl+KeyV', action: 'close', reservedFor: 'paste' }]);
    expect(conflictsOf({ tag: 'Cmd+X' })).toEqual([{ kind: 'reserved', chord: 'Meta+KeyX', action: 'tag', reservedFor: 'cut' }]);
    expect(conflictsOf({ select: 'Ctrl+A' })).toEqual([{ kind: 'reserved', chord: 'Ctrl+KeyA', action: 'select', reservedFor: 'selectAll' }]);
    expect(conflictsOf({ next: 'Tab' })).toEqual([{ kind: 'reserved', chord: 'Tab', action: 'next', reservedFor: 'focus' }]);
    expect(conflictsOf({ commandPalette: 'Ctrl+K Ctrl+C' })).toEqual([{ kind: 'reserved', chord: 'Ctrl+KeyK Ctrl+KeyC', action: 'commandPalette', reservedFor: 'copy' }]);
  });

  it('text undo, and every key that types or edits, for actions that work in text fields', () => {
    expect(conflictsOf({ send: 'Mod+Z' })).toEqual([{ kind: 'reserved', chord: 'Mod+KeyZ', action: 'send', reservedFor: 'undoTyping' }]);
    const typing = (action: 'send' | 'back' | 'commandPalette', chord: string) => expect(conflictsOf({ [action]: chord }), chord).toEqual([expect.objectContaining({ kind: 'reserved', action, reservedFor: 'typing' })]);
    typing('send', 'Enter');
    typing('send', 'Shift+Enter');
    typing('send', 's');
    typing('commandPalette', 'Ctrl+Alt+K'); // AltGr+K on Windows
    typing('commandPalette', 'Alt+K'); // Option+K types ˚ on a Mac
    typing('back', 'Mod+Backspace');
    typing('back', 'Ctrl+ArrowLeft');
    expect(() => bindingsOf({ send: 'F9', back: 'Mod+Shift+Escape' })).not.toThrow();
  });

  it('chords that do not parse', () => {
    expect(conflictsOf({ tag: 'Hyper+L' })).toEqual([{ kind: 'invalid', input: 'Hyper+L', action: 'tag', error: { kind: 'unknownModifier', token: 'Hyper' } }]);
  });

  it('all at once, so the settings screen can show every problem', () => {
    const kinds = conflictsOf({ tag: 'e', assign: 'g', close: ['Mod+C'], send: 'Ctrl+Alt+Enter', help: 'F99' }).map((conflict) => conflict.kind);
    expect(kinds.sort()).toEqual(['invalid', 'prefix', 'prefix', 'prefix', 'prefix', 'prefix', 'prefix', 'prefix', 'prefix', 'reserved', 'reserved']);
  });
});
