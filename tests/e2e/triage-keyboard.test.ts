import { describe, expect, it } from 'vitest';
import type { CDPSession, Locator, Page } from 'playwright-core';
import type { ConversationSummary } from '../../shared/domain';
import { demoWorkspace } from './demo-suite';
import { openApp, publishedWith } from './harness';

/**
 * An agent's morning with the keyboard only, on the demo workspace: open and
 * reply, search and open a result, close, undo, snooze, tag, check rows and
 * close them at once, remap a key and use it, then switch to a Russian layout
 * and keep working. The engine is asked afterwards what happened to every
 * conversation touched, and to the ones that were not.
 */

const demo = demoWorkspace();

/**
 * Reports every pointer event from outside the page (trusted) and every key.
 * A click with detail 0 is Enter or Space on a button: keyboard work.
 */
const WATCH_INPUT = `(() => {
  const pointer = (event) => {
    if (!event.isTrusted || (event.type === 'click' && event.detail === 0)) return;
    window.__e2ePointer(event.type);
  };
  for (const type of ['pointerdown', 'mousedown', 'click', 'auxclick', 'contextmenu']) window.addEventListener(type, pointer, true);
  window.addEventListener('keydown', (event) => event.isTrusted && window.__e2eKey(event.key + ' ' + event.code), true);
})();`;

/** The Russian (ЙЦУКЕН) layout on the keys the test uses: what `key` says, and the physical key. */
const RUSSIAN = {
  j: { key: 'о', code: 'KeyJ', keyCode: 74 },
  s: { key: 'ы', code: 'KeyS', keyCode: 83 },
  l: { key: 'д', code: 'KeyL', keyCode: 76 },
  x: { key: 'ч', code: 'KeyX', keyCode: 88 },
  y: { key: 'н', code: 'KeyY', keyCode: 89 },
} as const;

const POLL = { timeout: 10_000 };
const TAG = 'e2e-vip';
const RUSSIAN_TAG = 'срочно';
const REPLY = `Thank you for waiting, a courier will bring the replacement tomorrow (keyboard e2e).`;


async function allConversations(): Promise<ConversationSummary[]> {
  const items: ConversationSummary[] = [];
  for (let offset = 0; offset < 10_000; offset += 200) {
    const page = await demo.engine.call('inbox.list', { view: 'all', offset, limit: 200 });
    items.push(...page.items);
    if (page.items.length < 200) break;
  }
  return items;
}

/** How many rows the engine has in `view` (the screen's views nav shows the same). */
async function total(view: 'needs_reply' | 'all'): Promise<number> {
  return (await demo.engine.call('inbox.list', { view, offset: 0, limit: 1 })).total;
}

class Agent {
  readonly list: Locator;
  /** The conversations as the engine had them at the last look, to name the row under the cursor. */
  private known: ConversationSummary[] = [];

  constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {
    this.list = page.getByRole('listbox', { name: 'Conversations' });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** A trusted key event with a Russian layout: Cyrillic `key`, Latin `code`, as the OS sends it. */
  async pressRussian(latin: keyof typeof RUSSIAN): Promise<void> {
    const { key, code, keyCode } = RUSSIAN[latin];
    const common = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...common, text: key, unmodifiedText: key });
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
  }

  async activeLabel(): Promise<string> {
    const id = await this.list.getAttribute('aria-activedescendant');
    return id === null ? '' : ((await this.page.locator(`[id="${id}"]`).getAttribute('aria-label')) ?? '');
  }

  /** The conversation under the cursor: its row names the contact first and ends with the preview. */
  async current(): Promise<string> {
    const label = await this.activeLabel();
    const find = () => this.known.filter((c) => label.startsWith(`${c.contactName}, `) && label.endsWith(`: ${c.preview}`));
    if (find().length !== 1) this.known = await allConversations();
    const matches = find();
    expect(matches.map((c) => c.id), `one conversation for the row "${label}"`).toHaveLength(1);
    return matches[0]!.id;
  }

  /** Waits until the cursor is on another conversation than `id` (a close or snooze takes the row away). */
  async movedFrom(id: string): Promise<string> {
    let now = id;
    await expect.poll(async () => (now = await this.current()), POLL).not.toBe(id);
    return now;
  }

  async hasFocus(target: Locator): Promise<boolean> {
    return (await target.and(this.page.locator(':focus')).count()) === 1;
  }

  toast(text: RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** After the key that opens the snooze menu: 1 snoozes for an hour. */
  async snoozeForAnHour(openMenu: () => Promise<void>): Promise<void> {
    const menu = this.page.getByRole('menu', { name: 'Snooze' });
    await openMenu();
    await menu.waitFor(POLL);
    await this.press('1');
    await menu.waitFor({ state: 'detached', ...POLL });
  }

  /** After the key that opens the tag picker: the tag's name, Enter (creating it if new), and Esc once it is ticked. */
  async tag(name: string, openPicker: () => Promise<void>): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Tags' });
    await openPicker();
    await dialog.waitFor(POLL);
    await this.page.keyboard.type(name);
    await expect.poll(async () => (await dialog.getByRole('option').first().textContent()) ?? '', POLL).toContain(name);
    await this.press('Enter');
    await expect.poll(() => dialog.getByRole('option', { name }).getAttribute('aria-checked'), POLL).toBe('true');
    await this.press('Escape');
    await dialog.waitFor({ state: 'detached', ...POLL });
  }
}

