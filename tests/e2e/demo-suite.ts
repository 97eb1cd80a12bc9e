import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Client } from '../../shared/rpc';
import { contractClient, openBrowser, startHost, type RunningHost } from './harness';

export interface DemoWorkspace {
  host: RunningHost;
  browser: Browser;
  /** The contract over the host's WebSocket, to ask the engine what happened. */
  engine: Client;
}

/**
 * One browser host on a fresh demo workspace, one Chromium and one contract
 * client for a test file: started before its tests, stopped after them. Kept
 * out of harness.ts, which the benchmark imports without vitest.
 */
export function demoWorkspace(): DemoWorkspace {
  const demo = {} as DemoWorkspace;
  beforeAll(async () => {
    demo.host = await startHost();
    demo.browser = await openBrowser();
    demo.engine = contractClient(demo.host);
  });
  afterAll(async () => {
    demo.engine?.close();
    await demo.browser?.close();
    await demo.host?.stop();
  });
  return demo;
}
