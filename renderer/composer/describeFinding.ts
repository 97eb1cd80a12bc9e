import type { Finding } from '../../shared/domain';
import { catalogs, type MessageKey, type Translator } from '../../shared/i18n';

/** The engine names each finding's message by catalog key; a key this build does not know falls back to the finding's kind. */
export function describeFinding(t: Translator, finding: Finding): string {
  const known = Object.prototype.hasOwnProperty.call(catalogs.en, finding.messageKey);
  return known ? t(finding.messageKey as MessageKey, finding.params) : finding.kind;
}
