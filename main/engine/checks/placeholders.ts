/**
 * Template leftovers block the reply: a fill-in field the agent has not filled
 * (`{{? order number }}`), or a variable the engine cannot fill
 * (`{{contact.nmae}}`). Known variables are filled at publish time and pass.
 */
import { KNOWN_VARIABLES, placeholders } from '../../../shared/canned/placeholders';
import type { Draft } from './types';

export function placeholderFindings(text: string): Draft[] {
  const found: Draft[] = [];
  for (const { start, end, fillIn, name } of placeholders(text)) {
    const span = { start, end };
    if (fillIn) {
      found.push({ kind: 'placeholder', rule: 'placeholder.unfilled', severity: 'block', ...span, messageKey: 'check.placeholder.unfilled', params: { field: name }, suggestions: [], fix: null });
    } else if (!KNOWN_VARIABLES.has(name)) {
      found.push({ kind: 'placeholder', rule: 'placeholder.unknown_variable', severity: 'block', ...span, messageKey: 'check.placeholder.unknownVariable', params: { name }, suggestions: [], fix: null });
    }
  }
  return found;
}
