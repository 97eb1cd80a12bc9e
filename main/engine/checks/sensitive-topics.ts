/** Politics and religion, which a brand's replies stay out of: warnings, since a mention can be harmless ("the church on Main Street"). */
import { listedWordFindings } from './listed-words';
import type { Draft, RuleContext } from './types';

export function sensitiveTopicFindings(ctx: RuleContext): Draft[] {
  return [
    ...listedWordFindings(ctx, ctx.lang, 'politics', { kind: 'sensitive_topic', rule: 'sensitive_topic.politics', severity: 'warn', messageKey: 'check.sensitive.politics' }),
    ...listedWordFindings(ctx, ctx.lang, 'religion', { kind: 'sensitive_topic', rule: 'sensitive_topic.religion', severity: 'warn', messageKey: 'check.sensitive.religion' }),
  ];
}
