import type { InboundItem } from '../../inbox/ingest';

/**
 * Meta's reply window for Messenger and Instagram DMs: a standard reply
 * (messaging_type RESPONSE) within 24 hours of the customer's latest message,
 * a human agent's reply (MESSAGE_TAG with tag HUMAN_AGENT) within 7 days, and
 * nothing after that until the customer writes again.
 */
export type WindowState = 'open' | 'human_agent' | 'closed';

export interface MessagingWindow {
  state: WindowState;
  /** The customer's latest message among those read; null when none was found. */
  lastCustomerMessageAt: number | null;
  /** The customer's id, the Send API's recipient. */
  customerId: string | null;
  /** When the current state ends (null once closed). */
  changesAt: number | null;
}

export const STANDARD_WINDOW_MS = 24 * 60 * 60_000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60_000;

export function messagingWindow(messages: readonly InboundItem[], now: number): MessagingWindow {
  let last: InboundItem | null = null;
  for (const message of messages) if (message.direction === 'in' && (last === null || message.createdAt > last.createdAt)) last = message;
  if (last === null) return { state: 'closed', lastCustomerMessageAt: null, customerId: null, changesAt: null };
  const base = { lastCustomerMessageAt: last.createdAt, customerId: last.author.platformId };
  const elapsed = now - last.createdAt;
  if (elapsed <= STANDARD_WINDOW_MS) return { ...base, state: 'open', changesAt: last.createdAt + STANDARD_WINDOW_MS };
  if (elapsed <= HUMAN_AGENT_WINDOW_MS) return { ...base, state: 'human_agent', changesAt: last.createdAt + HUMAN_AGENT_WINDOW_MS };
  return { ...base, state: 'closed', changesAt: null };
}
