import { describe, expect, it } from 'vitest';
import { NO_NODE_GLOBALS, inspectPageIsolation } from '../electron/scenarios';
import { demoWorkspace } from './demo-suite';
import { openApp } from './harness';

const demo = demoWorkspace();

/** The browser-host twin of the desktop launch test (tests/electron/launch.test.ts): the same look from inside the page. */
describe('the page, as the browser host serves it', () => {
  it('sees no Node globals and no bridge, and its CSP refuses eval and remote scripts', async () => {
    const { page, pageErrors } = await openApp(demo.browser, demo.host);
    await page.getByRole('listbox', { name: 'Conversations' }).waitFor({ timeout: 30_000 });
    const isolation = await inspectPageIsolation(page);
    expect(isolation.nodeGlobals).toEqual(NO_NODE_GLOBALS);
    expect(isolation.bridgeKeys).toBeNull(); // no preload here: the contract goes over the WebSocket
    expect(isolation.evalOutcome).toBe('refused by CSP');
    expect(isolation.remoteScript).toBe('refused by CSP');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
