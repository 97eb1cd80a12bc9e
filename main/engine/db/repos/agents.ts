import type { Agent } from '../../../../shared/domain';
import type { Db } from '../open';

/** The people a conversation can be assigned to: "me" (made by migration 003) and named colleagues. */
export class AgentsRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByName;
  private readonly insert;

  constructor(db: Db) {
    const columns = 'id, name, is_me AS isMe FROM agents';
    this.selectAll = db.prepare<[], { id: string; name: string; isMe: 0 | 1 }>(`SELECT ${columns} ORDER BY is_me DESC, name COLLATE NOCASE`);
    this.selectOne = db.prepare<[string], { id: string; name: string; isMe: 0 | 1 }>(`SELECT ${columns} WHERE id = ?`);
    this.selectByName = db.prepare<[string], { id: string; name: string; isMe: 0 | 1 }>(`SELECT ${columns} WHERE name = ?`);
    this.insert = db.prepare('INSERT INTO agents (id, name, is_me, created_at) VALUES (?, ?, 0, ?)');
  }

  list(): Agent[] {
    return this.selectAll.all().map(toAgent);
  }

  get(id: string): Agent | undefined {
    const row = this.selectOne.get(id);
    return row && toAgent(row);
  }

  byName(name: string): Agent | undefined {
    const row = this.selectByName.get(name);
    return row && toAgent(row);
  }

  create(id: string, name: string, at: number): Agent {
    this.insert.run(id, name, at);
    return { id, name, isMe: false };
  }
}

function toAgent(row: { id: string; name: string; isMe: 0 | 1 }): Agent {
  return { id: row.id, name: row.name, isMe: row.isMe === 1 };
}
