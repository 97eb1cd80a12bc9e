import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Scenarios run against both hosts: the desktop window (tests/electron, where
 * the Electron binary exists) and the browser host (tests/e2e, everywhere).
 * No Electron import here: the browser-host suite loads this file too.
 */

export interface PageIsolation {
  /** `typeof` of the Node globals a page must never see. */
  nodeGlobals: Record<'require' | 'process' | 'module' | 'Buffer' | 'global' | '__dirname', string>;
  /** The keys of `window.switchboard` (the preload's one object), or null where there is no preload. */
  bridgeKeys: string[] | null;
  /** What code from a string does under the page's CSP: 'refused by CSP', or 'ran'. */
  evalOutcome: string;
  /** What a `<script>` from elsewhere does: 'refused by CSP', or 'loaded' / 'failed to load' when no policy stopped it. */
  remoteScript: string;
}

/** The little of the DOM the in-page check uses (this file is typechecked without the DOM library, for Node). */
interface PageDocument {
  createElement(tag: 'script'): { src: string; onload: (() => void) | null; onerror: (() => void) | null };
  addEventListener(type: 'securitypolicyviolation', listener: (event: { blockedURI: string }) => void): void;
  head: { append(node: unknown): void };
}

/** Looks at the page from the inside, as a script injected into it would. */
export async function inspectPageIsolation(page: Page): Promise<PageIsolation> {
  return page.evaluate(async () => {
    const scope = globalThis as Record<string, unknown>;
    const document = scope.document as PageDocument;
    const bridge = scope.switchboard;
    // A string handed to a timer is evaluated by the page itself — what an injected payload would try. The CSP
    // (no 'unsafe-eval') must refuse it. eval() called from here would not tell: the test's own evaluation runs outside the page's policy.
    const evalOutcome = await new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => event.blockedURI === 'eval' && resolve('refused by CSP'));
      (scope.setTimeout as (code: string, ms: number) => void)('globalThis.__switchboardEvalRan = true', 0);
      setTimeout(() => resolve(scope.__switchboardEvalRan === true ? 'ran' : 'did not run'), 300);
    });
    const remoteScript = await new Promise<string>((resolve) => {
      const script = document.createElement('script');
      script.src = 'https://127.0.0.1:9/payload.js'; // nothing listens there: without a CSP it fails to load, which is a different answer
      document.addEventListener('securitypolicyviolation', (event) => event.blockedURI.startsWith('https://127.0.0.1:9') && resolve('refused by CSP'));
      script.onload = () => resolve('loaded');
      // The violation is reported before the error event; the short wait only lets it arrive first.
      script.onerror = () => setTimeout(() => resolve('failed to load'), 200);
      document.head.append(script);
    });
    return {
      nodeGlobals: {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
        global: typeof scope.global,
        __dirname: typeof scope.__dirname,
      },
      bridgeKeys: typeof bridge === 'object' && bridge !== null ? Object.keys(bridge).sort() : null,
      evalOutcome,
      remoteScript,
    };
  });
}

export const NO_NODE_GLOBALS: PageIsolation['nodeGlobals'] = { require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', global: 'undefined', __dirname: 'undefined' };

/**
 * Opens the first conversation in the list with the keyboard, sends `text`
 * (undo window included) and waits until the message shows as sent. Returns
 * the contact's name.
 */
export async function sendReplyFromKeyboard(page: Page, text: string): Promise<string> {
  const list = page.getByRole('listbox', { name: 'Conversations' });
  await list.getByRole('option').first().waitFor({ timeout: 30_000 });
  await list.focus();
  const active = page.locator(`#${await list.getAttribute('aria-activedescendant')}`);
  const contact = ((await active.getAttribute('aria-label')) ?? '').split(',')[0]!;
  await page.keyboard.press('Enter');
  await page.getByRole('log', { name: 'Messages' }).getByRole('listitem').first().waitFor();
  await page.keyboard.press('r');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  const mine = page.getByRole('log', { name: 'Messages' }).getByRole('listitem').filter({ hasText: text });
  await expect.poll(async () => (await mine.textContent()) ?? '', { timeout: 30_000 }).toMatch(/Sent/);
  return contact;
}
