import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Client } from '../../shared/rpc';
import { demoWorkspace } from './demo-suite';
import { contractClient, openApp, publishedWith, spawnHost, startHost } from './harness';

const demo = demoWorkspace();


/**
 * Opens, with the keyboard, the first conversation whose row label passes
 * `wanted` (the first in the list without one) and goes to the reply box;
 * returns the contact.
 */
async function openConversation(page: Page, wanted?: string | ((label: string) => boolean)): Promise<string> {
  const list = page.getByRole('listbox', { name: 'Conversations' });
  await list.getByRole('option').first().waitFor({ timeout: 30_000 });
  await list.focus();
  const activeLabel = async () => (await page.locator(`#${await list.getAttribute('aria-activedescendant')}`).getAttribute('aria-label')) ?? '';
  if (wanted !== undefined) {
    const fits = typeof wanted === 'string' ? (label: string) => label.startsWith(`${wanted},`) : wanted;
    for (let step = 0; step < 500 && !fits(await activeLabel()); step++) await page.keyboard.press('j');
  }
  const contact = (await activeLabel()).split(',')[0]!;
  await page.keyboard.press('Enter');
  await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').first().waitFor();
  await page.keyboard.press('r');
  return contact;
}

/** The conversation the engine keeps a draft with this text for: the draft reached SQLite. */
async function draftedConversation(client: Client, text: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const { items } = await client.call('inbox.list', { view: 'all', offset: 0, limit: 200 });
        for (const item of items.filter((candidate) => candidate.hasDraft)) {
          if ((await client.call('draft.get', { conversationId: item.id }))?.body === text) found = item.id;
        }
        return found;
      },
      { timeout: 10_000 },
    )
    .toBeDefined();
  return found!;
}

