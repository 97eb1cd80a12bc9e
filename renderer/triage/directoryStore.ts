import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Agent, Tag } from '../../shared/domain';
import type { Client } from '../../shared/rpc';

export interface DirectoryState {
  tags: readonly (Tag & { count: number })[];
  agents: readonly Agent[];
  /** By id, for rows: built once per read, not once per row. */
  tagById: ReadonlyMap<string, Tag>;
  agentById: ReadonlyMap<string, Agent>;
}

export interface DirectoryStore {
  state: StoreApi<DirectoryState>;
  /** Reads tags and agents (on start, on directory.changed, on reconnect). */
  read(): void;
  createTag(name: string, color?: string): Promise<Tag>;
  updateTag(id: string, change: { name?: string; color?: string }): Promise<Tag>;
  mergeTag(from: string, into: string): Promise<Tag>;
  createAgent(name: string): Promise<Agent>;
}

/** Tags and colleagues: who and what a conversation can be given. Writes re-read, since the engine's answer is the truth. */
export function createDirectoryStore(client: Client): DirectoryStore {
  const state = createStore<DirectoryState>(() => ({ tags: [], agents: [], tagById: new Map(), agentById: new Map() }));
  const readTags = () =>
    client.call('tags.list', {}).then(
      ({ tags }) => state.setState({ tags, tagById: new Map(tags.map((tag) => [tag.id, tag])) }),
      () => undefined,
    );
  const readAgents = () =>
    client.call('agents.list', {}).then(
      ({ agents }) => state.setState({ agents, agentById: new Map(agents.map((agent) => [agent.id, agent])) }),
      () => undefined,
    );
  const thenRead = <T>(result: T) => {
    void readTags();
    void readAgents();
    return result;
  };
  return {
    state,
    read() {
      void readTags();
      void readAgents();
    },
    createTag: (name, color) => client.call('tags.create', color === undefined ? { name } : { name, color }).then(thenRead),
    updateTag: (id, change) => client.call('tags.update', { id, ...change }).then(thenRead),
    mergeTag: (from, into) => client.call('tags.merge', { from, into }).then(thenRead),
    createAgent: (name) => client.call('agents.create', { name }).then(thenRead),
  };
}
