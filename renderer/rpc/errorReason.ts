import { RpcError } from '../../shared/rpc';
import type { Translator } from '../../shared/i18n';

/**
 * The part of an error message the agent can act on. A lost link is ours to
 * word; a refusal carries the engine's (or the platform's) own reason.
 */
export function errorReason(error: unknown, t: Translator): string {
  if (!(error instanceof RpcError)) return t('error.unknown');
  return error.code === 'unavailable' ? t('error.unavailable') : error.message;
}
