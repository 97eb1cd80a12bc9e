import type { Db } from '../open';

/** The workspace's own words (brand and product names) that spelling accepts. */
export class CustomWordsRepo {
  private readonly selectAll;
  private readonly insert;

  constructor(db: Db) {
    this.selectAll = db.prepare<[], string>('SELECT word FROM custom_words ORDER BY word').pluck();
    this.insert = db.prepare('INSERT OR IGNORE INTO custom_words (word, added_at, added_by) VALUES (?, ?, ?)');
  }

  list(): string[] {
    return this.selectAll.all();
  }

  /** False when the word is already there in any case. */
  add(word: string, at: number, actor: string): boolean {
    return this.insert.run(word, at, actor).changes > 0;
  }
}
