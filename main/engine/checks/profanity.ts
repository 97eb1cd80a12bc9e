/**
 * Swearing blocks the reply. The reply's own language is checked, and English
 * and Russian always too: English swearing turns up in replies in any
 * language, and Cyrillic words cannot be mistaken for Latin-script ones. The
 * Polish list is not crossed over into other languages: "suki" is a name in an
 * English reply.
 */
import { listedWordFindings } from './listed-words';
import type { CheckLang, Draft, RuleContext } from './types';

export function profanityFindings(ctx: RuleContext): Draft[] {
  const langs = new Set<CheckLang>([ctx.lang, 'en', 'ru']);
  return [...langs].flatMap((lang) => listedWordFindings(ctx, lang, 'profanity', { kind: 'profanity', rule: 'profanity', severity: 'block', messageKey: 'check.profanity' }));
}
