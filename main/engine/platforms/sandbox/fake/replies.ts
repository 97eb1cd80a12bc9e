import type { WirePublished, WireReply, WireReplyRequest } from '../wire';

export type ReplyOutcome =
  | { status: 'created'; reply: WireReply }
  | { status: 'replayed'; reply: WireReply }
  /** The key was used before for a different reply. */
  | { status: 'conflict' };

function withoutAttempts({ attempts: _attempts, ...reply }: WirePublished): WireReply {
  return reply;
}

/**
 * Replies published through the API, deduplicated by idempotency key: a
 * repeated key counts an attempt and returns the first reply, never a second.
 */
export class ReplyLedger {
  private readonly byKey = new Map<string, WirePublished>();

  constructor(private readonly idPrefix: string) {}

  submit(threadId: string, key: string, request: WireReplyRequest, now: number): ReplyOutcome {
    const existing = this.byKey.get(key);
    if (existing) {
      const same = existing.thread_id === threadId && existing.text === request.text && existing.visibility === request.visibility;
      if (!same) return { status: 'conflict' };
      existing.attempts++;
      return { status: 'replayed', reply: withoutAttempts(existing) };
    }
    const published: WirePublished = {
      id: `${this.idPrefix}-r${this.byKey.size + 1}`,
      thread_id: threadId,
      text: request.text,
      visibility: request.visibility,
      idempotency_key: key,
      created_at: new Date(now).toISOString(),
      attempts: 1,
    };
    this.byKey.set(key, published);
    return { status: 'created', reply: withoutAttempts(published) };
  }

  /** Everything published, in the order first received; copies, so callers cannot change the record. */
  published(): WirePublished[] {
    return [...this.byKey.values()].map((published) => ({ ...published }));
  }

  inThread(threadId: string): WireReply[] {
    return [...this.byKey.values()].filter((published) => published.thread_id === threadId).map(withoutAttempts);
  }
}
