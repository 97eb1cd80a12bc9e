import { describe, expect, it } from 'vitest';
import type { InboundItem } from '../../../main/engine/inbox/ingest';
import { ingestWorkspace, message, reply } from '../helpers/inbound';

/**
 * The platform's own hidden flag coming in with sync (GitHub issue 5): a comment hidden by another
 * moderator in the platform's app, or before the account was connected, must show hidden here —
 * but never over the agent's own wish while the outbox carries it or after the platform refused it.
 */
function workspace() {
  const base = ingestWorkspace();
  const { db, repos, now } = base;
  /** The stored message read from the platform as `item`, as the screen gets it. */
  const stored = (item: InboundItem) => {
    const id = db.prepare<[string], string>('SELECT id FROM messages WHERE platform_id = ?').pluck().get(item.platformId)!;
    return repos.messages.get(id)!;
  };
  let rows = 0;
  /** The agent's hide or unhide of `item`'s message, as message.setHidden leaves it: the message changed, a pending outbox row. */
  const wish = (item: InboundItem, hidden: boolean) => {
    const target = stored(item);
    repos.messages.setHidden(target.id, hidden);
    const id = `row-${++rows}`;
    const action = hidden ? 'hide' : 'unhide';
    repos.outbox.enqueue({ id, accountId: 'acc', conversationId: target.conversationId, messageId: target.id, action, payload: {}, notBefore: now(), now: now() });
    return id;
  };
  return { ...base, stored, wish };
}

function comment(thread: string, body: string, at: number, hidden?: boolean): InboundItem {
  return message(thread, body, at, { thread: { platformId: thread, kind: 'comment', title: 'Our new roast', rating: null }, visibility: 'public', ...(hidden === undefined ? {} : { hidden }) });
}

/** The same comment read again from the platform, now saying `hidden` (or saying nothing). */
function readAgain(item: InboundItem, hidden: boolean | undefined): InboundItem {
  const { hidden: _before, ...rest } = item;
  return hidden === undefined ? rest : { ...rest, hidden };
}

