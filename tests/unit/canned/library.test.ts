import { describe, expect, it } from 'vitest';
import type { CannedReplyFields } from '../../../shared/domain';
import { RpcError } from '../../../shared/rpc';
import { newDataDir } from '../helpers/engine';
import { cannedWorkspace } from './workspace';

const REFUND: CannedReplyFields = { title: 'Refund', body: 'Your refund is on its way, {{contact.first_name}}.', lang: 'en', tags: ['billing'], shortcut: 'refund' };

function auditActions(w: ReturnType<typeof cannedWorkspace>): { action: string; entity_id: string }[] {
  return w.engine.db.prepare<[], { action: string; entity_id: string }>("SELECT action, entity_id FROM audit_log WHERE entity = 'canned_reply' ORDER BY rowid").all();
}

describe('canned library through the contract', () => {
  it('creates, edits, duplicates and deletes, recording each in the audit log', async () => {
    const w = cannedWorkspace();
    await w.emptyLibrary();
    const { client } = w;

    const created = await client.call('canned.save', REFUND);
    expect(created).toMatchObject({ ...REFUND, id: expect.any(String) });
    expect((await client.call('canned.list', { limit: 10 })).replies).toEqual([created]);

    const edited = await client.call('canned.save', { ...REFUND, id: created.id, title: 'Refund started', tags: ['billing', 'refund'] });
    expect(edited).toMatchObject({ id: created.id, title: 'Refund started', tags: ['billing', 'refund'], createdAt: created.createdAt });

    const copy = await client.call('canned.duplicate', { id: created.id });
    expect(copy).toMatchObject({ title: 'Refund started (copy)', body: REFUND.body, lang: 'en', tags: ['billing', 'refund'], shortcut: null });
    expect(copy.id).not.toBe(created.id);

    await client.call('canned.delete', { id: created.id });
    expect((await client.call('canned.list', { limit: 10 })).replies.map((r) => r.id)).toEqual([copy.id]);
    await expect(client.call('canned.delete', { id: created.id })).rejects.toMatchObject({ code: 'not_found' });

    expect(auditActions(w).slice(-4)).toEqual([
      { action: 'canned.create', entity_id: created.id },
      { action: 'canned.update', entity_id: created.id },
      { action: 'canned.create', entity_id: copy.id },
      { action: 'canned.delete', entity_id: created.id },
    ]);
    expect(w.eventsNamed('canned.changed').length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a shortcut another reply has, in any case, and keeps its own on an edit', async () => {
    const { client } = cannedWorkspace();
    const first = await client.call('canned.save', { ...REFUND, shortcut: 'kasa' });
    const error = await client.call('canned.save', { ...REFUND, title: 'Other', shortcut: 'KASA' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 'refused', message: expect.stringContaining('Refund') });
    await expect(client.call('canned.save', { ...REFUND, id: first.id, body: 'Changed.', shortcut: 'Kasa' })).resolves.toMatchObject({ shortcut: 'kasa', body: 'Changed.' });
  });

  it('refuses an empty title and a tag with the CSV separator before writing', async () => {
    const { client } = cannedWorkspace();
    await expect(client.call('canned.save', { ...REFUND, title: '  ' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.call('canned.save', { ...REFUND, tags: ['a;b'] })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('seeds the default library once: deleting every reply does not bring them back at the next start', async () => {
    const dataDir = newDataDir();
    const first = cannedWorkspace(dataDir);
    const seeded = (await first.client.call('canned.list', { limit: 500 })).replies;
    expect(new Set(seeded.map((r) => r.lang))).toEqual(new Set(['en', 'ru', 'pl']));
    await first.emptyLibrary();
    await first.close();

    const again = cannedWorkspace(dataDir);
    expect((await again.client.call('canned.list', { limit: 500 })).replies).toEqual([]);
  });
});
