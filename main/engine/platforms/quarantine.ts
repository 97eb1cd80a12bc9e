import type { z } from 'zod';
import type { InboundItem } from '../inbox/ingest';
import type { QuarantinedPayload } from './types';

/** A stored payload is for a human to read in diagnostics, not a copy of a hostile megabyte. */
const MAX_QUARANTINED_PAYLOAD = 64 * 1024;

/** One page of wire items mapped: what went through, and what was set aside. */
export interface Mapped {
  items: InboundItem[];
  quarantined: QuarantinedPayload[];
}

/**
 * zod issues as one line: `text: Too small…; visibility: Invalid option…`.
 * `root` names an issue about the value as a whole; each caller keeps the word
 * its diagnostics already show (`(item)`, `(update)`).
 */
export function describeIssues(error: z.ZodError, root = '(value)'): string {
  return error.issues.map((issue) => `${issue.path.join('.') || root}: ${issue.message}`).join('; ');
}

/**
 * A payload that did not parse, kept with its error. Every mapper quarantines
 * through here so the bound and the serialisation of unserialisable values
 * (cycles, BigInt) are the same for every platform.
 */
export function quarantine(value: unknown, error: z.ZodError, root?: string): QuarantinedPayload {
  return { payload: boundedJson(value), error: describeIssues(error, root) };
}

function boundedJson(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_QUARANTINED_PAYLOAD ? `${text.slice(0, MAX_QUARANTINED_PAYLOAD)}…` : text;
}
