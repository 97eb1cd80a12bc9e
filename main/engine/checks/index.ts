/**
 * Pre-publish checks (DESIGN.md, "Checks before publishing").
 *
 *   await runChecks({ text: 'Just send us your card 4111 1111 1111 1111', visibility: 'public', platform: 'x', lang: 'auto' })
 *     → { lang: 'en', findings: [{ kind: 'personal_data', rule: 'personal_data.card_number', severity: 'block', fix: 'reply_privately', … }, { kind: 'tone', … }] }
 */
export { runChecks, type CheckInput, type CheckResult } from './run-checks';
export { lengthLimit, measure } from './length';
export type { CannedUses } from './repeated-canned';
export type { Misspelling, SpellChecker } from './spelling';
export type { CheckLang, Finding, FindingFix, FindingKind, Severity } from './types';
