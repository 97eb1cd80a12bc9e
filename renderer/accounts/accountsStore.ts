import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallInput, CallOutput } from '../../shared/contract';
import type { AccountDetails, Platform } from '../../shared/domain';
import type { Client } from '../../shared/rpc';

export interface AccountsState {
  accounts: readonly AccountDetails[];
  /** Null until the first read: the screen does not claim a keychain is missing before it knows. */
  keychain: CallOutput<'accounts.list'>['keychain'] | null;
  platforms: readonly Platform[];
  readError: unknown;
}

/**
 * The accounts screen's view of the engine. The engine answers every change
 * with accounts.changed, which re-reads the list; each action resolves with
 * the engine's answer, or rejects with its refusal for the screen to word.
 * Tokens pass through these calls and are never kept here.
 */
export interface AccountsStore {
  state: StoreApi<AccountsState>;
  read(): void;
  add(input: CallInput<'accounts.add'>): Promise<AccountDetails>;
  test(id: string): Promise<CallOutput<'accounts.test'>>;
  pause(id: string): Promise<AccountDetails>;
  resume(id: string): Promise<AccountDetails>;
  reconnect(id: string, token: string): Promise<AccountDetails>;
  remove(id: string): Promise<void>;
}

export function createAccountsStore(client: Client): AccountsStore {
  const state = createStore<AccountsState>(() => ({ accounts: [], keychain: null, platforms: [], readError: null }));
  let reads = 0;
  const read = () => {
    // Reads may cross; only the latest one's answer is shown.
    const mine = ++reads;
    client.call('accounts.list', {}).then(
      ({ accounts, keychain, platforms }) => mine === reads && state.setState({ accounts, keychain, platforms, readError: null }),
      (error: unknown) => mine === reads && state.setState({ readError: error }),
    );
  };
  const andRead = async <T>(call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } finally {
      read();
    }
  };
  return {
    state,
    read,
    add: (input) => andRead(client.call('accounts.add', input)),
    test: (id) => andRead(client.call('accounts.test', { id })),
    pause: (id) => andRead(client.call('accounts.pause', { id })),
    resume: (id) => andRead(client.call('accounts.resume', { id })),
    reconnect: (id, token) => andRead(client.call('accounts.reconnect', { id, token })),
    remove: async (id) => {
      await andRead(client.call('accounts.remove', { id }));
    },
  };
}
