import { placeholders } from '../../../shared/canned/placeholders';
import type { FillInField } from '../../../shared/domain';

/** What a canned reply's variables are filled from: the conversation it goes into. */
export interface RenderContext {
  contact: { name: string };
  agent: { name: string };
  account: { name: string };
  /** The platform in words ("Facebook", "Сайты отзывов"), as the customer would name it. */
  platform: string;
}

export interface Rendered {
  text: string;
  /** Every `{{? … }}` left in `text`, in order: the composer puts the cursor in the first and Tab moves on. */
  fields: FillInField[];
}

/**
 * Fills the variables of a canned reply. Fill-in fields stay in the text, so
 * an unfilled one blocks publishing; unknown variables (`{{contact.nmae}}`)
 * stay too, for the same check to flag. A variable with no value (a contact
 * without a name) becomes empty rather than a literal the customer would see.
 */
export function renderCanned(body: string, context: RenderContext): Rendered {
  const values = new Map([
    ['contact.first_name', firstName(context.contact.name)],
    ['contact.name', context.contact.name.trim()],
    ['agent.name', context.agent.name.trim()],
    ['account.name', context.account.name.trim()],
    ['platform', context.platform],
  ]);
  const fields: FillInField[] = [];
  let text = '';
  let copied = 0;
  // The placeholder check reads the same syntax (shared/canned/placeholders.ts), so whatever this leaves, the check sees.
  for (const { start, end, fillIn, name } of placeholders(body)) {
    const whole = body.slice(start, end);
    text += body.slice(copied, start);
    copied = end;
    if (fillIn) {
      fields.push({ start: text.length, end: text.length + whole.length, label: name });
      text += whole;
    } else {
      text += values.get(name) ?? whole;
    }
  }
  return { text: text + body.slice(copied), fields };
}

/**
 * Titles people put before their name on a profile; "Dr. Anna Kowalska" is
 * greeted as Anna. Lower case, without the dot.
 */
const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'sir', 'mgr', 'inż', 'pan', 'pani', 'г-н', 'г-жа']);

/**
 * The first word of the name that is not a title. Only a guess: a name written
 * surname first ("Иванов Иван") gives the surname, and the agent sees the
 * rendered text before sending. A name that is only a title stays as it is.
 */
export function firstName(name: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => w.length > 0);
  const first = words.find((w) => !HONORIFICS.has(w.toLocaleLowerCase().replace(/\.$/u, '')));
  return first ?? words[0] ?? '';
}
