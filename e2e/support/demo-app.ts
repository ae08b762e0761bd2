/** One running demo server and one Chromium per test file, started before its tests and stopped after. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { type RunningServer, startServer } from './server.js';

export interface DemoApp {
  /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly browser: Browser;
}

/** Registers the file's beforeAll/afterAll; the returned object is usable inside tests (not at import time). */
export function startDemoApp(): DemoApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the demo server is not started (use inside a test)');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched (use inside a test)');
      return browser;
    },
  };
}
