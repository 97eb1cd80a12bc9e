/** The shapes of the pre-publish check pipeline (DESIGN.md, "Checks before publishing"). */
import type { Language, Platform, Visibility } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n';
import type { Word } from './scan';

export type CheckLang = Language;

export type FindingKind =
  | 'spelling'
  | 'placeholder'
  | 'personal_data'
  | 'tone'
  | 'sensitive_topic'
  | 'profanity'
  | 'repeated_canned'
  | 'length'
  | 'shouting';

/** block: the text must change before it is published; warn: one key overrides it. */
export type Severity = 'block' | 'warn';

/** reply_privately: send it as a private message instead; replace: take one of `suggestions`. */
export type FindingFix = 'reply_privately' | 'replace' | null;

export interface Finding {
  kind: FindingKind;
  /** Stable id of the rule that fired ("personal_data.card_number"), for overrides and statistics. */
  rule: string;
  severity: Severity;
  /** UTF-16 offsets into the text as given: `text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  messageKey: MessageKey;
  params: Readonly<Record<string, string | number>>;
  suggestions: string[];
  fix: FindingFix;
}

/** A finding before the pipeline fills in the text it covers. */
export type Draft = Omit<Finding, 'text'>;

export type { Platform, Visibility };

/** What a text rule sees: the text with invisible characters taken out, and its words outside links, emails, mentions and hashtags. */
export interface RuleContext {
  text: string;
  words: readonly Word[];
  lang: CheckLang;
}
