/**
 * Shortcuts as data, so they can be listed and remapped. A binding is an
 * optional `Mod+` (Ctrl, or Cmd on a Mac) and/or `Shift+` followed by a
 * `KeyboardEvent.code`: physical keys, so `j` is the same key with a Russian
 * or Polish layout active.
 */
export const keymap = {
  list: {
    next: ['ArrowDown', 'KeyJ'],
    previous: ['ArrowUp', 'KeyK'],
    pageDown: ['PageDown'],
    pageUp: ['PageUp'],
    first: ['Home'],
    last: ['End'],
    open: ['Enter', 'NumpadEnter'],
    reply: ['KeyR'],
  },
  conversation: {
    back: ['Escape'],
  },
  reply: {
    send: ['Mod+Enter', 'Mod+NumpadEnter'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export interface KeyLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

function matches(binding: string, event: KeyLike): boolean {
  const parts = binding.split('+');
  const code = parts.pop();
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  return event.code === code && (event.ctrlKey || event.metaKey) === mod && event.shiftKey === shift && !event.altKey;
}

/** The action a key press means in a scope, if any. Keys that are part of an IME composition mean nothing. */
export function actionFor<Action extends string>(scope: Readonly<Record<Action, readonly string[]>>, event: KeyLike): Action | null {
  if (event.isComposing) return null;
  for (const action of Object.keys(scope) as Action[]) {
    if (scope[action].some((binding) => matches(binding, event))) return action;
  }
  return null;
}
