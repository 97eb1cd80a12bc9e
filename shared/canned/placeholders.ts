/**
 * The template syntax of canned replies, in one place for the engine (which
 * fills variables and blocks leftovers) and the composer (which moves the
 * cursor between fill-in fields): `{{contact.first_name}}` is a variable,
 * `{{? order number }}` a field the agent fills in.
 */

export const KNOWN_VARIABLES: ReadonlySet<string> = new Set(['contact.first_name', 'contact.name', 'agent.name', 'account.name', 'platform']);

export interface Placeholder {
  /** UTF-16 offsets of the whole `{{…}}`. */
  start: number;
  end: number;
  /** A fill-in field (`{{? … }}`) rather than a variable. */
  fillIn: boolean;
  /** The variable's name, or the field's label, trimmed. */
  name: string;
}

// Bounded, so a stray "{{" in a 100 KB paste cannot make a scan quadratic.
const PLACEHOLDER_RE = /\{\{\s*(\?)?\s*([^{}\n]{0,200}?)\s*\}\}/g;

/** Every placeholder in the text, in order. */
export function placeholders(text: string): Placeholder[] {
  return Array.from(text.matchAll(PLACEHOLDER_RE), (m) => ({ start: m.index, end: m.index + m[0].length, fillIn: m[1] !== undefined, name: m[2] ?? '' }));
}

/** The fill-in fields left in the text: what the agent still has to fill before sending. */
export function fillInFields(text: string): Placeholder[] {
  return placeholders(text).filter((p) => p.fillIn);
}
