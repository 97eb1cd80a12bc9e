import type { Db } from '../open';

/** A reply to publish, or a customer's comment to hide or show again (migration 009). */
export type OutboxAction = 'reply' | 'hide' | 'unhide';

export interface OutboxRow {
  id: string;
  accountId: string;
  conversationId: string;
  messageId: string | null;
  action: OutboxAction;
  payload: string;
  attempts: number;
  notBefore: number;
}

export interface NewOutboxRow {
  id: string;
  accountId: string;
  conversationId: string;
  messageId: string;
  action: OutboxAction;
  payload: unknown;
  notBefore: number;
  now: number;
}

/**
 * Rows of a paused account, or of one whose token the platform refused, wait where they are
 * (neither tried nor counted) until the account is active again.
 */
const SENDING_ACCOUNT = "account_id IN (SELECT id FROM accounts WHERE status = 'active')";

/**
 * The durable queue of agent actions (DESIGN.md, "Offline and exactly-once").
 * State moves pending → sending → done | failed, with sending → pending when an
 * attempt's outcome is unknown or temporary. Every transition is its own
 * committed statement, so a crash at any point leaves a row whose state says
 * exactly what is known.
 */
export class OutboxRepo {
  private readonly insert;
  private readonly selectDue;
  private readonly selectNextDue;
  private readonly claimStmt;
  private readonly completeStmt;
  private readonly retryStmt;
  private readonly failStmt;
  private readonly recoverStmt;
  private readonly markUnconfirmedStmt;
  private readonly completeForMessageStmt;
  private readonly withdrawStmt;
  private readonly supersedeStmt;
  private readonly cancelStmt;
  private readonly supersededStmt;
  private readonly takeBackRefusedStmt;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO outbox (id, account_id, conversation_id, message_id, action, payload, state, attempts, not_before, created_at, updated_at)
       VALUES (@id, @accountId, @conversationId, @messageId, @action, @payload, 'pending', 0, @notBefore, @now, @now)`,
    );
    this.selectDue = db.prepare<[number, number], OutboxRow>(
      `SELECT id, account_id AS accountId, conversation_id AS conversationId, message_id AS messageId, action, payload, attempts,
         not_before AS notBefore
       FROM outbox WHERE state = 'pending' AND not_before <= ? AND ${SENDING_ACCOUNT} ORDER BY not_before, created_at LIMIT ?`,
    );
    this.selectNextDue = db.prepare<[], number | null>(`SELECT min(not_before) FROM outbox WHERE state = 'pending' AND ${SENDING_ACCOUNT}`).pluck();
    this.claimStmt = db.prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'");
    this.completeStmt = db.prepare("UPDATE outbox SET state = 'done', last_error = NULL, updated_at = ? WHERE id = ?");
    this.retryStmt = db.prepare("UPDATE outbox SET state = 'pending', not_before = ?, last_error = ?, updated_at = ? WHERE id = ?");
    this.failStmt = db.prepare("UPDATE outbox SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?");
    this.cancelStmt = db.prepare("UPDATE outbox SET state = 'cancelled', last_error = ?, updated_at = ? WHERE id = ?");
    // updated_at on the right is the claim time of the interrupted attempt: the earliest the platform can have published it.
    this.recoverStmt = db.prepare<[string, number], { id: string; messageId: string | null; action: OutboxAction }>(
      `UPDATE outbox SET state = 'pending', last_error = ?, updated_at = ?,
         payload = json_set(payload, '$.unconfirmedSince', coalesce(payload ->> '$.unconfirmedSince', updated_at))
       WHERE state = 'sending' RETURNING id, message_id AS messageId, action`,
    );
    this.markUnconfirmedStmt = db.prepare(
      "UPDATE outbox SET payload = json_set(payload, '$.unconfirmedSince', coalesce(payload ->> '$.unconfirmedSince', ?)) WHERE id = ?",
    );
    this.completeForMessageStmt = db.prepare(
      "UPDATE outbox SET state = 'done', last_error = NULL, updated_at = ? WHERE message_id = ? AND action = 'reply' AND state IN ('pending', 'sending')",
    );
    this.withdrawStmt = db.prepare<[string]>("DELETE FROM outbox WHERE message_id = ? AND action = 'reply' AND state = 'pending' AND attempts = 0");
    this.supersedeStmt = db.prepare<[number, string]>(
      "UPDATE outbox SET state = 'cancelled', last_error = 'superseded', updated_at = ? WHERE message_id = ? AND action IN ('hide', 'unhide') AND state = 'pending'",
    );
    this.supersededStmt = db
      .prepare<[string], number>(
        `SELECT EXISTS (SELECT 1 FROM outbox mine JOIN outbox newer ON newer.message_id = mine.message_id
           WHERE mine.id = ? AND newer.action IN ('hide', 'unhide') AND newer.rowid > mine.rowid)`,
      )
      .pluck();
    // Rows whose outcome may have reached the platform: cancelled after an attempt, or failed after a retry.
    const inDoubt = `(state IN ('pending', 'sending') OR (state = 'cancelled' AND attempts > 0) OR (state = 'failed' AND attempts > 1))`;
    this.takeBackRefusedStmt = db.prepare<[{ now: number; messageId: string }]>(
      `UPDATE outbox SET state = 'cancelled', last_error = 'taken back after the platform refused it', updated_at = @now
       WHERE id = (SELECT id FROM outbox WHERE message_id = @messageId AND action IN ('hide', 'unhide') ORDER BY rowid DESC LIMIT 1)
         AND state = 'failed' AND attempts = 1
         AND NOT EXISTS (SELECT 1 FROM outbox WHERE message_id = @messageId AND action IN ('hide', 'unhide') AND ${inDoubt})`,
    );
  }

  /**
   * Takes back a message's newest hide/unhide when the platform refused it on its first and only
   * try, and no earlier one may have reached the platform either: the platform then certainly still
   * shows the state before it, so asking for that state needs no request. False when not so certain.
   */
  takeBackRefusedHiding(messageId: string, now: number): boolean {
    return this.takeBackRefusedStmt.run({ now, messageId }).changes === 1;
  }

  /**
   * Cancels a message's hide/unhide rows that wait: a new wish is about to be queued, and only the
   * newest may reach the platform. One in flight cannot be stopped; `superseded` catches it if it
   * comes back for another attempt.
   */
  supersedeHiding(messageId: string, now: number): void {
    this.supersedeStmt.run(now, messageId);
  }

  /** Whether a newer hide/unhide row exists for this row's message: sending this one now would undo the newer wish. */
  superseded(id: string): boolean {
    return this.supersededStmt.get(id) === 1;
  }

  /** Removes a reply's row only while it waits untried; false once an attempt has begun (or it is gone). */
  withdraw(messageId: string): boolean {
    return this.withdrawStmt.run(messageId).changes === 1;
  }

  enqueue(row: NewOutboxRow): void {
    this.insert.run({ ...row, payload: JSON.stringify(row.payload) });
  }

  due(now: number, limit: number): OutboxRow[] {
    return this.selectDue.all(now, limit);
  }

  nextDueAt(): number | null {
    return this.selectNextDue.get() ?? null;
  }

  /** Marks the row as being sent; false when someone else already took it. */
  claim(id: string, now: number): boolean {
    return this.claimStmt.run(now, id).changes === 1;
  }

  complete(id: string, now: number): void {
    this.completeStmt.run(now, id);
  }

  /** Back to pending, not before `notBefore`: a temporary refusal or an outcome we cannot know. */
  retry(id: string, notBefore: number, error: string, now: number): void {
    this.retryStmt.run(notBefore, error, now, id);
  }

  fail(id: string, error: string, now: number): void {
    this.failStmt.run(error, now, id);
  }

  /** Never to be sent: a newer wish about the same message replaced it. */
  cancel(id: string, reason: string, now: number): void {
    this.cancelStmt.run(reason, now, id);
  }

  /** Rows found in `sending` at start-up were interrupted mid-flight: their outcome is unknown, so they are marked as in markUnconfirmed. */
  recoverInterrupted(now: number): { id: string; messageId: string | null; action: OutboxAction }[] {
    return this.recoverStmt.all('interrupted while sending; outcome unknown', now);
  }

  /**
   * Notes in the payload (`unconfirmedSince`) that an attempt begun at `since` may have
   * published the action: where the platform does not deduplicate, nothing may be sent again
   * before the outbox has looked. The earliest such time is kept.
   */
  markUnconfirmed(id: string, since: number): void {
    this.markUnconfirmedStmt.run(since, id);
  }

  /** The message was found published on the platform (reconciled from the feed). */
  completeForMessage(messageId: string, now: number): void {
    this.completeForMessageStmt.run(now, messageId);
  }
}
