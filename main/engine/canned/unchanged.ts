import type { Rendered } from './render';

/** A literal piece of the canned text, where any run of whitespace may be any other run (a re-wrapped line is not an edit). */
const literal = (s: string) =>
  s
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');

/**
 * Whether a reply is still the canned text as inserted: only its fill-in
 * fields filled (an order number is not personalization), whitespace aside.
 * Any other edit — a greeting, a sentence about the customer's case — makes
 * it personal.
 */
export function sentUnchanged(text: string, rendered: Rendered): boolean {
  const pieces: string[] = [];
  let copied = 0;
  for (const field of rendered.fields) {
    pieces.push(literal(rendered.text.slice(copied, field.start)));
    copied = field.end;
  }
  pieces.push(literal(rendered.text.slice(copied)));
  return new RegExp(`^\\s*${pieces.join('[\\s\\S]+?')}\\s*$`, 'u').test(text);
}
