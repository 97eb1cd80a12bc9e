import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WORKSPACE_FILE } from '../../main/engine/engine';
import { demoWorkspace } from './demo-suite';
import { moderationOf, openApp } from './harness';

const demo = demoWorkspace();

/** Moves the queue's cursor, with Home and j, to the first row whose label starts with `contact`. */
async function cursorTo(page: Page, contact: string): Promise<void> {
  const list = page.getByRole('listbox', { name: 'Conversations' });
  await list.getByRole('option').first().waitFor({ timeout: 30_000 });
  await list.focus();
  await page.keyboard.press('Home');
  const activeLabel = async () => (await page.locator(`#${await list.getAttribute('aria-activedescendant')}`).getAttribute('aria-label')) ?? '';
  for (let step = 0; step < 500 && !(await activeLabel()).startsWith(`${contact},`); step++) await page.keyboard.press('j');
  expect((await activeLabel()).startsWith(`${contact},`)).toBe(true);
}

/** The sandbox's id for a message: what its own record of hidden comments is keyed by. */
function platformIdOf(messageId: string): string {
  const db = new Database(join(demo.host.dataDir, WORKSPACE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT platform_id FROM messages WHERE id = ?').pluck().get(messageId) as string;
  } finally {
    db.close();
  }
}

describe('hiding a customer comment', () => {
  it('hides the newest comment with Shift+H from the queue, the platform records it, and Shift+H shows it again', async () => {
    const { page, pageErrors } = await openApp(demo.browser, demo.host);
    const { items } = await demo.engine.call('inbox.list', { view: 'needs_reply', offset: 0, limit: 200 }); // the queue the page opens on
    const target = items.find((item) => item.kind === 'comment')!;
    const comment = (await demo.engine.call('conversation.get', { id: target.id })).messages.findLast((message) => message.direction === 'in')!;
    const itemId = platformIdOf(comment.id);

    await cursorTo(page, target.contactName);
    await page.keyboard.press('Shift+H');
    const shown = page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: comment.body.slice(0, 40) });
    await expect.poll(async () => (await shown.last().textContent()) ?? '', { timeout: 10_000 }).toContain('Hidden from the public');
    // The outbox carries it to the platform, and the screen stops saying it is on its way.
    await expect.poll(async () => (await moderationOf(demo.host.sandboxUrl, itemId))?.hidden, { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await shown.last().textContent()) ?? '', { timeout: 10_000 }).not.toContain('Hiding…');
    expect(await page.getByRole('listbox', { name: 'Conversations' }).and(page.locator(':focus')).count()).toBe(1);

    await page.keyboard.press('Shift+H');
    await expect.poll(async () => (await moderationOf(demo.host.sandboxUrl, itemId))?.hidden, { timeout: 20_000 }).toBe(false);
    await expect.poll(async () => (await shown.last().textContent()) ?? '', { timeout: 10_000 }).not.toMatch(/Hidden from the public|Showing again…/);
    expect((await moderationOf(demo.host.sandboxUrl, itemId))?.requests).toBe(2);

    // A DM has nothing to hide with: the conversation says so, and nothing reaches the platform.
    const dm = items.find((item) => item.kind === 'dm')!;
    await cursorTo(page, dm.contactName);
    await page.keyboard.press('Shift+H');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'This platform does not let these messages be hidden.' }).count(), { timeout: 10_000 }).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
