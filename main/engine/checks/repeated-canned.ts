/**
 * A canned reply sent unchanged to many customers reads as a bot (warn:
 * personalize it). The engine knows the history, so it supplies the counts;
 * this rule only decides.
 */
import type { Draft } from './types';

export interface CannedUses {
  /** Is the draft still the canned reply as inserted, with only its variables filled? */
  unchanged: boolean;
  /** Distinct customers who got this canned reply unchanged in the last 24 hours, not counting this one. */
  customersLast24h: number;
  /** Warn when the count is above this: the workspace's setting. */
  limit: number;
}

export function repeatedCannedFindings(text: string, uses: CannedUses | undefined): Draft[] {
  if (!uses || !uses.unchanged || uses.customersLast24h <= uses.limit) return [];
  return [
    {
      kind: 'repeated_canned',
      rule: 'repeated_canned',
      severity: 'warn',
      start: 0,
      end: text.length,
      messageKey: 'check.repeatedCanned',
      params: { count: uses.customersLast24h },
      suggestions: [],
      fix: null,
    },
  ];
}
