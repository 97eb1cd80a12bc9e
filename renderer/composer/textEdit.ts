import { fillInFields, type Placeholder } from '../../shared/canned/placeholders';
import type { Finding } from '../../shared/domain';

/** A text after an edit, with where the selection goes. */
export interface Edited {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Puts `insert` in place of text[start, end); the caret lands after it. */
export function replaceRange(text: string, start: number, end: number, insert: string): Edited {
  const caret = start + insert.length;
  return { text: text.slice(0, start) + insert + text.slice(end), selectionStart: caret, selectionEnd: caret };
}

/**
 * Inserts a canned reply; its first fill-in field is selected, so typing
 * replaces it. A space keeps it off a word typed right before it.
 */
export function insertCanned(text: string, start: number, end: number, canned: string): Edited {
  const glue = start > 0 && !/\s/u.test(text[start - 1]!) ? ' ' : '';
  const edited = replaceRange(text, start, end, glue + canned);
  const first = fillInFields(edited.text).find((field) => field.start >= start);
  return first ? { text: edited.text, selectionStart: first.start, selectionEnd: first.end } : edited;
}

/**
 * The fill-in field Tab goes to: the next one after the selection (Shift+Tab:
 * the one before), round to the other end; none when every field is filled.
 */
export function fieldToVisit(text: string, selectionStart: number, selectionEnd: number, backwards: boolean): Placeholder | undefined {
  const fields = fillInFields(text);
  if (backwards) return fields.findLast((field) => field.end <= selectionStart) ?? fields.at(-1);
  return fields.find((field) => field.start >= selectionEnd) ?? fields[0];
}

/** The findings still true of the text: typing since the check moved or changed the rest, which waits for the next check. */
export function currentFindings(findings: readonly Finding[], text: string): Finding[] {
  return findings.filter((finding) => text.slice(finding.start, finding.end) === finding.text);
}

/** The finding the fix key is about: the one under the caret, else the next one after it, else the first. */
export function findingToFix(findings: readonly Finding[], caret: number): Finding | undefined {
  return findings.find((f) => f.start <= caret && caret <= f.end) ?? findings.find((f) => f.start > caret) ?? findings[0];
}

/** The marked text after this one, round to the first: pressing the fix key again in the menu moves on. */
export function nextFinding(findings: readonly Finding[], current: Finding): Finding | undefined {
  return findings.find((f) => f.start > current.start || (f.start === current.start && f.end > current.end)) ?? findings[0];
}

/** `;` opens the canned picker only at the start of a word, so "a;b" and ":-;" still type. */
export function atWordStart(text: string, caret: number): boolean {
  return caret === 0 || /\s|[(«„"“]/u.test(text[caret - 1]!);
}
