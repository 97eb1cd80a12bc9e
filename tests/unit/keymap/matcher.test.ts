import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KEYMAP, createMatcher, resolveKeymap, type KeyEventLike, type MatchContext, type Matcher } from '../../../shared/keymap';
import { press } from './press';

const resolved = resolveKeymap(DEFAULT_KEYMAP, {});
if (!('bindings' in resolved)) throw new Error('the defaults conflict');

const list: MatchContext = { scope: 'list', inTextField: false, platform: 'other', now: 0 };
const composer: MatchContext = { scope: 'composer', inTextField: true, platform: 'other', now: 0 };

let matcher: Matcher;
beforeEach(() => {
  matcher = createMatcher(resolved.bindings);
});

const actionOf = (event: KeyEventLike, context: MatchContext = list) => {
  const match = matcher.handle(event, context);
  return match.kind === 'action' ? match.action : match.kind;
};

describe('layouts', () => {
  it('matches the physical key whatever the layout types', () => {
    expect(actionOf(press('KeyJ', 'о'))).toBe('next');
    expect(actionOf(press('KeyK', 'л'))).toBe('previous');
    expect(actionOf(press('KeyE', 'у'))).toBe('close');
    expect(actionOf(press('KeyR', 'к', { shiftKey: true }))).toBe('replyPrivately');
    expect(actionOf(press('KeyK', 'л', { ctrlKey: true }))).toBe('commandPalette');
    expect(actionOf(press('Slash', '.'))).toBe('search');
    expect(actionOf(press('KeyJ', 'j'))).toBe('next');
  });

  it('does not take Polish AltGr letters (Ctrl+Alt on Windows) for Ctrl shortcuts', () => {
    const altGr = { ctrlKey: true, altKey: true };
    expect(actionOf(press('KeyZ', 'ż', altGr))).toBe('none');
    expect(actionOf(press('KeyA', 'ą', altGr))).toBe('none');
    expect(actionOf(press('KeyK', 'k', altGr))).toBe('none');
    expect(actionOf(press('KeyE', 'ę', altGr), composer)).toBe('none');
    expect(actionOf(press('Enter', 'Enter', altGr), composer)).toBe('none');
  });

  it('runs sequences typed under another layout', () => {
    expect(actionOf(press('KeyG', 'п'), { ...list, now: 0 })).toBe('pending');
    expect(actionOf(press('KeyI', 'ш'), { ...list, now: 300 })).toBe('goto.needsReply');
  });
});

describe('modifiers', () => {
  it('must match exactly', () => {
    expect(actionOf(press('KeyJ', 'J', { shiftKey: true }))).toBe('none');
    expect(actionOf(press('KeyJ', 'j', { ctrlKey: true }))).toBe('none');
    expect(actionOf(press('KeyJ', 'j', { altKey: true }))).toBe('none');
    expect(actionOf(press('KeyR', 'r'))).toBe('reply');
    expect(actionOf(press('KeyR', 'R', { shiftKey: true }))).toBe('replyPrivately');
    expect(actionOf(press('KeyK', 'K', { ctrlKey: true, shiftKey: true }))).toBe('none');
    expect(actionOf(press('Slash', '/'))).toBe('search');
    expect(actionOf(press('Slash', '?', { shiftKey: true }))).toBe('help');
  });

  it('takes Mod as Ctrl off a Mac and as ⌘ on one', () => {
    const mac = { ...list, platform: 'mac' } as const;
    expect(actionOf(press('KeyK', 'k', { ctrlKey: true }))).toBe('commandPalette');
    expect(actionOf(press('KeyK', 'k', { metaKey: true }))).toBe('none');
    expect(actionOf(press('KeyK', 'k', { metaKey: true }), mac)).toBe('commandPalette');
    expect(actionOf(press('KeyK', 'k', { ctrlKey: true }), mac)).toBe('none');
    expect(actionOf(press('Enter', 'Enter', { metaKey: true }), { ...composer, platform: 'mac' })).toBe('send');
    expect(actionOf(press('Enter', 'Enter', { ctrlKey: true }), { ...composer, platform: 'mac' })).toBe('none');
    expect(actionOf(press('KeyZ', 'z', { metaKey: true }), mac)).toBe('undo');
  });

  it('ignores a modifier pressed on its own, so Shift on the way to ? does not break anything', () => {
    expect(actionOf(press('ShiftLeft', 'Shift', { shiftKey: true }))).toBe('none');
    expect(actionOf(press('KeyG', 'g'), { ...list, now: 0 })).toBe('pending');
    expect(actionOf(press('ShiftLeft', 'Shift', { shiftKey: true }), { ...list, now: 100 })).toBe('none');
    expect(actionOf(press('KeyI', 'i'), { ...list, now: 200 })).toBe('goto.needsReply');
  });
});

