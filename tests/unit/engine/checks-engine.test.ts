import { describe, expect, it } from 'vitest';
import type { ConversationKind } from '../../../shared/domain';
import type { Client } from '../../../shared/rpc';
import { newDataDir, sandbox, startEngine, waitForConversations, type RunningEngine } from '../helpers/engine';

const PHONE_REPLY = 'Call us at +48 601 234 567, we will sort it out.';
const MINIMIZING_REPLY = 'Simply restart the app and it works again.';

async function conversationOf(client: Client, kind: ConversationKind) {
  await waitForConversations(client, 20);
  const { items } = await client.call('inbox.list', { view: 'all', filter: { kind }, offset: 0, limit: 1 });
  expect(items, `the sandbox has a ${kind}`).toHaveLength(1);
  return items[0]!;
}

async function settle(client: Client, conversationId: string, messageId: string) {
  await expect
    .poll(async () => (await client.call('conversation.get', { id: conversationId })).messages.find((m) => m.id === messageId)?.state, { timeout: 10_000 })
    .toBe('sent');
}

function refusalOf(call: Promise<unknown>) {
  return call.then(
    () => expect.unreachable('the send was refused'),
    (error: unknown) => error,
  );
}

function outboundCount({ engine }: RunningEngine, conversationId: string): number {
  return engine.db.prepare<[string], number>("SELECT count(*) FROM messages WHERE conversation_id = ? AND direction = 'out'").pluck().get(conversationId)!;
}

function outboxCount({ engine }: RunningEngine, conversationId: string): number {
  return engine.db.prepare<[string], number>('SELECT count(*) FROM outbox WHERE conversation_id = ?').pluck().get(conversationId)!;
}

