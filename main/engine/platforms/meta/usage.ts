import { WireAppUsage, WireBusinessUsage } from './wire';

/**
 * How much of Meta's rolling one-hour allowance is spent, as the usage headers
 * report it: the highest of call count, total time and CPU time, over the app
 * (`X-App-Usage`) and every business use case (`X-Business-Use-Case-Usage`).
 */
export interface UsageBudget {
  /** 0..100 (Graph may report more than 100 once throttled). */
  usedPercent: number;
  /** How long until calls are accepted again, when the platform says (BUC headers only; 0 there means not throttled). */
  regainAccessMs: number | null;
}

/** At or above this share of the allowance the connector stops calling until it recovers. */
export const THROTTLE_AT_PERCENT = 90;

/** Null when neither header is present or readable: Graph adds them only once an app has made enough calls. */
export function parseUsage(headers: Headers): UsageBudget | null {
  const app = WireAppUsage.safeParse(json(headers.get('x-app-usage')));
  const business = WireBusinessUsage.safeParse(json(headers.get('x-business-use-case-usage')));
  const figures: number[] = [];
  let regainMinutes: number | null = null;
  if (app.success) figures.push(app.data.call_count, app.data.total_time, app.data.total_cputime);
  if (business.success) {
    for (const entries of Object.values(business.data)) {
      for (const entry of entries) {
        figures.push(entry.call_count, entry.total_time, entry.total_cputime);
        if (entry.estimated_time_to_regain_access !== undefined) regainMinutes = Math.max(regainMinutes ?? 0, entry.estimated_time_to_regain_access);
      }
    }
  }
  if (figures.length === 0) return null;
  return { usedPercent: Math.max(...figures), regainAccessMs: regainMinutes ? regainMinutes * 60_000 : null };
}

function json(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
