import { describe, expect, it } from 'vitest';
import { renderCanned } from '../../../main/engine/canned/render';
import { sentUnchanged } from '../../../main/engine/canned/unchanged';
import { cannedWorkspace, type CannedWorkspace } from './workspace';

const CONTEXT = { contact: { name: 'Anna Kowalska' }, agent: { name: 'Marek' }, account: { name: 'Northwind' }, platform: 'Facebook' };
const BODY = 'Thanks for waiting, {{contact.first_name}}. Your order {{? order number }} left our warehouse today.';

describe('sentUnchanged', () => {
  const rendered = renderCanned(BODY, CONTEXT);

  it('counts a reply with only its fill-in fields filled, or re-wrapped, as unchanged', () => {
    expect(sentUnchanged('Thanks for waiting, Anna. Your order 4471-22 left our warehouse today.', rendered)).toBe(true);
    expect(sentUnchanged('  Thanks for waiting, Anna.\nYour order  4471 left our\twarehouse today.\n', rendered)).toBe(true);
  });

  it('counts any other edit as personal: a sentence added, a word changed, the name changed', () => {
    expect(sentUnchanged('Thanks for waiting, Anna. Your order 4471 left our warehouse today. It should be with you by Friday.', rendered)).toBe(false);
    expect(sentUnchanged('Thank you for waiting, Anna. Your order 4471 left our warehouse today.', rendered)).toBe(false);
    expect(sentUnchanged('Thanks for waiting, Ania. Your order 4471 left our warehouse today.', rendered)).toBe(false);
  });

  it('treats regular-expression characters in the canned text literally', () => {
    const tricky = renderCanned('Price (with VAT): $9.99+ [{{? item }}] — really?', CONTEXT);
    expect(sentUnchanged('Price (with VAT): $9.99+ [mug] — really?', tricky)).toBe(true);
    expect(sentUnchanged('Price (with VAT): $9X99+ [mug] — really?', tricky)).toBe(false);
  });
});

/** Sends the canned reply with its field filled to a new customer; resolves to the message id. */
async function sendTo(w: CannedWorkspace, cannedId: string, name: string, text?: string): Promise<{ conversationId: string; messageId: string }> {
  const conversationId = w.conversationWith({ name });
  const first = name.split(' ')[0];
  const body = text ?? `Thanks for waiting, ${first}. Your order 1000 left our warehouse today.`;
  const message = await w.client.call('reply.send', { conversationId, clientId: `c-${conversationId}`, body, cannedId });
  return { conversationId, messageId: message.id };
}

async function repeatedFinding(w: CannedWorkspace, cannedId: string, name = 'Zoe Next') {
  const conversationId = w.conversationWith({ name });
  const { findings } = await w.client.call('checks.run', { conversationId, text: 'Thanks for waiting, Zoe. Your order 77 left our warehouse today.', cannedId });
  return findings.find((f) => f.kind === 'repeated_canned');
}

const CUSTOMERS = ['Anna Nowak', 'Boris Petrov', 'Chloe Martin', 'Dmitri Orlov', 'Ewa Lis', 'Frank Stone'];