describe('checks in the engine', () => {
  it('refuses a public reply carrying a phone number and queues nothing; the same text goes out privately', async () => {
    const platform = await sandbox();
    const running = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const { client } = running;
    const comment = await conversationOf(client, 'comment');
    const before = { messages: outboundCount(running, comment.id), outbox: outboxCount(running, comment.id) };

    const refusal = await refusalOf(client.call('reply.send', { conversationId: comment.id, clientId: 'phone-public', body: PHONE_REPLY, overrides: ['personal_data.phone'] }));
    // A block is not overridable: naming it in overrides changes nothing.
    expect(refusal).toMatchObject({ code: 'refused', issues: [{ path: 'personal_data.phone', message: '+48 601 234 567' }] });
    expect({ messages: outboundCount(running, comment.id), outbox: outboxCount(running, comment.id) }).toEqual(before);

    const message = await client.call('reply.send', { conversationId: comment.id, clientId: 'phone-private', body: PHONE_REPLY, visibility: 'private' });
    expect(message).toMatchObject({ visibility: 'private', state: 'queued' });
    await settle(client, comment.id, message.id);
    expect(platform.published().filter((reply) => reply.text === PHONE_REPLY)).toEqual([expect.objectContaining({ visibility: 'private' })]);
  });

  it('refuses a warning unless it is overridden, and writes each override to the audit log with the rule and the text', async () => {
    const platform = await sandbox();
    const running = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const { client, engine } = running;
    const dm = await conversationOf(client, 'dm');

    const refusal = await refusalOf(client.call('reply.send', { conversationId: dm.id, clientId: 'simply', body: MINIMIZING_REPLY }));
    expect(refusal).toMatchObject({ code: 'refused', issues: [{ path: 'tone.minimizing', message: 'Simply' }] });
    expect(outboxCount(running, dm.id)).toBe(0);

    const message = await client.call('reply.send', { conversationId: dm.id, clientId: 'simply', body: MINIMIZING_REPLY, overrides: ['tone.minimizing'] });
    await settle(client, dm.id, message.id);
    const audit = engine.db
      .prepare<[string], { actor: string; action: string; data: string }>("SELECT actor, action, data FROM audit_log WHERE entity = 'message' AND entity_id = ? ORDER BY id")
      .all(message.id)
      .map((row) => ({ ...row, data: JSON.parse(row.data) as unknown }));
    expect(audit).toEqual(
      expect.arrayContaining([{ actor: 'me', action: 'check.override', data: { conversationId: dm.id, rule: 'tone.minimizing', text: 'Simply' } }]),
    );

    // The same client id again is the same reply retried: it gets its message back, without a second override entry.
    const retried = await client.call('reply.send', { conversationId: dm.id, clientId: 'simply', body: MINIMIZING_REPLY });
    expect(retried.id).toBe(message.id);
    expect(engine.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'check.override'").pluck().get()).toBe(1);
    expect(platform.published().filter((reply) => reply.text === MINIMIZING_REPLY)).toHaveLength(1);
  });

  it('keeps two concurrent sends with one client id to one message', async () => {
    const platform = await sandbox();
    const running = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const dm = await conversationOf(running.client, 'dm');
    const send = () => running.client.call('reply.send', { conversationId: dm.id, clientId: 'twice', body: MINIMIZING_REPLY, overrides: ['tone.minimizing'] });
    const [a, b] = await Promise.all([send(), send()]);
    expect(b.id).toBe(a.id);
    expect(outboxCount(running, dm.id)).toBe(1);
    expect(running.engine.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'check.override'").pluck().get()).toBe(1);
  });

  it('reports a misspelling with suggestions', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const dm = await conversationOf(client, 'dm');
    const text = 'Thank you, we will recieve it tomorrow.';
    const result = await client.call('checks.run', { conversationId: dm.id, text });
    expect(result.lang).toBe('en');
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'spelling', severity: 'warn', text: 'recieve', start: text.indexOf('recieve'), suggestions: expect.arrayContaining(['receive']), fix: 'replace' }),
    ]);
  });

  it('accepts a brand name once it is in the dictionary, after a restart too', async () => {
    const platform = await sandbox();
    const dataDir = newDataDir();
    const first = startEngine(dataDir, { demoSandboxUrl: platform.url });
    const dm = await conversationOf(first.client, 'dm');
    const text = 'Zylofon arrives tomorrow.';
    const spelling = async (client: Client, reply: string) => (await client.call('checks.run', { conversationId: dm.id, text: reply })).findings.filter((f) => f.kind === 'spelling');

    expect(await spelling(first.client, text)).toEqual([expect.objectContaining({ text: 'Zylofon' })]);
    await first.client.call('dictionary.add', { word: 'Zylofon' });
    await first.client.call('dictionary.add', { word: 'ZYLOFON' }); // the same word in another case
    expect(await spelling(first.client, text)).toEqual([]);
    // The live spell engine knows it too: it is what suggests it for a typo.
    expect(await spelling(first.client, 'Zylofonn arrives tomorrow.')).toEqual([expect.objectContaining({ suggestions: expect.arrayContaining(['Zylofon']) })]);
    expect(first.engine.db.prepare("SELECT actor, data FROM audit_log WHERE action = 'dictionary.add'").all()).toEqual([{ actor: 'me', data: JSON.stringify({ word: 'Zylofon' }) }]);
    await first.close();

    const second = startEngine(dataDir, { demoSandboxUrl: platform.url });
    expect(await second.client.call('dictionary.list', {})).toEqual({ words: ['Zylofon'] });
    expect(await spelling(second.client, text)).toEqual([]);
    const message = await second.client.call('reply.send', { conversationId: dm.id, clientId: 'brand', body: text });
    expect(message.body).toBe(text);
  });

  it('refuses a word that is not one word', async () => {
    const { client } = startEngine(newDataDir());
    await expect(client.call('dictionary.add', { word: 'two words' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await client.call('dictionary.list', {})).toEqual({ words: [] });
  });

  it('checks a DM as private and a comment as public unless told otherwise', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const [dm, comment] = [await conversationOf(client, 'dm'), await conversationOf(client, 'comment')];
    const rules = async (conversationId: string, visibility?: 'public' | 'private') =>
      (await client.call('checks.run', { conversationId, text: PHONE_REPLY, visibility })).findings.map((f) => f.rule);

    expect(await rules(dm.id)).toEqual([]);
    expect(await rules(dm.id, 'public')).toEqual(['personal_data.phone']);
    expect(await rules(comment.id)).toEqual(['personal_data.phone']);
    await expect(client.call('checks.run', { conversationId: 'no-such', text: PHONE_REPLY })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers hostile input instead of crashing', async () => {
    const platform = await sandbox();
    const { client } = startEngine(newDataDir(), { demoSandboxUrl: platform.url });
    const comment = await conversationOf(client, 'comment');

    const invisible = await client.call('checks.run', { conversationId: comment.id, text: '\u200b'.repeat(10_000) });
    expect(invisible.findings.filter((f) => f.severity === 'block')).toEqual([]);

    // Bidi overrides and zero-width spaces inside a phone number hide nothing; spans point into the text as given.
    const unit = '\u202eCall \u202d+48\u200b601\u200b234\u200b567\u202c ';
    const text = unit.repeat(Math.floor(10_000 / unit.length));
    const hostile = await client.call('checks.run', { conversationId: comment.id, text });
    const phones = hostile.findings.filter((f) => f.rule === 'personal_data.phone');
    expect(phones).toHaveLength(Math.floor(10_000 / unit.length));
    for (const phone of phones) expect(text.slice(phone.start, phone.end)).toBe(phone.text);
    await expect(client.call('reply.send', { conversationId: comment.id, clientId: 'hostile', body: text })).rejects.toMatchObject({ code: 'refused' });
  });
});
