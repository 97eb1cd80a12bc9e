import { createStore } from 'zustand/vanilla';

const STORAGE_KEY = 'switchboard.recentCommands';
const KEEP = 8;

function load(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(0, KEEP) : [];
  } catch {
    // Storage may be unavailable or hold junk; the palette works without its memory.
    return [];
  }
}

/** The commands the agent ran last, newest first; kept in this window's storage, so they survive a restart. */
export const recentCommands = createStore<{ ids: readonly string[] }>(() => ({ ids: load() }));

export function rememberCommand(id: string): void {
  const ids = [id, ...recentCommands.getState().ids.filter((other) => other !== id)].slice(0, KEEP);
  recentCommands.setState({ ids });
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // Remembering is a nicety; a full or blocked storage must not stop the command.
  }
}
