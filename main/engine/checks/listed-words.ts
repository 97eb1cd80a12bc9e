/** Turns word-list matches into findings: the shared half of tone, sensitive-topics and profanity. */
import { wordList, type CheckLexicon } from './lexicons';
import type { CheckLang, Draft, RuleContext } from './types';

export type ListedRule = Pick<Draft, 'kind' | 'rule' | 'severity' | 'messageKey'>;

export function listedWordFindings(ctx: RuleContext, lang: CheckLang, list: keyof CheckLexicon, rule: ListedRule): Draft[] {
  return wordList(lang, list)
    .find(ctx.words, ctx.text)
    .map(({ start, end }) => ({ ...rule, start, end, params: { word: ctx.text.slice(start, end) }, suggestions: [], fix: null }));
}
