/** Minimizing ("just", "просто", "po prostu") and blaming the customer ("you should have", "вы сами", "to Pana wina"): warnings. */
import { listedWordFindings } from './listed-words';
import type { Draft, RuleContext } from './types';

export function toneFindings(ctx: RuleContext): Draft[] {
  return [
    ...listedWordFindings(ctx, ctx.lang, 'minimizing', { kind: 'tone', rule: 'tone.minimizing', severity: 'warn', messageKey: 'check.tone.minimizing' }),
    ...listedWordFindings(ctx, ctx.lang, 'blaming', { kind: 'tone', rule: 'tone.blaming', severity: 'warn', messageKey: 'check.tone.blaming' }),
  ];
}
