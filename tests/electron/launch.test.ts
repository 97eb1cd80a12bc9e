import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { electronBinary, whyNoDesktop } from '../../scripts/electron-binary.mjs';
import { publishedWith } from '../e2e/harness';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../main/electron/window-security';
import { NO_NODE_GLOBALS, inspectPageIsolation, sendReplyFromKeyboard } from './scenarios';

/**
 * The desktop app itself, started by Playwright on a fresh demo workspace:
 * window security seen from the inside and from the main process, and a reply
 * sent end to end. It needs the Electron binary (and a display on Linux), which
 * CI machines here do not download; there the suite is skipped and says why.
 * The same page scenarios run in the browser-host suite (tests/e2e/page-isolation.test.ts).
 * Run with a fresh build: `node scripts/build.mjs && npx vitest run --project electron`.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const skipReason = whyNoDesktop();
if (skipReason) console.warn(`Electron launch tests skipped: ${skipReason}. The same page scenarios run in the browser-host suite (tests/e2e/page-isolation.test.ts).`);

describe.skipIf(skipReason !== null)(`the desktop app${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication;
  let page: Page;
  let sandboxUrl: string;
  const folders: string[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-electron-data-'));
    const userData = mkdtempSync(join(tmpdir(), 'switchboard-electron-user-'));
    folders.push(dataDir, userData);
    // English whatever the machine's locale: the assertions read English labels.
    app = await _electron.launch({
      executablePath: electronBinary()!,
      args: [ROOT, '--lang=en-US', '--demo', '--data-dir', dataDir, '--user-data-dir', userData],
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
      cwd: ROOT,
    });
    const sandboxLine = new Promise<string>((resolve) => {
      createInterface({ input: app.process().stderr! }).on('line', (line) => line.startsWith('Sandbox platform (demo) at ') && resolve(line));
    });
    page = await app.firstWindow();
    sandboxUrl = (await sandboxLine).slice('Sandbox platform (demo) at '.length);
  });

  afterAll(async () => {
    await app?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('opens our page from the app:// origin with the CSP header', async () => {
    expect(page.url()).toBe(`${APP_ORIGIN}/index.html`);
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('gives the page no require, no process, only the preload\'s two functions, and no eval or remote scripts', async () => {
    const isolation = await inspectPageIsolation(page);
    expect(isolation.nodeGlobals).toEqual(NO_NODE_GLOBALS);
    expect(isolation.bridgeKeys).toEqual(['onMessage', 'postMessage']);
    expect(isolation.evalOutcome).toBe('refused by CSP');
    expect(isolation.remoteScript).toBe('refused by CSP');
  });

  it('stays on its page and opens no windows when the page tries', async () => {
    await page.evaluate(() => {
      window.open('file:///etc/passwd');
      location.href = 'file:///etc/passwd';
    });
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url()).toBe(`${APP_ORIGIN}/index.html`);
  });

  it('sends a reply that the platform receives once', async () => {
    const text = 'Sent from the desktop window — thank you for your patience.';
    await sendReplyFromKeyboard(page, text);
    await expect.poll(async () => (await publishedWith(sandboxUrl, text)).length, { timeout: 30_000 }).toBe(1);
  });

  it('has the main actions in the app menu, with their keys', async () => {
    const reply = await app.evaluate(({ Menu }) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById('action.reply');
      return item ? { label: item.label, accelerator: item.accelerator } : null;
    });
    expect(reply).toEqual({ label: 'Reply', accelerator: 'R' });
  });
});