describe('the repeated-canned check through the engine', () => {
  it('warns once a canned reply went unchanged to more customers than the limit in 24 hours, and counts the sends', async () => {
    const w = cannedWorkspace(undefined, { undoWindowMs: 60_000 });
    const { id } = await w.client.call('canned.save', { title: 'Shipped', body: BODY, lang: 'en', tags: [], shortcut: null });
    for (const name of CUSTOMERS.slice(0, 5)) await sendTo(w, id, name);
    expect(await repeatedFinding(w, id)).toBeUndefined(); // five is the limit, not over it

    const sixth = await sendTo(w, id, CUSTOMERS[5]!);
    const finding = await repeatedFinding(w, id);
    expect(finding).toMatchObject({ severity: 'warn', rule: 'repeated_canned', params: { count: 6 } });

    // A personalized reply is not a repeat, whatever the count.
    const conversationId = w.conversationWith({ name: 'Zoe Next' });
    const personal = await w.client.call('checks.run', {
      conversationId,
      text: 'Thanks for waiting, Zoe. Your order 77 left our warehouse today. I added a sample of the tea you asked about.',
      cannedId: id,
    });
    expect(personal.findings.filter((f) => f.kind === 'repeated_canned')).toEqual([]);

    // Taking a reply back in its undo window takes its use back.
    await w.client.call('reply.undo', { messageId: sixth.messageId });
    expect(await repeatedFinding(w, id)).toBeUndefined();
  });

  it('does not count the same customer twice, nor personalized sends, and follows the workspace limit', async () => {
    const w = cannedWorkspace();
    const { id } = await w.client.call('canned.save', { title: 'Shipped', body: BODY, lang: 'en', tags: [], shortcut: null });
    await sendTo(w, id, 'Anna Nowak');
    await sendTo(w, id, 'Boris Petrov', 'Thanks for waiting, Boris. Your order 5 left our warehouse today — and sorry about the box last time.');
    await w.client.call('settings.update', { cannedRepeatLimit: 0 });
    expect((await w.client.call('settings.get', {})).cannedRepeatLimit).toBe(0);
    expect(await repeatedFinding(w, id)).toMatchObject({ params: { count: 1 } });

    const uses = w.engine.db.prepare('SELECT unchanged FROM canned_uses ORDER BY rowid').pluck().all();
    expect(uses).toEqual([1, 0]);
    // The customer who already got it is not "another" customer when they get it again.
    const { findings } = await w.client.call('checks.run', {
      conversationId: w.engine.db.prepare("SELECT id FROM conversations WHERE contact_id IN (SELECT id FROM contacts WHERE name = 'Anna Nowak')").pluck().get() as string,
      text: 'Thanks for waiting, Anna. Your order 2 left our warehouse today.',
      cannedId: id,
    });
    expect(findings.filter((f) => f.kind === 'repeated_canned')).toEqual([]);
  });

  it('forgets sends older than 24 hours, and refuses the override-free send while it warns', async () => {
    let now = Date.now();
    const w = cannedWorkspace(undefined, { now: () => now });
    await w.client.call('settings.update', { cannedRepeatLimit: 1 });
    const { id } = await w.client.call('canned.save', { title: 'Shipped', body: BODY, lang: 'en', tags: [], shortcut: null });
    await sendTo(w, id, 'Anna Nowak');
    await sendTo(w, id, 'Boris Petrov');
    expect(await repeatedFinding(w, id)).toMatchObject({ params: { count: 2 } });

    const conversationId = w.conversationWith({ name: 'Chloe Martin' });
    const body = 'Thanks for waiting, Chloe. Your order 9 left our warehouse today.';
    await expect(w.client.call('reply.send', { conversationId, clientId: 'c-refused', body, cannedId: id })).rejects.toMatchObject({ code: 'refused' });
    await w.client.call('reply.send', { conversationId, clientId: 'c-refused', body, cannedId: id, overrides: ['repeated_canned'] });

    now += 24 * 60 * 60 * 1000 + 1;
    expect(await repeatedFinding(w, id)).toBeUndefined();
  });
});

describe('canned.list by tag', () => {
  it('keeps the replies with the tag, in any case, still ranked by language', async () => {
    const w = cannedWorkspace();
    const handoff = (await w.client.call('canned.list', { tag: 'HANDOFF', lang: 'ru', limit: 10 })).replies;
    expect(handoff.map((r) => r.lang).sort()).toEqual(['en', 'pl', 'ru']);
    expect(handoff[0]!.lang).toBe('ru');
    expect(handoff.every((r) => r.tags.some((t) => t.toLowerCase() === 'handoff'))).toBe(true);
  });
});
