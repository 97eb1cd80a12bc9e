import type { Tag } from '../../../../shared/domain';
import type { Db } from '../open';

/** Colours a new tag gets in turn when the agent does not pick one: distinct, and readable as text on white. */
const PALETTE = ['#c62828', '#ad1457', '#6a1b9a', '#283593', '#00695c', '#2e7d32', '#9e7700', '#d84315', '#4e342e', '#37474f'];

export class TagsRepo {
  private readonly selectAll;
  private readonly selectOne;
  private readonly selectByName;
  private readonly insert;
  private readonly update;
  private readonly copyTagged;
  private readonly remove;
  private readonly countAll;
  private readonly attach;
  private readonly detach;
  private readonly tagIdsOf;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], Tag & { count: number }>(
      `SELECT t.id, t.name, t.color, (SELECT count(*) FROM conversation_tags ct WHERE ct.tag_id = t.id) AS count
       FROM tags t ORDER BY t.name COLLATE NOCASE`,
    );
    this.selectOne = db.prepare<[string], Tag>('SELECT id, name, color FROM tags WHERE id = ?');
    this.selectByName = db.prepare<[string], Tag>('SELECT id, name, color FROM tags WHERE name = ?');
    this.insert = db.prepare('INSERT INTO tags (id, name, color) VALUES (?, ?, ?)');
    this.update = db.prepare('UPDATE tags SET name = ?, color = ? WHERE id = ?');
    this.copyTagged = db.prepare('INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id) SELECT conversation_id, ? FROM conversation_tags WHERE tag_id = ?');
    this.remove = db.prepare('DELETE FROM tags WHERE id = ?');
    this.countAll = db.prepare<[], number>('SELECT count(*) FROM tags').pluck();
    this.attach = db.prepare('INSERT OR IGNORE INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)');
    this.detach = db.prepare('DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?');
    this.tagIdsOf = db.prepare<[string], string>('SELECT tag_id FROM conversation_tags WHERE conversation_id = ? ORDER BY tag_id').pluck();
  }

  list(): (Tag & { count: number })[] {
    return this.selectAll.all();
  }

  get(id: string): Tag | undefined {
    return this.selectOne.get(id);
  }

  /** Names are unique without regard to case ("Refund" and "refund" are one tag). */
  byName(name: string): Tag | undefined {
    return this.selectByName.get(name);
  }

  create(id: string, name: string, color?: string): Tag {
    const tag = { id, name, color: color ?? PALETTE[this.countAll.get()! % PALETTE.length]! };
    this.insert.run(tag.id, tag.name, tag.color);
    return tag;
  }

  rename(tag: Tag): void {
    this.update.run(tag.name, tag.color, tag.id);
  }

  /** Every conversation tagged `from` gets `into`; `from` and its links go. */
  merge(from: string, into: string): void {
    this.db.transaction(() => {
      this.copyTagged.run(into, from);
      this.remove.run(from);
    })();
  }

  setOn(conversationId: string, tagId: string, on: boolean): void {
    (on ? this.attach : this.detach).run(conversationId, tagId);
  }

  tagsOf(conversationId: string): string[] {
    return this.tagIdsOf.all(conversationId);
  }
}
