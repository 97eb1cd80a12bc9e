import { describe, expect, it } from 'vitest';
import { ru } from '../../shared/i18n/ru';
import { demoWorkspace } from './demo-suite';
import { openApp, publishedWith } from './harness';

const demo = demoWorkspace();


describe('the browser host on the demo workspace', () => {
  it('refuses the app without the token', async () => {
    const page = await demo.browser.newPage();
    const response = await page.goto(demo.host.origin + '/');
    expect(response?.status()).toBe(401);
    await page.close();
  });

  it('shows the synced inbox as an accessible, virtualized listbox', async () => {
    const { page, pageErrors } = await openApp(demo.browser, demo.host);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await expect.poll(async () => Number(await list.getByRole('option').first().getAttribute('aria-setsize')), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    const options = list.getByRole('option');
    const rendered = await options.count();
    expect(rendered).toBeGreaterThanOrEqual(10);
    const total = Number(await options.first().getAttribute('aria-setsize'));
    if (total > 100) expect(rendered).toBeLessThan(total); // only the window is in the DOM
    const labels = await Promise.all((await options.all()).slice(0, 10).map(async (option) => (await option.getAttribute('aria-label')) ?? ''));
    for (const label of labels) expect(label).toMatch(/^[^,]+, (DM|comment|mention|review), .+: .+/);
    const status = page.getByRole('status', { name: /^Connection: / });
    expect(await status.count()).toBe(1);
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 }).toMatch(/^(Online|Syncing)$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('opens a conversation with the keyboard and shows its messages', async () => {
    const { page } = await openApp(demo.browser, demo.host);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.getByRole('option').first().waitFor();
    await list.focus();
    await page.keyboard.press('j');
    const label = (await page.locator(`#${await list.getAttribute('aria-activedescendant')}`).getAttribute('aria-label'))!;
    await page.keyboard.press('Enter');
    const log = page.getByRole('log', { name: 'Messages' });
    await expect.poll(() => log.getByRole('listitem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const contact = label.split(',')[0]!;
    await expect.poll(() => page.getByRole('heading', { level: 2, name: contact }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('sends a reply typed with Ctrl+Enter; the platform receives it exactly once', async () => {
    const { page } = await openApp(demo.browser, demo.host);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.getByRole('option').first().waitFor();
    await list.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').first().waitFor();
    await page.keyboard.press('r');
    const text = `Thanks for your patience — we have sent a replacement (e2e).`;
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter');
    expect(await page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('');
    const mine = page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
    await expect.poll(() => mine.count()).toBe(1); // shown at once, before the platform answers
    await expect.poll(async () => (await mine.textContent()) ?? '', { timeout: 15_000 }).toMatch(/Sent/);
    await expect.poll(async () => (await publishedWith(demo.host.sandboxUrl, text)).length, { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(1_500); // a few more polls and outbox passes: still once
    const received = await publishedWith(demo.host.sandboxUrl, text);
    expect(received).toHaveLength(1);
    expect(received[0]!.attempts).toBe(1);
    expect(await mine.count()).toBe(1);
    await page.close();
  });

  it('renders a hostile message body as text and runs nothing', async () => {
    const needle = '<img src=x onerror=';
    // Ask the engine where that conversation sits in the default view, then go there with the keyboard.
    let target: { id: string; contactName: string; preview: string } | undefined;
    for (let offset = 0; !target && offset < 1_000; offset += 100) {
      const page = await demo.engine.call('inbox.list', { view: 'needs_reply', offset, limit: 100 });
      for (const item of page.items) {
        const conversation = await demo.engine.call('conversation.get', { id: item.id });
        if (conversation.messages.some((m) => m.body.includes(needle))) {
          target = item;
          break;
        }
      }
      if (page.items.length < 100) break;
    }
    expect(target, 'the demo workspace holds a message with an <img onerror> payload').toBeDefined();

    const { page, dialogs, pageErrors } = await openApp(demo.browser, demo.host);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.getByRole('option').first().waitFor();
    await list.focus();
    const activeLabel = async () => (await page.locator(`#${await list.getAttribute('aria-activedescendant')}`).getAttribute('aria-label')) ?? '';
    for (let step = 0; step < 1_000 && !(await activeLabel()).startsWith(`${target!.contactName},`); step++) await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const log = page.getByRole('log', { name: 'Messages' });
    const hostile = log.getByRole('listitem').filter({ hasText: needle });
    await expect.poll(() => hostile.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await log.locator('img, script, iframe, svg').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('switches the interface language and keeps it', async () => {
    const { page } = await openApp(demo.browser, demo.host);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await expect.poll(() => page.getByRole('listbox', { name: ru['inbox.label'] }).count()).toBe(1);
    await expect.poll(async () => (await demo.engine.call('settings.get', {})).language).toBe('ru');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: ru['views.needs_reply'] }).count(), { timeout: 10_000 }).toBe(1);
    await demo.engine.call('settings.update', { language: null });
    await page.close();
  });
});