describe('the reply composer', () => {
  it('keeps a draft across a reload, takes a sent reply back with Ctrl+Z, and publishes it once when let go', async () => {
    const { page, pageErrors } = await openApp(demo.browser, demo.host);
    const contact = await openConversation(page);
    const text = 'Thank you for waiting — a courier will call you tomorrow morning.';
    await page.keyboard.type(text);
    const conversationId = await draftedConversation(demo.engine, text);

    await page.reload();
    await openConversation(page, contact);
    const box = page.getByRole('textbox', { name: 'Reply' });
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe(text);

    // Sent, and taken back inside the window: the text is in the box again, and the message is gone.
    await page.keyboard.press('Control+Enter');
    const countdown = page.getByRole('status').filter({ hasText: /^Sending in \d+ s · Undo \(Ctrl\+Z\)$/ });
    await expect.poll(() => countdown.count()).toBe(1);
    expect(await box.inputValue()).toBe('');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => box.inputValue()).toBe(text);
    expect(await box.and(page.locator(':focus')).count()).toBe(1); // focus is back in the box
    const mine = page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
    await expect.poll(() => mine.count()).toBe(0);
    expect(await countdown.count()).toBe(0);

    // Sent again and let go: published once — the undone copy never went out.
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await mine.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Sent/);
    expect(await publishedWith(demo.host.sandboxUrl, text)).toHaveLength(1);
    expect(await demo.engine.call('draft.get', { conversationId })).toBeNull();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('keyboard only: a canned reply with its fields filled, a misspelling fixed from the suggestions, blocked by a phone number in public, sent privately with one key, undone, sent again', async () => {
    const { page, pageErrors } = await openApp(demo.browser, demo.host);
    // An English-speaking customer's comment: the picker offers the customer's language first, and which comment
    // tops the queue changes with the time of day (SLA clocks run in business hours).
    const { items } = await demo.engine.call('inbox.list', { view: 'needs_reply', offset: 0, limit: 200 });
    const english = items.find((item) => item.kind === 'comment' && item.lang === 'en')!;
    await openConversation(page, (label) => label.startsWith(`${english.contactName},`) && label.includes(', comment,'));
    const box = page.getByRole('textbox', { name: 'Reply' });

    // Ctrl+/ opens the picker; the shortcut finds the reply; Enter puts it in with its first field selected.
    await page.keyboard.press('Control+/');
    await page.getByRole('combobox', { name: 'Find a canned reply' }).waitFor();
    await page.keyboard.type('status');
    await page.getByRole('option', { name: /Order status/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => box.inputValue()).toMatch(/^Hi .*\{\{\? order number \}\}.*\{\{\? where it is now \}\}/);
    expect(await page.getByText('2 fields to fill · Tab moves between them').count()).toBe(1);
    await page.keyboard.type('1042');
    await page.keyboard.press('Tab');
    await page.keyboard.type('with the courier and arrives tomorow');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' If it is late, call us on +48 601 234 567.');
    expect(await box.inputValue()).not.toMatch(/\{\{/);

    // The checks underline as the agent types; the fix key walks the marked text to the misspelling.
    const misspelt = page.locator('mark.composer-mark', { hasText: 'tomorow' });
    await misspelt.waitFor({ timeout: 20_000 }); // the first check loads the English dictionary
    await page.keyboard.press('Control+.');
    for (let step = 0; step < 5 && (await page.getByRole('listbox', { name: 'Fixes for “tomorow”' }).count()) === 0; step++) await page.keyboard.press('Control+.');
    const fixes = page.getByRole('listbox', { name: 'Fixes for “tomorow”' });
    expect(await fixes.getByRole('option').first().textContent()).toBe('tomorrow');
    await page.keyboard.press('Enter');
    await expect.poll(() => box.inputValue()).toContain('arrives tomorrow.');
    const text = await box.inputValue();

    // In public the engine refuses it: a phone number (and the order number) belong in a private reply.
    await page.keyboard.press('Control+Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'Not sent — please look at this first:' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('A phone number in a public reply');
    expect(await box.inputValue()).toBe(text);

    // One key: reply privately instead; sent, taken back within the window, sent again.
    const privately = page.getByRole('status').filter({ hasText: /^Private reply/ });
    await page.keyboard.press('Control+Shift+P');
    await privately.waitFor();
    await page.keyboard.press('Control+Enter');
    const countdown = page.getByRole('status').filter({ hasText: /^Sending in \d+ s · Undo \(Ctrl\+Z\)$/ });
    await countdown.waitFor();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => box.inputValue()).toBe(text);
    expect(await privately.count()).toBe(1);
    await page.keyboard.press('Control+Enter');
    const mine = page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'call us on +48 601 234 567' });
    await expect.poll(async () => (await mine.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Sent/);
    const published = await publishedWith(demo.host.sandboxUrl, text);
    expect(published.map((reply) => reply.visibility)).toEqual(['private']);

    // The public thread is offered the library's "continue privately" line; one key puts it in, and it goes out in public.
    await page.getByRole('region', { name: 'Let the customer know in public that you answered privately?' }).waitFor();
    await page.keyboard.press('Control+Shift+H');
    await expect.poll(() => box.inputValue()).not.toBe('');
    const handoff = await box.inputValue();
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await publishedWith(demo.host.sandboxUrl, handoff)).map((reply) => reply.visibility), { timeout: 20_000 }).toEqual(['public']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('finds a draft again after the host is killed while it was being typed', async () => {
    const crashing = await startHost();
    const client = contractClient(crashing);
    let restarted: Awaited<ReturnType<typeof spawnHost>> | undefined;
    try {
      const { page } = await openApp(demo.browser, crashing);
      const contact = await openConversation(page);
      const text = 'Half a sentence when the power went';
      await page.keyboard.type(text);
      await draftedConversation(client, text); // saved while typing: no blur, no close
      client.close();
      process.kill(hostPid(crashing.dataDir), 'SIGKILL');
      await page.close();

      restarted = await spawnHost(crashing.dataDir, ['--demo', '--seed', '5', '--poll-interval-ms', '300']);
      const again = await openApp(demo.browser, { ...crashing, url: restarted.url, origin: restarted.origin, token: restarted.token });
      await openConversation(again.page, contact);
      await expect.poll(() => again.page.getByRole('textbox', { name: 'Reply' }).inputValue(), { timeout: 10_000 }).toBe(text);
      await again.page.close();
    } finally {
      client.close();
      await restarted?.stop();
      await crashing.stop();
    }
  });
});

/** The host process serving `dataDir` (the harness starts it; only its own data dir names it). */
function hostPid(dataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    const at = args.indexOf('--data-dir');
    if (at >= 0 && args[at + 1] === dataDir) return Number(entry);
  }
  throw new Error(`no demo.host process for ${dataDir}`);
}
