/**
 * Template leftovers block the reply: a fill-in field the agent has not filled
 * (`{{? order number }}`), or a variable the engine cannot fill
 * (`{{contact.nmae}}`). Known variables are filled at publish time and pass.
 */
import type { Draft } from './types';

export const KNOWN_VARIABLES: ReadonlySet<string> = new Set(['contact.first_name', 'contact.name', 'agent.name', 'account.name', 'platform']);

// Bounded, so a stray "{{" in a 100 KB paste cannot make this scan quadratic.
const PLACEHOLDER_RE = /\{\{\s*(\?)?\s*([^{}\n]{0,200}?)\s*\}\}/g;

export function placeholderFindings(text: string): Draft[] {
  const found: Draft[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const [whole, fillIn, name = ''] = m;
    const span = { start: m.index, end: m.index + whole.length };
    if (fillIn) {
      found.push({ kind: 'placeholder', rule: 'placeholder.unfilled', severity: 'block', ...span, messageKey: 'check.placeholder.unfilled', params: { field: name }, suggestions: [], fix: null });
    } else if (!KNOWN_VARIABLES.has(name)) {
      found.push({ kind: 'placeholder', rule: 'placeholder.unknown_variable', severity: 'block', ...span, messageKey: 'check.placeholder.unknownVariable', params: { name }, suggestions: [], fix: null });
    }
  }
  return found;
}
