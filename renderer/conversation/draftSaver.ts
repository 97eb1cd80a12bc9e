import type { Client } from '../../shared/rpc';

/** How long after the last keystroke a draft is written: well inside "every keystroke reaches SQLite within a second". */
export const DRAFT_SAVE_DELAY_MS = 300;

export interface DraftSaver {
  /** Saves the text after a pause in typing; a newer text for the same conversation replaces a waiting one. */
  schedule(conversationId: string, body: string): void;
  /** Saves what is waiting now (blur, switching conversations, closing the page); all conversations without an id. */
  flush(conversationId?: string): void;
  /** Drops what is waiting: the text was sent, and the engine deleted the draft with the send. */
  cancel(conversationId: string): void;
}

/**
 * Debounced draft.save, one timer per conversation. A failed save is left to
 * the next keystroke: the text is still on screen, and no spinner or error
 * interrupts typing.
 */
export function createDraftSaver(client: Client, delayMs = DRAFT_SAVE_DELAY_MS): DraftSaver {
  const waiting = new Map<string, { body: string; timer: ReturnType<typeof setTimeout> }>();

  const save = (conversationId: string) => {
    const entry = waiting.get(conversationId);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(conversationId);
    client.call('draft.save', { conversationId, body: entry.body }).catch(() => {});
  };

  return {
    schedule(conversationId, body) {
      clearTimeout(waiting.get(conversationId)?.timer);
      waiting.set(conversationId, { body, timer: setTimeout(() => save(conversationId), delayMs) });
    },
    flush(conversationId) {
      for (const id of conversationId === undefined ? [...waiting.keys()] : [conversationId]) save(id);
    },
    cancel(conversationId) {
      clearTimeout(waiting.get(conversationId)?.timer);
      waiting.delete(conversationId);
    },
  };
}
