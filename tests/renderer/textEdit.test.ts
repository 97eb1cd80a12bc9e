import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain';
import { segments } from '../../renderer/composer/MarkedTextarea';
import { atWordStart, currentFindings, fieldToVisit, findingToFix, insertCanned, replaceRange } from '../../renderer/composer/textEdit';

const f = (start: number, end: number, text: string, extra: Partial<Finding> = {}): Finding => ({
  kind: 'spelling',
  rule: 'spelling',
  severity: 'warn',
  start,
  end,
  text,
  messageKey: 'check.spelling',
  params: {},
  suggestions: [],
  fix: null,
  ...extra,
});

describe('text edits in the composer', () => {
  it('replaces a range and puts the caret after the new text, in UTF-16 offsets past emoji', () => {
    expect(replaceRange('👍 teh end', 3, 6, 'the')).toEqual({ text: '👍 the end', selectionStart: 6, selectionEnd: 6 });
  });

  it('inserts a canned reply with its first field selected, spaced off a word typed right before it', () => {
    const edited = insertCanned('Thanks!', 7, 7, 'Order {{? number }} is ready.');
    expect(edited.text).toBe('Thanks! Order {{? number }} is ready.');
    expect(edited.text.slice(edited.selectionStart, edited.selectionEnd)).toBe('{{? number }}');
    // A field the agent left earlier in the text is not where the new reply's cursor goes.
    const later = insertCanned('{{? old }} and ', 15, 15, 'no fields here');
    expect(later).toEqual({ text: '{{? old }} and no fields here', selectionStart: 29, selectionEnd: 29 });
  });

  it('walks fields forwards and backwards from any selection, round the ends', () => {
    const text = 'A {{? one }} B {{? two }} C';
    const [one, two] = [text.indexOf('{{? one }}'), text.indexOf('{{? two }}')];
    expect(fieldToVisit(text, 0, 0, false)?.start).toBe(one);
    expect(fieldToVisit(text, one, one + 10, false)?.start).toBe(two);
    expect(fieldToVisit(text, two, two + 10, false)?.start).toBe(one);
    expect(fieldToVisit(text, two, two + 10, true)?.start).toBe(one);
    expect(fieldToVisit(text, one, one + 10, true)?.start).toBe(two);
    expect(fieldToVisit('all filled', 0, 0, false)).toBeUndefined();
  });

  it('keeps only findings whose text still reads the same, and picks the one to fix from the caret', () => {
    const findings = [f(0, 3, 'teh'), f(8, 12, 'wrld')];
    expect(currentFindings(findings, 'teh big wrld')).toEqual(findings);
    expect(currentFindings(findings, 'the big wrld')).toEqual([findings[1]]);
    expect(findingToFix(findings, 2)).toBe(findings[0]);
    expect(findingToFix(findings, 5)).toBe(findings[1]);
    expect(findingToFix(findings, 12)).toBe(findings[1]);
    expect(findingToFix([findings[0]!], 9)).toBe(findings[0]); // past the last: round to the first
    expect(findingToFix([], 0)).toBeUndefined();
  });

  it('opens the picker on ; only where a word starts', () => {
    expect(atWordStart('', 0)).toBe(true);
    expect(atWordStart('Hi ', 3)).toBe(true);
    expect(atWordStart('(', 1)).toBe(true);
    expect(atWordStart('a', 1)).toBe(false);
    expect(atWordStart(':-', 2)).toBe(false);
  });
});

describe('underline segments', () => {
  it('cuts the text at every edge; the stronger finding marks an overlap; whole-reply findings are not underlined', () => {
    const text = 'Call +48 601 234 567 now';
    const phone = f(5, 20, '+48 601 234 567', { kind: 'personal_data', severity: 'block' });
    const word = f(5, 8, '+48', { severity: 'warn' });
    const whole = f(0, text.length, text, { kind: 'length', severity: 'block' });
    const pieces = segments(text, [word, phone, whole]);
    expect(pieces.map((p) => [p.text, p.finding?.kind ?? null])).toEqual([
      ['Call ', null],
      ['+48 601 234 567', 'personal_data'],
      [' now', null],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('prefers the narrower of two findings of one severity, and leaves clean text whole', () => {
    const text = 'obviously wrnog';
    const wide = f(0, 15, text, { kind: 'tone' });
    const narrow = f(10, 15, 'wrnog');
    expect(segments(text, [wide, narrow]).map((p) => [p.text, p.finding === narrow])).toEqual([
      ['obviously ', false],
      ['wrnog', true],
    ]);
    expect(segments('clean', [])).toEqual([{ text: 'clean', finding: null }]);
  });
});
