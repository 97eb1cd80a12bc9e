import type { Db } from '../main/engine/db/open';
import type { Engine } from '../main/engine/engine';
import { timeCall } from './calls';

export const INBOX_WARMUP = 20;
export const INBOX_ITERATIONS = 300;
export const PAGE_LIMIT = 50;
/** An agent scrolled a hundred pages down the queue. */
export const DEEP_OFFSET = 5_000;

/**
 * A working inbox, not a fresh import where every thread is open: 15% open,
 * 25% pending, 5% snoozed, 55% closed. 7919 is coprime with 100, so consecutive
 * rowids cycle through every residue: exact shares, spread over time.
 */
export function applyStatusMix(db: Db): void {
  db.exec(`
    UPDATE conversations SET
      status = CASE
        WHEN (rowid * 7919) % 100 < 15 THEN 'open'
        WHEN (rowid * 7919) % 100 < 40 THEN 'pending'
        WHEN (rowid * 7919) % 100 < 45 THEN 'snoozed'
        ELSE 'closed' END,
      snoozed_until = CASE WHEN (rowid * 7919) % 100 BETWEEN 40 AND 44 THEN last_message_at + 86400000 END`);
}

/** The default view's page at `offset`, timed through the contract. */
export function timeInboxPage(engine: Engine, offset: number): Promise<number[]> {
  return timeCall(engine, 'inbox.list', { view: 'needs_reply', offset, limit: PAGE_LIMIT }, INBOX_WARMUP, INBOX_ITERATIONS);
}