describe('text fields', () => {
  it('let through only the keys of actions meant for them', () => {
    expect(actionOf(press('KeyR', 'r'), composer)).toBe('none');
    expect(actionOf(press('KeyJ', 'j'), composer)).toBe('none');
    expect(actionOf(press('KeyE', 'e'), composer)).toBe('none');
    expect(actionOf(press('Slash', '?', { shiftKey: true }), composer)).toBe('none');
    expect(actionOf(press('KeyZ', 'z', { ctrlKey: true }), composer)).toBe('none');
    expect(actionOf(press('Enter', 'Enter', { ctrlKey: true }), composer)).toBe('send');
    expect(actionOf(press('NumpadEnter', 'Enter', { ctrlKey: true }), composer)).toBe('send');
    expect(actionOf(press('Escape', 'Escape'), composer)).toBe('back');
    expect(actionOf(press('KeyK', 'k', { ctrlKey: true }), composer)).toBe('commandPalette');
  });

  it('never start a sequence', () => {
    expect(actionOf(press('KeyG', 'g'), composer)).toBe('none');
    expect(actionOf(press('KeyI', 'i'), list)).toBe('none');
  });

  it('apply in any scope, e.g. a search box over the list', () => {
    expect(actionOf(press('KeyJ', 'j'), { ...list, inTextField: true })).toBe('none');
    expect(actionOf(press('Escape', 'Escape'), { ...list, inTextField: true })).toBe('back');
  });

  it('ignore keys that are part of an IME composition', () => {
    expect(actionOf(press('Escape', 'Escape', { isComposing: true }), composer)).toBe('none');
    expect(actionOf(press('KeyJ', 'Process'))).toBe('none');
  });
});

describe('scopes', () => {
  it('acts on the selected conversation from the list, but does not move the list from the conversation', () => {
    expect(actionOf(press('KeyE', 'e'), list)).toBe('close');
    expect(actionOf(press('KeyE', 'e'), { ...list, scope: 'conversation' })).toBe('close');
    expect(actionOf(press('KeyJ', 'j'), { ...list, scope: 'conversation' })).toBe('none');
    expect(actionOf(press('Enter', 'Enter'), composer)).toBe('none');
  });

  it('keeps the snooze menu to its own keys and the global ones', () => {
    const menu = { ...list, scope: 'snoozeMenu' } as const;
    expect(actionOf(press('KeyS', 's'), list)).toBe('snooze');
    expect(actionOf(press('Digit1', '1'), menu)).toBe('snooze.oneHour');
    expect(actionOf(press('KeyH', 'h'), menu)).toBe('snooze.oneHour');
    expect(actionOf(press('Digit4', '4'), menu)).toBe('snooze.fourHours');
    expect(actionOf(press('KeyT', 't'), menu)).toBe('snooze.tomorrow');
    expect(actionOf(press('KeyW', 'w'), menu)).toBe('snooze.nextWeek');
    expect(actionOf(press('KeyP', 'p'), menu)).toBe('snooze.pick');
    expect(actionOf(press('Escape', 'Escape'), menu)).toBe('back');
    expect(actionOf(press('KeyE', 'e'), menu)).toBe('none');
    expect(actionOf(press('KeyJ', 'j'), menu)).toBe('none');
    expect(actionOf(press('Digit1', '1'), list)).toBe('none');
  });
});