describe('triage with the keyboard only', () => {
  it('works through 30 conversations, remaps a key, switches to a Russian layout, and the engine agrees', async () => {
    const pointerEvents: string[] = [];
    const keys: string[] = [];
    const { page, pageErrors } = await openApp(demo.browser, demo.host, async (page) => {
      await page.exposeFunction('__e2ePointer', (type: string) => pointerEvents.push(type));
      await page.exposeFunction('__e2eKey', (key: string) => keys.push(key));
      await page.addInitScript(WATCH_INPUT);
    });
    const agent = new Agent(page, await page.context().newCDPSession(page));
    const { list } = agent;

    // The demo backfill settles first, so rows do not shift under the cursor while it arrives.
    await list.getByRole('option').first().waitFor();
    await expect
      .poll(
        async () => {
          const first = await total('all');
          await new Promise((resolve) => setTimeout(resolve, 700));
          return first > 0 && first === (await total('all'));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await total('needs_reply'), 'enough conversations need a reply to work through 30').toBeGreaterThanOrEqual(45);
    const startedAt = Date.now();
    const before = new Map((await allConversations()).map((c) => [c.id, c]));
    await expect.poll(() => agent.hasFocus(list)).toBe(true);

    const closed: string[] = [];
    const snoozed: string[] = [];
    const tagged: string[] = [];
    const taggedRussian: string[] = [];

    // 1. Open the first conversation and reply; Esc goes back to the list.
    const replied = await agent.current();
    await agent.press('Enter');
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByRole('listitem').first().waitFor();
    await agent.press('r');
    await expect.poll(() => agent.hasFocus(page.getByRole('textbox', { name: 'Reply' }))).toBe(true);
    await page.keyboard.type(REPLY);
    await agent.press('Control+Enter');
    await expect.poll(async () => (await log.getByRole('listitem').filter({ hasText: REPLY }).textContent()) ?? '', { timeout: 15_000 }).toMatch(/Sent/);
    await agent.press('Escape');
    await expect.poll(() => agent.hasFocus(list)).toBe(true);

    // 2. Search for words of a conversation further down, open the result, close it; Home goes back to the top.
    const queue = (await demo.engine.call('inbox.list', { view: 'needs_reply', offset: 0, limit: 50 })).items;
    const wanted = queue[40]!;
    // Words of one message, so they match together; the longest ones are the rarest.
    const [message] = (await demo.engine.call('conversation.get', { id: wanted.id })).messages
      .filter((m) => m.direction === 'in')
      .sort((a, b) => b.body.length - a.body.length);
    const words = new Set(message!.body.split(/[^\p{L}]+/u).filter((word) => word.length >= 5));
    const query = [...words].sort((a, b) => b.length - a.length).slice(0, 2).join(' ');
    expect(query, 'the conversation has words to search for').not.toBe('');
    await agent.press('/');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => agent.hasFocus(search)).toBe(true);
    await page.keyboard.type(query);
    const results = page.getByRole('listbox', { name: 'Search results' });
    await results.getByRole('option').first().waitFor(POLL).catch(async (error: unknown) => {
      throw new Error(`no results for "${query}": ${await page.getByRole('dialog', { name: 'Search' }).textContent()}`, { cause: error });
    });
    // ↓ to the hit from that customer (a common word can match others first).
    for (let step = 0; step < 20; step++) {
      const id = await search.getAttribute('aria-activedescendant');
      if (id !== null && ((await page.locator(`[id="${id}"]`).textContent()) ?? '').includes(wanted.contactName)) break;
      await agent.press('ArrowDown');
    }
    await agent.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: wanted.contactName }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => agent.current(), POLL).toBe(wanted.id);
    await agent.press('e');
    closed.push(wanted.id);
    await agent.movedFrom(wanted.id);
    await agent.press('Home');

    // 3. Close eight in a row with e: the next one comes up under the cursor each time.
    let id = await agent.current();
    for (let n = 0; n < 8; n++) {
      await agent.press('e');
      closed.push(id);
      id = await agent.movedFrom(id);
    }
    await expect.poll(() => agent.toast(/^Closed 1 conversation/).count(), POLL).toBe(1);

    // 4. Close one more and take it back with Ctrl+Z: it returns to its place and stays open.
    const undone = id;
    await agent.press('e');
    await agent.movedFrom(undone);
    await agent.press('Control+z');
    await expect.poll(() => agent.toast(/^Restored 1 conversation/).count(), POLL).toBe(1);
    await expect.poll(() => agent.current(), POLL).toBe(undone);
    await agent.press('j');
    id = await agent.movedFrom(undone);

    // 5. Snooze four for an hour: s opens the menu, 1 picks.
    for (let n = 0; n < 4; n++) {
      await agent.snoozeForAnHour(() => agent.press('s'));
      snoozed.push(id);
      id = await agent.movedFrom(id);
    }

    // 6. Tag four with l (the first time creates the tag); j to the next.
    for (let n = 0; n < 4; n++) {
      await agent.tag(TAG, () => agent.press('l'));
      tagged.push(id);
      await agent.press('j');
      id = await agent.movedFrom(id);
    }

    // 7. Check five rows with x (j between) and close them with one e.
    const checked = list.locator('[role="option"][aria-checked="true"]');
    const bulk: string[] = [];
    for (let n = 0; n < 5; n++) {
      if (n > 0) {
        await agent.press('j');
        id = await agent.movedFrom(id);
      }
      await agent.press('x');
      bulk.push(id);
      await expect.poll(() => checked.count(), POLL).toBe(n + 1);
    }
    await agent.press('e');
    closed.push(...bulk);
    await expect.poll(() => agent.toast(/^Closed 5 conversations/).count(), POLL).toBe(1);
    await expect.poll(() => checked.count(), POLL).toBe(0);
    id = await agent.current();

    // 8. Remap "Close conversation" to y in Settings (reached from the command palette), then use it.
    await agent.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor(POLL);
    await page.keyboard.type('settings');
    await expect.poll(async () => (await palette.getByRole('option').first().textContent()) ?? '', POLL).toContain('Open settings');
    await agent.press('Enter');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.waitFor(POLL);
    const change = settings.getByRole('button', { name: 'Change keys: Close conversation' });
    for (let step = 0; step < 80 && !(await agent.hasFocus(change)); step++) await agent.press('Tab');
    expect(await agent.hasFocus(change)).toBe(true);
    await agent.press('Enter');
    await expect.poll(async () => (await settings.getByRole('status').textContent()) ?? '', POLL).toContain('Press the new keys');
    await agent.press('y');
    await expect.poll(async () => (await settings.getByRole('status').textContent()) ?? '', POLL).toMatch(/Close conversation.*Y/);
    await expect.poll(async () => (await demo.engine.call('settings.get', {})).keymap.close, POLL).toBe('KeyY');
    await agent.press('Escape');
    await settings.waitFor({ state: 'detached', ...POLL });
    await expect.poll(() => agent.hasFocus(list)).toBe(true);
    await agent.press('y');
    closed.push(id);
    id = await agent.movedFrom(id);

    // 9. A Russian layout: the same physical keys, Cyrillic characters. Close two with н (the remapped y).
    for (let n = 0; n < 2; n++) {
      await agent.pressRussian('y');
      closed.push(id);
      id = await agent.movedFrom(id);
    }
    // Snooze one: ы, then 1.
    await agent.snoozeForAnHour(() => agent.pressRussian('s'));
    snoozed.push(id);
    id = await agent.movedFrom(id);
    // Tag one with a new Russian tag: д, the name, Enter, Esc; о to the next.
    await agent.tag(RUSSIAN_TAG, () => agent.pressRussian('l'));
    taggedRussian.push(id);
    await agent.pressRussian('j');
    id = await agent.movedFrom(id);
    // Check two with ч (о between) and close both with н.
    const russianBulk = [id];
    await agent.pressRussian('x');
    await agent.pressRussian('j');
    id = await agent.movedFrom(id);
    russianBulk.push(id);
    await agent.pressRussian('x');
    await expect.poll(() => checked.count(), POLL).toBe(2);
    await agent.pressRussian('y');
    closed.push(...russianBulk);
    await expect.poll(() => agent.toast(/^Closed 2 conversations/).count(), POLL).toBe(1);

    // What the page saw: keys only, the Russian ones with Cyrillic key and Latin code, and no errors.
    expect(pointerEvents).toEqual([]);
    expect(keys).toContain('н KeyY');
    expect(keys).toContain('о KeyJ');
    expect(pageErrors).toEqual([]);
    const worked = new Set([replied, ...closed, ...snoozed, ...tagged, ...taggedRussian]);
    expect(worked.size).toBeGreaterThanOrEqual(30);

    // What the engine holds. A conversation a customer wrote to again during the run may have reopened; it is left out.
    const wroteAgain = (c: ConversationSummary) => c.lastMessageAt >= startedAt && c.id !== replied;
    let after = new Map<string, ConversationSummary>();
    const settledState = async () => {
      after = new Map((await allConversations()).map((c) => [c.id, c]));
      const expectClosed = (c: ConversationSummary) => closed.includes(c.id) || (before.get(c.id)?.status === 'closed' && c.id !== undone);
      return [...after.values()].filter((c) => !wroteAgain(c) && (c.status === 'closed') !== expectClosed(c)).map((c) => c.id);
    };
    await expect.poll(settledState, POLL).toEqual([]);
    expect(after.get(undone)?.status).toBe('open');
    for (const conversation of snoozed.map((sid) => after.get(sid)!)) {
      if (wroteAgain(conversation)) continue;
      expect(conversation.status).toBe('snoozed');
      expect(conversation.snoozedUntil).toBeGreaterThan(Date.now() + 30 * 60_000);
    }
    const tags = (await demo.engine.call('tags.list', {})).tags;
    const tagId = tags.find((tag) => tag.name === TAG)?.id;
    const russianTagId = tags.find((tag) => tag.name === RUSSIAN_TAG)?.id;
    expect(tagId).toBeDefined();
    expect(russianTagId).toBeDefined();
    expect([...after.values()].filter((c) => c.tagIds.includes(tagId!)).map((c) => c.id).sort()).toEqual([...tagged].sort());
    expect([...after.values()].filter((c) => c.tagIds.includes(russianTagId!)).map((c) => c.id)).toEqual(taggedRussian);

    // The reply went out once, and the conversation holds it once.
    await expect.poll(async () => (await publishedWith(demo.host.sandboxUrl, REPLY)).length, POLL).toBe(1);
    const thread = await demo.engine.call('conversation.get', { id: replied });
    expect(thread.messages.filter((m) => m.direction === 'out' && m.body === REPLY)).toHaveLength(1);
    expect((await publishedWith(demo.host.sandboxUrl, REPLY))[0]!.attempts).toBe(1);
    await page.close();
  });
});