describe('ingest: the platform’s hidden flag', () => {
  it('stores a new comment the platform already hides as hidden, with no wish pending; one it does not flag as shown', () => {
    const { ingest, stored } = workspace();
    const hidden = comment('c1', 'Cheap watches at spam.example', 10, true);
    const shown = comment('c2', 'Lovely coffee!', 20, false);
    const unsaid = comment('c3', 'When do you open?', 30);
    expect(ingest([hidden, shown, unsaid]).inserted).toBe(3);
    expect(stored(hidden)).toMatchObject({ hidden: true, hideState: null, hideError: null });
    expect(stored(shown).hidden).toBe(false);
    expect(stored(unsaid).hidden).toBe(false);
  });

  it('never marks the brand’s own message hidden, whatever the feed says', () => {
    const { ingest, stored } = workspace();
    const own = { ...reply('c1', 'Thanks for the kind words!', 10), hidden: true };
    ingest([comment('c1', 'Lovely coffee!', 5), own]);
    expect(stored(own).hidden).toBe(false);
  });

  it('hides a shown comment read again as hidden, and names its conversation as changed without reopening or re-dating it', () => {
    const { db, repos, ingest, stored, tick } = workspace();
    const first = comment('c1', 'Cheap watches at spam.example', 10, false);
    const later = comment('c1', 'Any news on my order?', 20);
    ingest([first, later]);
    const conversationId = stored(first).conversationId;
    db.prepare("UPDATE conversations SET status = 'closed' WHERE id = ?").run(conversationId);
    const before = repos.conversations.get(conversationId)!;
    tick(1_000);

    const result = ingest([readAgain(first, true), later]);
    expect(result).toEqual({ inserted: 0, conversationIds: [], hiddenChanged: [conversationId], reconciledMessageIds: [] });
    expect(stored(first)).toMatchObject({ hidden: true, hideState: null });
    expect(stored(later).hidden).toBe(false);
    expect(repos.conversations.get(conversationId)).toEqual(before);

    expect(ingest([readAgain(first, false)]).hiddenChanged).toEqual([conversationId]);
    expect(stored(first).hidden).toBe(false);
  });

  it('names a conversation that also gained a message once, as gaining it', () => {
    const { ingest, stored } = workspace();
    const first = comment('c1', 'Cheap watches at spam.example', 10, false);
    ingest([first]);
    const result = ingest([readAgain(first, true), comment('c1', 'Hello?', 20)]);
    expect(result).toMatchObject({ inserted: 1, conversationIds: [stored(first).conversationId], hiddenChanged: [] });
    expect(stored(first).hidden).toBe(true);
  });

  it('changes nothing and names nothing when the re-read agrees, or the platform says nothing', () => {
    const { ingest, stored } = workspace();
    const item = comment('c1', 'Cheap watches at spam.example', 10, true);
    ingest([item]);
    expect(ingest([item]).hiddenChanged).toEqual([]);
    expect(ingest([readAgain(item, undefined)]).hiddenChanged).toEqual([]);
    expect(stored(item).hidden).toBe(true);
  });

  it('takes the later of two reads of one comment in the same page', () => {
    const { ingest, stored } = workspace();
    const item = comment('c1', 'Cheap watches at spam.example', 10, false);
    ingest([item]);
    ingest([readAgain(item, true), readAgain(item, false), readAgain(item, true)]);
    expect(stored(item).hidden).toBe(true);
  });

  it.each([
    ['waits to be sent', 'pending'],
    ['is being sent', 'sending'],
    ['was refused by the platform', 'failed'],
  ] as const)('keeps the agent’s wish that %s over the platform’s older state', (_label, state) => {
    const { repos, ingest, stored, wish, now } = workspace();
    const item = comment('c1', 'Cheap watches at spam.example', 10, false);
    ingest([item]);
    const row = wish(item, true);
    if (state !== 'pending') repos.outbox.claim(row, now());
    if (state === 'failed') repos.outbox.fail(row, 'The comment was removed', now());

    expect(ingest([readAgain(item, false)]).hiddenChanged).toEqual([]);
    expect(stored(item)).toMatchObject({ hidden: true, hideState: state === 'failed' ? 'failed' : 'pending' });
  });

  it('takes the platform’s state again once the wish has landed, an older refusal notwithstanding', () => {
    const { repos, ingest, stored, wish, tick, now } = workspace();
    const item = comment('c1', 'Cheap watches at spam.example', 10, false);
    ingest([item]);
    const refused = wish(item, true);
    repos.outbox.claim(refused, now());
    repos.outbox.fail(refused, 'Try again later', now());
    const landed = wish(item, true);
    repos.outbox.claim(landed, now());
    repos.outbox.complete(landed, now());
    expect(stored(item)).toMatchObject({ hidden: true, hideState: null });
    tick(1_000);

    // Shown again by another moderator in the platform's own app, after the agent's hide landed.
    expect(ingest([readAgain(item, false)]).hiddenChanged).toEqual([stored(item).conversationId]);
    expect(stored(item)).toMatchObject({ hidden: false, hideState: null });
  });

  it('ignores a read begun before the agent’s wish landed: its answer may predate the change', () => {
    const { repos, ingest, stored, wish, tick, now } = workspace();
    const item = comment('c1', 'Cheap watches at spam.example', 10, false);
    ingest([item]);
    const readBegan = now();
    tick(100);
    const row = wish(item, true);
    repos.outbox.claim(row, now());
    repos.outbox.complete(row, now());
    tick(100);

    expect(ingest([readAgain(item, false)], readBegan).hiddenChanged).toEqual([]);
    expect(stored(item).hidden).toBe(true);
    expect(ingest([readAgain(item, false)], now()).hiddenChanged).toEqual([stored(item).conversationId]);
    expect(stored(item).hidden).toBe(false);
  });
});
