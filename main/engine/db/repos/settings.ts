import type { z } from 'zod';
import type { Db } from '../open';

/**
 * Typed settings. A stored value that no longer fits its schema (hand-edited,
 * or written by a buggy build) falls back to the default and is reported,
 * instead of breaking whoever reads it.
 */
export class SettingsRepo {
  private readonly selectOne;
  private readonly upsert;

  constructor(
    db: Db,
    private readonly onInvalid: (key: string, problem: string) => void = () => {},
  ) {
    this.selectOne = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  get<T extends z.ZodType>(key: string, schema: T, fallback: z.output<T>): z.output<T> {
    const raw = this.selectOne.get(key);
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    this.onInvalid(key, parsed.error.message);
    return fallback;
  }

  set(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value));
  }
}
