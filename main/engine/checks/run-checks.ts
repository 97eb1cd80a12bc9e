/**
 * The pre-publish pipeline: the same call runs while the agent types
 * (debounced, in a worker) and once more in the engine at publish. Rules work
 * on the text with invisible characters taken out, so a zero-width space
 * inside a phone number or a bidi override inside a swear word hides nothing;
 * every span is mapped back to the text as given.
 */
import { detectLanguage } from '../triage/sentiment/detect-language';
import { lengthFindings } from './length';
import { personalDataFindings } from './personal-data';
import { placeholderFindings } from './placeholders';
import { profanityFindings } from './profanity';
import { repeatedCannedFindings, type CannedUses } from './repeated-canned';
import { findProtected, splitWords, stripInvisible } from './scan';
import { sensitiveTopicFindings } from './sensitive-topics';
import { shoutingFindings } from './shouting';
import { spellingFindings, type SpellChecker } from './spelling';
import { toneFindings } from './tone';
import type { CheckLang, Draft, Finding, Platform, RuleContext, Visibility } from './types';

export interface CheckInput {
  text: string;
  visibility: Visibility;
  platform: Platform;
  /** 'auto' detects the reply's language; the agent can override it. */
  lang: 'auto' | CheckLang;
  /** Without one there are no spelling findings. */
  spelling?: SpellChecker;
  /** The workspace's own words (brand and product names), skipped by spelling. Lower-case entries match any case. */
  customWords?: ReadonlySet<string>;
  cannedUses?: CannedUses;
}

export interface CheckResult {
  lang: CheckLang;
  /** In text order; blocks before warnings where two start at one place. */
  findings: Finding[];
}

const SEVERITY_ORDER = { block: 0, warn: 1 } as const;

export async function runChecks(input: CheckInput): Promise<CheckResult> {
  const { text } = input;
  const { clean, toOriginal } = stripInvisible(text);
  const protectedSpans = findProtected(clean);
  const lang = input.lang === 'auto' ? detectLanguage(clean) : input.lang;
  const ctx: RuleContext = { text: clean, words: splitWords(clean, protectedSpans), lang };

  const onClean: Draft[] = [
    ...placeholderFindings(clean),
    ...(input.visibility === 'public' ? personalDataFindings(clean, protectedSpans) : []),
    ...profanityFindings(ctx),
    ...toneFindings(ctx),
    ...sensitiveTopicFindings(ctx),
    ...shoutingFindings(ctx),
    ...(input.spelling ? await spellingFindings(ctx, input.spelling, input.customWords) : []),
  ];
  // Length and the canned-reply count are about the text as it will be sent, invisible characters included.
  const onOriginal: Draft[] = [...lengthFindings(text, input.platform, input.visibility), ...repeatedCannedFindings(text, input.cannedUses)];

  const findings = [...onClean.map((d) => ({ ...d, ...toOriginal(d) })), ...onOriginal]
    .map((d): Finding => ({ ...d, text: text.slice(d.start, d.end) }))
    .sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.end - b.end);
  return { lang, findings };
}
