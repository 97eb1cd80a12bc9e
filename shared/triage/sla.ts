import { openSpans } from './business-hours';
import type { BusinessHours } from './sla-settings';
import { MINUTE_MS } from './zone';

/**
 * The first-response clock. It runs only inside business hours: a message that
 * arrives while the account is closed starts counting at the next opening, and
 * evenings, weekends and holidays do not count against the target.
 */

/**
 * An item is due soon in its last ten business minutes. A fixed span rather than a
 * share of the target: it is about the time an agent needs to write a reply,
 * it needs only the stored due time (not the target it came from), and it
 * means the same thing on every account, so the priority order stays consistent.
 */
export const DUE_SOON_MS = 10 * MINUTE_MS;

export type SlaState = 'ok' | 'due_soon' | 'overdue';

export interface TimeLeft {
  state: SlaState;
  /** Business time left; negative (business time past the due time) when overdue. */
  msLeft: number;
  /** Wall-clock time left, for "due Monday 09:15"-style display. */
  wallMsLeft: number;
}

// The clock walks forward day by day: an endless or NaN input must fail, not spin.
function assertFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`SLA clock: ${name} must be a finite number, got ${value}`);
}

/** When a first response to a message received at `receivedAt` is due. */
export function dueAt(receivedAt: number, targetMinutes: number, hours: BusinessHours): number {
  assertFinite('receivedAt', receivedAt);
  assertFinite('targetMinutes', targetMinutes);
  let remaining = targetMinutes * MINUTE_MS;
  const spans = openSpans(hours, receivedAt);
  for (;;) {
    const [start, end] = spans.next().value;
    if (end - start >= remaining) return start + remaining;
    remaining -= end - start;
  }
}

/** Business time in [from, to); negative when `to` is before `from`. */
export function businessMsBetween(from: number, to: number, hours: BusinessHours): number {
  assertFinite('from', from);
  assertFinite('to', to);
  if (to < from) return -businessMsBetween(to, from, hours);
  let total = 0;
  for (const [start, end] of openSpans(hours, from)) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
  }
  return total;
}

/** The state of the clock for an item due at `due`; at the due time itself it is overdue. */
export function timeLeft(now: number, due: number, hours: BusinessHours): TimeLeft {
  const msLeft = businessMsBetween(now, due, hours);
  const wallMsLeft = due - now;
  return { state: slaStateOf(msLeft, wallMsLeft), msLeft, wallMsLeft };
}

/** The state for `msLeft` business ms left; the wall clock decides overdue. */
export function slaStateOf(msLeft: number, wallMsLeft = msLeft): SlaState {
  if (wallMsLeft <= 0) return 'overdue';
  return msLeft <= DUE_SOON_MS ? 'due_soon' : 'ok';
}
