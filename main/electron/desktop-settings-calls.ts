import { isDeepStrictEqual } from 'node:util';
import { calls, type CallOutput } from '../../shared/contract';
import { DesktopPreferences, DesktopSettings, patchDesktopSettings, type DesktopSettingsPatch, type WindowBounds } from '../../shared/desktop-settings';
import { handle, RpcError, type EngineEndpoint, type EventFrame, type Handlers, type ResultFrame } from '../../shared/rpc';

/**
 * The desktop shell's side of the `desktop.settings.*` calls, and the one way
 * its settings change: from the Settings screen, the menu and the tray alike.
 * Electron-free: main.ts hands in what touches the OS (`DesktopEffects`), so
 * every decision here — what is refused, what is rolled back — is unit-tested.
 */

/** What the settings drive in the OS; main.ts implements it with Electron. */
export interface DesktopEffects {
  /** Registers the accelerator system-wide: `taken` when another application holds it, `invalid` when the OS cannot read it. */
  registerShortcut(accelerator: string): 'registered' | 'taken' | 'invalid';
  unregisterShortcut(accelerator: string): void;
  /** Everything that cannot refuse: notifications, the log's level, the update feed, the menu's check items. */
  apply(next: DesktopSettings, previous: DesktopSettings): void;
}

export interface DesktopSettingsOptions {
  /** As loaded at start (and already in effect). */
  initial: DesktopSettings;
  /** Writes the whole settings; throws when it cannot. */
  save(settings: DesktopSettings): void;
  effects: DesktopEffects;
  /** The workspace's account ids: a newly muted account must be one of them. */
  accountIds(): Promise<readonly string[]>;
}

export interface DesktopSettingsCalls {
  readonly current: DesktopSettings;
  /** Checks, puts into effect, then saves; a refusal (RpcError) changes nothing. */
  update(patch: DesktopSettingsPatch): Promise<DesktopPreferences>;
  /** Saves where the window is; nothing to apply and nothing the page shows. */
  rememberWindow(bounds: WindowBounds): void;
  /** Answers a `desktop.*` call frame as the engine answers its own: validated by the contract, errors typed. */
  dispatch(frame: unknown): Promise<ResultFrame>;
  /** Told after every saved change. */
  onChange(listener: (settings: DesktopSettings) => void): () => void;
}

const preferences = ({ window: _window, ...shown }: DesktopSettings): DesktopPreferences => shown;

const refused = (path: string, reason: string) => new RpcError('refused', reason, [{ path, message: reason }]);

export function desktopSettingsCalls(options: DesktopSettingsOptions): DesktopSettingsCalls {
  const { save, effects } = options;
  let current = options.initial;
  const listeners = new Set<(settings: DesktopSettings) => void>();

  /** The new shortcut is taken before the old one is let go, so a refused one leaves the old working. */
  const switchShortcut = (next: string | null, previous: string | null) => {
    if (next === previous) return;
    const outcome = next === null ? 'registered' : effects.registerShortcut(next);
    if (outcome === 'taken') throw refused('globalShortcut', `${next} is already used by another application; the shortcut was not changed`);
    if (outcome === 'invalid') throw refused('globalShortcut', `${next} is not a shortcut this system can register; the shortcut was not changed`);
    if (previous !== null) effects.unregisterShortcut(previous);
  };

  const update = async (patch: DesktopSettingsPatch): Promise<DesktopPreferences> => {
    const muting = patch.notifications?.mutedAccounts?.filter((id) => !current.notifications.mutedAccounts.includes(id)) ?? [];
    // Ids already muted may belong to removed accounts and stay; only a new one must exist. The engine is asked only then.
    if (muting.length > 0) {
      const known = new Set(await options.accountIds());
      const unknown = muting.find((id) => !known.has(id));
      if (unknown !== undefined) throw refused('notifications.mutedAccounts', `There is no account ${unknown} in this workspace`);
    }
    // Read after the wait: another change may have been saved meanwhile. From here on nothing waits.
    const previous = current;
    const next = DesktopSettings.parse(patchDesktopSettings(previous, patch));
    if (isDeepStrictEqual(next, previous)) return preferences(previous);
    switchShortcut(next.globalShortcut, previous.globalShortcut);
    effects.apply(next, previous);
    try {
      save(next);
    } catch (error) {
      // What is in effect must match what the next start reads back from the file.
      effects.apply(previous, next);
      if (next.globalShortcut !== previous.globalShortcut) {
        if (next.globalShortcut !== null) effects.unregisterShortcut(next.globalShortcut);
        // Ours a moment ago, so free again: the answer is not worth a second refusal on top of the first.
        if (previous.globalShortcut !== null) effects.registerShortcut(previous.globalShortcut);
      }
      throw new RpcError('refused', `The desktop settings could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
    current = next;
    for (const listener of listeners) listener(next);
    return preferences(next);
  };

  const answer = async (): Promise<CallOutput<'desktop.settings.get'>> => ({ settings: preferences(current) });
  const dispatch = handle<undefined>({
    ...elsewhere,
    'desktop.settings.get': answer,
    'desktop.settings.update': async (patch) => ({ settings: await update(patch) }),
  });

  return {
    get current() {
      return current;
    },
    update,
    rememberWindow(bounds) {
      const next = { ...current, window: bounds };
      save(next);
      current = next;
    },
    dispatch: (frame) => dispatch(frame, undefined),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** handle() wants a handler for every call; only `desktop.*` frames are routed here (isDesktopCall), so the rest say where they belong. */
const elsewhere = Object.fromEntries(
  Object.keys(calls).map((name) => [
    name,
    () => {
      throw new RpcError('unknown_call', `${name} is answered by the engine, not the desktop shell`);
    },
  ]),
) as unknown as Handlers<undefined>;

/** A call frame the shell answers itself; anything else (malformed frames included) goes to the engine, which validates it. */
export function isDesktopCall(frame: unknown): boolean {
  if (typeof frame !== 'object' || frame === null) return false;
  const { t, name } = frame as { t?: unknown; name?: unknown };
  return t === 'call' && typeof name === 'string' && name.startsWith('desktop.');
}

/**
 * The engine as the page sees it in the desktop app: `desktop.*` calls are
 * answered by the shell, everything else by the engine; events are the
 * engine's plus the shell's own `desktop.settings.changed`.
 */
export function withDesktopCalls(engine: EngineEndpoint, desktop: DesktopSettingsCalls): EngineEndpoint {
  return {
    dispatch: (frame) => (isDesktopCall(frame) ? desktop.dispatch(frame) : engine.dispatch(frame)),
    subscribe(listener: (frame: EventFrame) => void) {
      const fromEngine = engine.subscribe(listener);
      const fromShell = desktop.onChange(() => listener({ t: 'event', name: 'desktop.settings.changed', payload: {} }));
      return () => {
        fromEngine();
        fromShell();
      };
    },
  };
}
