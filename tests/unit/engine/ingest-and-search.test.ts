import { describe, expect, it } from 'vitest';
import { indexIsConsistent, ingestWorkspace, message } from '../helpers/inbound';

describe('ingest', () => {
  it('groups messages into conversations with contact, preview and newest-first order', () => {
    const { repos, ingest } = ingestWorkspace();
    const result = ingest([message('t1', 'first', 10), message('t2', 'other', 20), message('t1', '  second\n\nline  ', 30)]);
    expect(result.inserted).toBe(3);
    const page = repos.conversations.page('needs_reply', 0, 10);
    expect(page.total).toBe(2);
    expect(page.items.map((c) => [c.contactName, c.preview, c.lastMessageAt])).toEqual([
      ['Customer t1', 'second line', 30],
      ['Customer t2', 'other', 20],
    ]);
  });

  it('is idempotent: re-ingesting a page adds nothing', () => {
    const { db, ingest } = ingestWorkspace();
    const page = [message('t1', 'a', 1), message('t1', 'b', 2)];
    ingest(page);
    expect(ingest(page)).toMatchObject({ inserted: 0, conversationIds: [] });
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(2);
  });

  it('reopens a pending or closed conversation when the customer writes again, but not for an older message', () => {
    const { db, repos, ingest } = ingestWorkspace();
    ingest([message('t1', 'hello', 100)]);
    const id = repos.conversations.page('needs_reply', 0, 1).items[0]!.id;
    db.prepare("UPDATE conversations SET status = 'closed' WHERE id = ?").run(id);
    ingest([message('t1', 'late arrival from the past', 50)]);
    expect(repos.conversations.get(id)!.status).toBe('closed');
    ingest([message('t1', 'are you there?', 200)]);
    expect(repos.conversations.get(id)!.status).toBe('open');
  });

  it('a brand reply made elsewhere moves the conversation to pending', () => {
    const { repos, ingest } = ingestWorkspace();
    ingest([message('t1', 'question', 100), message('t1', 'answer', 200, { direction: 'out', author: { platformId: 'brand', name: 'Northwind', handle: '' } })]);
    expect(repos.conversations.page('pending', 0, 10).items.map((c) => c.preview)).toEqual(['answer']);
  });

  it('stores hostile bodies exactly as sent', () => {
    const { repos, ingest } = ingestWorkspace();
    const hostile = '<img src=x onerror=alert(1)> \u202Eevil\u202C zero\u200Bwidth <script>alert("x")</script>';
    ingest([message('t1', hostile, 1)]);
    const id = repos.conversations.page('all', 0, 1).items[0]!.id;
    expect(repos.messages.listByConversation(id)[0]!.body).toBe(hostile);
  });

  it('writes each page to the search index as one segment, not one per message', () => {
    // Guards the single-statement page insert: FTS5 flushes a segment at every
    // statement, so a per-row insert loop would leave 1,000 segments here.
    const { db, ingest } = ingestWorkspace();
    db.prepare("INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 0)").run();
    for (let page = 0; page < 5; page++) {
      ingest(Array.from({ length: 200 }, (_, i) => message(`seg${i % 40}`, `order ${page} ${i} arrived late`, page * 1000 + i)));
    }
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1000);
    expect(db.prepare('SELECT count(DISTINCT segid) FROM messages_fts_idx').pluck().get()).toBe(5);
    indexIsConsistent(db);
  });

  it('pages through a view by offset with a stable total', () => {
    const { repos, ingest } = ingestWorkspace();
    ingest(Array.from({ length: 120 }, (_, i) => message(`t${i}`, `message ${i}`, i)));
    const seen = new Set<string>();
    for (let offset = 0; offset < 120; offset += 50) {
      const page = repos.conversations.page('needs_reply', offset, 50);
      expect(page.total).toBe(120);
      page.items.forEach((c) => seen.add(c.id));
    }
    expect(seen.size).toBe(120);
    expect(repos.conversations.page('closed', 0, 50)).toEqual({ total: 0, items: [] });
  });
});

describe('settings', () => {
  it('falls back to the default when a stored value is corrupt, and reports it', async () => {
    const { db } = ingestWorkspace();
    const problems: string[] = [];
    const { SettingsRepo } = await import('../../../main/engine/db/repos/settings');
    const { Language } = await import('../../../shared/domain');
    const settings = new SettingsRepo(db, (key) => problems.push(key));
    db.prepare("INSERT INTO settings (key, value) VALUES ('ui.language', '\"klingon\"')").run();
    expect(settings.get('ui.language', Language.nullable(), null)).toBeNull();
    expect(problems).toEqual(['ui.language']);
    settings.set('ui.language', 'pl');
    expect(settings.get('ui.language', Language.nullable(), null)).toBe('pl');
  });
});