describe('sequences', () => {
  const at = (now: number) => ({ ...list, now });

  it('go to a view with g and a second key', () => {
    const views = { KeyI: 'goto.needsReply', KeyM: 'goto.mine', KeyP: 'goto.pending', KeyS: 'goto.snoozed', KeyC: 'goto.closed', KeyA: 'goto.all' };
    for (const [code, action] of Object.entries(views)) {
      expect(actionOf(press('KeyG', 'g'), at(1_000))).toBe('pending');
      expect(actionOf(press(code, code.slice(3).toLowerCase()), at(1_500))).toBe(action);
    }
  });

  it('wait up to the timeout for the second key, and no longer', () => {
    expect(actionOf(press('KeyG', 'g'), at(0))).toBe('pending');
    expect(actionOf(press('KeyI', 'i'), at(1_200))).toBe('goto.needsReply');
    expect(actionOf(press('KeyG', 'g'), at(5_000))).toBe('pending');
    expect(actionOf(press('KeyI', 'i'), at(6_201))).toBe('none');
    // Past the timeout a key counts on its own.
    expect(actionOf(press('KeyG', 'g'), at(7_000))).toBe('pending');
    expect(actionOf(press('KeyE', 'e'), at(9_000))).toBe('close');
  });

  it('take a longer timeout when asked', () => {
    matcher = createMatcher(resolved.bindings, { sequenceTimeoutMs: 3_000 });
    expect(actionOf(press('KeyG', 'g'), at(0))).toBe('pending');
    expect(actionOf(press('KeyI', 'i'), at(2_500))).toBe('goto.needsReply');
  });

  it('end on a key that does not continue them, which then does nothing', () => {
    expect(actionOf(press('KeyG', 'g'), at(0))).toBe('pending');
    expect(actionOf(press('KeyE', 'e'), at(100))).toBe('none');
    expect(actionOf(press('KeyI', 'i'), at(200))).toBe('none');
    expect(actionOf(press('KeyE', 'e'), at(300))).toBe('close');
    expect(actionOf(press('KeyG', 'g'), at(400))).toBe('pending');
    expect(actionOf(press('KeyG', 'g'), at(500))).toBe('none');
  });

  it('are forgotten on reset', () => {
    expect(actionOf(press('KeyG', 'g'), at(0))).toBe('pending');
    matcher.reset();
    expect(actionOf(press('KeyI', 'i'), at(100))).toBe('none');
  });
});

describe('held keys', () => {
  const held = (code: string, key: string, context: MatchContext = list) => actionOf(press(code, key, { repeat: true }), context);

  it('repeat movement only', () => {
    expect(held('KeyJ', 'j')).toBe('next');
    expect(held('ArrowUp', 'ArrowUp')).toBe('previous');
    expect(held('PageDown', 'PageDown')).toBe('pageDown');
    expect(held('KeyE', 'e')).toBe('none');
    expect(held('Enter', 'Enter')).toBe('none');
    expect(held('Enter', 'Enter', composer)).toBe('none');
    expect(actionOf(press('Enter', 'Enter', { ctrlKey: true, repeat: true }), composer)).toBe('none');
  });

  it('neither start nor break a sequence', () => {
    expect(held('KeyG', 'g')).toBe('none');
    expect(actionOf(press('KeyI', 'i'))).toBe('none');
    expect(actionOf(press('KeyG', 'g'), { ...list, now: 0 })).toBe('pending');
    expect(held('KeyG', 'g', { ...list, now: 300 })).toBe('none');
    expect(actionOf(press('KeyI', 'i'), { ...list, now: 600 })).toBe('goto.needsReply');
  });
});
