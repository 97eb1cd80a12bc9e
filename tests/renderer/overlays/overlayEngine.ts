import { calls, type CallInput, type CallOutput, type EventName, type EventPayload } from '../../../shared/contract';
import { DESKTOP_ONLY } from '../../../shared/desktop-settings';
import type { Language } from '../../../shared/domain';
import { DEFAULT_KEYMAP, resolveKeymap, type KeymapOverrides } from '../../../shared/keymap';
import { createClient, handle, RpcError, type Client, type EventFrame, type Handlers } from '../../../shared/rpc';
import { memoryTransport } from '../../../shared/rpc/transports/memory';
import { PriorityWeights } from '../../../shared/triage';

type SearchInput = CallInput<'search.messages'>;
type SearchOutput = CallOutput<'search.messages'>;

/** A search the test answers when it chooses, so answers can be made to arrive out of order. */
export interface PendingSearch {
  query: string;
  answer(output: SearchOutput): void;
  fail(error: RpcError): void;
}

/**
 * Just the calls the overlays make (settings, desktop settings and search), behind the real
 * contract and handle(); any other call fails loudly. Settings refuses a
 * conflicting keymap with invalid_input, as the engine does.
 */
export interface OverlayEngine {
  client: Client;
  language: Language | null;
  keymap: KeymapOverrides;
  /** The inputs of every settings.update, in order. */
  updates: CallInput<'settings.update'>[];
  /** Searches not yet answered, oldest first. */
  searches: PendingSearch[];
  /** The next settings.update is refused with this, whatever it holds. */
  refuseNextUpdate(error: RpcError): void;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export function createOverlayEngine(): OverlayEngine {
  const listeners = new Set<(frame: EventFrame) => void>();
  let refusal: RpcError | null = null;

  const unsupported = Object.fromEntries(
    Object.keys(calls).map((name) => [
      name,
      () => {
        throw new RpcError('internal', `${name} is not part of the overlay tests' engine`);
      },
    ]),
  ) as unknown as Handlers<undefined>;

  const settings = () => ({ language: engine.language, keymap: engine.keymap, priorityWeights: PriorityWeights.parse({}), undoWindowMs: 5_000, cannedRepeatLimit: 5 });

  // Settings' Desktop section asks too; refused as the engine (so the browser host) refuses it.
  const desktopOnly = () => {
    throw new RpcError('refused', DESKTOP_ONLY);
  };

  const dispatch = handle<undefined>({
    ...unsupported,
    'desktop.settings.get': desktopOnly,
    'desktop.settings.update': desktopOnly,
    'settings.get': settings,
    'settings.update': (input) => {
      engine.updates.push(input);
      const refused = refusal;
      refusal = null;
      if (refused) throw refused;
      if (input.keymap !== undefined) {
        if ('conflicts' in resolveKeymap(DEFAULT_KEYMAP, input.keymap)) throw new RpcError('invalid_input', 'The keymap has conflicting keys');
        engine.keymap = input.keymap;
      }
      return settings();
    },
    'search.messages': ({ query }: SearchInput) =>
      new Promise<SearchOutput>((resolve, reject) => {
        engine.searches.push({ query, answer: resolve, fail: reject });
      }),
  });

  const engine: OverlayEngine = {
    client: createClient(
      memoryTransport({
        dispatch: (frame) => dispatch(frame, undefined),
        subscribe(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      }),
    ),
    language: null,
    keymap: {},
    updates: [],
    searches: [],
    refuseNextUpdate(error) {
      refusal = error;
    },
    emit(name, payload) {
      for (const listener of listeners) listener({ t: 'event', name, payload });
    },
  };
  return engine;
}
