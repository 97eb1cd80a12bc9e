import { DESKTOP_ONLY } from '../../../shared/desktop-settings';
import { RpcError, type Handlers } from '../../../shared/rpc';
import type { CallContext } from './context';

type DesktopCalls = 'desktop.settings.get' | 'desktop.settings.update';

/**
 * The desktop shell answers its settings calls before they reach the engine
 * (main/electron/desktop-settings-calls.ts); one that gets here comes from the
 * browser host, which has no desktop settings. `refused`, not `unavailable`:
 * that reads as the engine being gone, and this answer never changes.
 */
export function desktopHandlers(): Pick<Handlers<CallContext>, DesktopCalls> {
  const refuse = (): never => {
    throw new RpcError('refused', DESKTOP_ONLY);
  };
  return { 'desktop.settings.get': refuse, 'desktop.settings.update': refuse };
}
